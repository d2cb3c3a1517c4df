import { createHmac, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { ManualClock } from '../../server/src/core/clock';
import type { ContextDeps } from '../../server/src/core/context';
import { openDatabase } from '../../server/src/core/database';
import { inTransaction } from '../../server/src/core/db';
import { Role } from '../../server/src/modules/access/role';
import type { User } from '../../server/src/modules/account/user.entity';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { LineLinkCode } from '../../server/src/modules/notification/line.entity';
import { channelsOf } from '../../server/src/modules/notification/notification.channel';
import { deliverNotices } from '../../server/src/modules/notification/notification.delivery';
import {
  NotificationChannel,
  NotificationDelivery,
  NotificationKind,
  NotificationSetting,
  NoticeDeliveryStatus,
  Notification,
} from '../../server/src/modules/notification/notification.entity';
import { eventKey, writeNotices, type NoticeRecipient } from '../../server/src/modules/notification/notification.service';
import { freshName, makeSession, makeUser } from '../fixtures/factories';
import {
  LineSettingsDocument,
  LinkLineAccountDocument,
  NotificationDeliveriesDocument,
  RetryNotificationDeliveryDocument,
  SendTestNotificationDocument,
  UnlinkLineAccountDocument,
} from '../gql/graphql';
import { LineStandIn } from '../support/line-stand-in';
import { codeOf, databases, TestServer } from './harness';

const TOKEN = 'test-channel-access-token';
const SECRET = 'test-channel-secret';
/** 10:00 in Thailand. */
const MORNING = new Date('2024-05-02T03:00:00Z');
/** 22:00 in Thailand: quiet hours. */
const NIGHT = new Date('2024-05-02T15:00:00Z');
/** 07:00 in Thailand the next day: the quiet hours end. */
const NEXT_MORNING = new Date('2024-05-03T00:00:00Z');

const lineUserId = () => `U${randomBytes(16).toString('hex')}`;
const sign = (body: string, secret = SECRET) => createHmac('sha256', secret).update(body).digest('base64');

/**
 * The LINE channel of notices (#15), against a real HTTP server standing in for LINE's Messaging API:
 * pushes with the channel's token, the body LINE reads and a retry key per delivery; 429 and 5xx retried
 * (after Retry-After), a push whose answer was lost shown once; linking by a one-time code sent to the
 * Official Account through the signed webhook; quiet hours and the daily cap; two runners never push one
 * delivery twice; ADMIN's delivery log, retry and test send.
 */
describe.each(databases)('LINE channel ($name)', ({ name, url }) => {
  let server: TestServer;
  let line: LineStandIn;
  let otherDb: DataSource;
  let otherDeps: ContextDeps;
  const clock = new ManualClock(MORNING);

  beforeAll(async () => {
    line = await LineStandIn.start();
    server = await TestServer.start(url(), {
      clock,
      env: { LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_CHANNEL_SECRET: SECRET, LINE_API_BASE_URL: line.url },
    });
    otherDb = name === 'mariadb' ? await openDatabase(server.config.db) : server.db;
    otherDeps = { ...server.deps, db: otherDb, channels: channelsOf({ db: otherDb, mailer: server.deps.mailer, config: server.config }) };
  });
  afterAll(async () => {
    if (otherDb !== server.db) await otherDb.destroy();
    await server.stop();
    await line.close();
  });
  beforeEach(() => {
    clock.set(MORNING);
    line.reset();
  });

  /** An officer whose account is linked to a new LINE user. */
  async function linkedUser(overrides: Partial<User> = {}) {
    const user = await makeUser(server.db, Role.PROVINCE_OFFICER, {
      provinceCode: '10',
      email: `${freshName('p')}@example.go.th`,
      ...overrides,
    });
    const id = lineUserId();
    await server.db.getRepository(NotificationSetting).insert({
      userId: user.id,
      email: true,
      line: true,
      deadlineReminders: true,
      roundOpened: true,
      lineUserId: id,
      updatedAt: clock.now(),
    });
    return { user, lineUserId: id };
  }

  const recipientOf = (user: User, lineId: string | null): NoticeRecipient => ({
    userId: user.id,
    displayName: user.displayName,
    email: user.email,
    lineUserId: lineId,
    laoCode: null,
    provinceCode: user.provinceCode,
    settings: { email: true, line: true, deadlineReminders: true, roundOpened: true },
  });

  /** Queues `count` notices to the user (as reminders and decisions do) and answers their LINE deliveries. */
  async function queue(user: User, lineId: string, count = 1): Promise<NotificationDelivery[]> {
    const keys = Array.from({ length: count }, () => eventKey('line-test'));
    await inTransaction(server.db, (em) =>
      writeNotices(
        em,
        clock.now(),
        keys.map((dedupeKey, i) => ({
          recipient: recipientOf(user, lineId),
          text: { kind: NotificationKind.DECISION, title: 'ผลการพิจารณาคำขอเพิ่มโครงการ', body: `ข้อความที่ ${i + 1}`, link: '/review' },
          dedupeKey,
        })),
        server.deps.channels.values(),
      ),
    );
    const notices = await server.db.getRepository(Notification).findBy({ userId: user.id, dedupeKey: In(keys) });
    return server.db
      .getRepository(NotificationDelivery)
      .find({ where: { notificationId: In(notices.map((n) => n.id)), channel: NotificationChannel.LINE }, order: { id: 'ASC' } });
  }

  const deliver = () => deliverNotices(server.deps, () => clock.now());
  const reload = (d: NotificationDelivery) => server.db.getRepository(NotificationDelivery).findOneByOrFail({ id: d.id });
  const pushesTo = (id: string) => line.pushes().filter((p) => p.body?.to === id);

  it('pushes with the channel token, the body LINE reads and the delivery’s retry key', async () => {
    const { user, lineUserId: id } = await linkedUser();
    const [delivery] = await queue(user, id);
    expect(delivery.retryKey).toMatch(/^[0-9a-f-]{36}$/);
    await deliver();
    const [push] = pushesTo(id);
    expect(push.authorization).toBe(`Bearer ${TOKEN}`);
    expect(push.retryKey).toBe(delivery.retryKey);
    expect(push.body).toEqual({
      to: id,
      messages: [{ type: 'text', text: 'ผลการพิจารณาคำขอเพิ่มโครงการ\n\nข้อความที่ 1\n\nเปิดในระบบ e-PlanNACC: http://eplan.test/review' }],
    });
    expect(await reload(delivery)).toMatchObject({ status: NoticeDeliveryStatus.SENT, attempts: 1, lastError: null });
    // The e-mail of the same notice went its own way (the outbox without SMTP_URL).
    const email = await server.db
      .getRepository(NotificationDelivery)
      .findOneByOrFail({ notificationId: delivery.notificationId, channel: NotificationChannel.EMAIL });
    expect(email.status).toBe(NoticeDeliveryStatus.SENT);
  });

  it('a 429 is retried after its Retry-After, and the message is shown once', async () => {
    const { user, lineUserId: id } = await linkedUser();
    const [delivery] = await queue(user, id);
    line.script.push({ status: 429, retryAfter: 30 });
    await deliver();
    const waiting = await reload(delivery);
    expect(waiting).toMatchObject({ status: NoticeDeliveryStatus.PENDING, attempts: 1 });
    expect(waiting.lastError).toContain('429');
    // Not before Retry-After (30 s, longer than the first backoff of 10 s).
    expect(waiting.nextAttemptAt.getTime() - clock.now().getTime()).toBe(30_000);
    clock.advance(20_000);
    await deliver();
    expect(pushesTo(id)).toHaveLength(1);
    clock.advance(11_000);
    await deliver();
    expect(pushesTo(id).map((p) => p.status)).toEqual([429, 200]);
    expect(new Set(pushesTo(id).map((p) => p.retryKey))).toEqual(new Set([delivery.retryKey]));
    expect([...line.shown.keys()].filter((k) => k === delivery.retryKey)).toHaveLength(1);
    expect(await reload(delivery)).toMatchObject({ status: NoticeDeliveryStatus.SENT, attempts: 2 });
  });

  it('a 500 is retried with backoff; a push LINE took whose answer was lost is not shown twice (409 = sent)', async () => {
    const { user, lineUserId: id } = await linkedUser();
    const [first, second] = await queue(user, id, 2);
    line.script.push({ status: 500 }, 'accept-then-500');
    await deliver();
    expect((await reload(first)).status).toBe(NoticeDeliveryStatus.PENDING);
    expect((await reload(second)).status).toBe(NoticeDeliveryStatus.PENDING);
    clock.advance(10_000);
    await deliver();
    expect(await reload(first)).toMatchObject({ status: NoticeDeliveryStatus.SENT, attempts: 2 });
    expect(await reload(second)).toMatchObject({ status: NoticeDeliveryStatus.SENT, attempts: 2 });
    const byKey = (key: string | null) =>
      pushesTo(id)
        .filter((p) => p.retryKey === key)
        .map((p) => p.status);
    expect(byKey(first.retryKey)).toEqual([500, 200]);
    expect(byKey(second.retryKey)).toEqual([500, 409]);
    // Two messages shown, one each.
    expect([first.retryKey, second.retryKey].filter((k) => line.shown.has(k!))).toHaveLength(2);
  });

  it('another 4xx fails the delivery at once with LINE’s answer', async () => {
    const { user, lineUserId: id } = await linkedUser();
    const [delivery] = await queue(user, id);
    line.script.push({ status: 400 });
    await deliver();
    const failed = await reload(delivery);
    expect(failed.status).toBe(NoticeDeliveryStatus.FAILED);
    expect(failed.lastError).toContain('LINE ตอบ HTTP 400');
  });

  it('a push to an account unlinked after it was queued fails without calling LINE', async () => {
    const { user, lineUserId: id } = await linkedUser();
    const [delivery] = await queue(user, id);
    await server.db.getRepository(NotificationSetting).update({ userId: user.id }, { lineUserId: null });
    await deliver();
    expect(pushesTo(id)).toHaveLength(0);
    expect(await reload(delivery)).toMatchObject({ status: NoticeDeliveryStatus.FAILED, lastError: 'ผู้ใช้ยกเลิกการเชื่อมบัญชี LINE แล้ว' });
  });

  it('holds pushes during the quiet hours until 07:00 in Thailand; e-mail is not held', async () => {
    const { user, lineUserId: id } = await linkedUser();
    clock.set(NIGHT);
    const [delivery] = await queue(user, id);
    await deliver();
    expect(pushesTo(id)).toHaveLength(0);
    const held = await reload(delivery);
    expect(held).toMatchObject({ status: NoticeDeliveryStatus.PENDING, attempts: 0 });
    expect(held.nextAttemptAt.toISOString()).toBe(NEXT_MORNING.toISOString());
    const email = await server.db
      .getRepository(NotificationDelivery)
      .findOneByOrFail({ notificationId: delivery.notificationId, channel: NotificationChannel.EMAIL });
    expect(email.status).toBe(NoticeDeliveryStatus.SENT);
    clock.set(new Date(NEXT_MORNING.getTime() - 60_000));
    await deliver();
    expect(pushesTo(id)).toHaveLength(0);
    clock.set(NEXT_MORNING);
    await deliver();
    expect(pushesTo(id)).toHaveLength(1);
    expect((await reload(delivery)).status).toBe(NoticeDeliveryStatus.SENT);
  });

  it('pushes a user at most 10 a day; the rest wait for the next morning', async () => {
    const { user, lineUserId: id } = await linkedUser();
    const deliveries = await queue(user, id, 12);
    await deliver();
    expect(pushesTo(id)).toHaveLength(10);
    const rest = (await Promise.all(deliveries.map(reload))).filter((d) => d.status === NoticeDeliveryStatus.PENDING);
    expect(rest).toHaveLength(2);
    for (const d of rest) expect(d.nextAttemptAt.toISOString()).toBe(NEXT_MORNING.toISOString());
    // Later the same day: still held.
    clock.advance(3_600_000);
    await deliver();
    expect(pushesTo(id)).toHaveLength(10);
    clock.set(NEXT_MORNING);
    await deliver();
    expect(pushesTo(id)).toHaveLength(12);
    expect(new Set(pushesTo(id).map((p) => p.retryKey)).size).toBe(12);
  });

  it('two runners never push one delivery twice', async () => {
    const users = await Promise.all(Array.from({ length: 30 }, () => linkedUser()));
    const deliveries = (await Promise.all(users.map(({ user, lineUserId: id }) => queue(user, id, 2)))).flat();
    const ids = new Set(users.map((u) => u.lineUserId));
    await Promise.all([
      deliverNotices(server.deps, () => clock.now()),
      deliverNotices(otherDeps, () => clock.now()),
      deliverNotices(server.deps, () => clock.now()),
      deliverNotices(otherDeps, () => clock.now()),
    ]);
    const mine = line.pushes().filter((p) => ids.has(p.body?.to));
    expect(mine).toHaveLength(60);
    expect(new Set(mine.map((p) => p.retryKey)).size).toBe(60);
    const after = await server.db.getRepository(NotificationDelivery).findBy({ id: In(deliveries.map((d) => d.id)) });
    expect(after.every((d) => d.status === NoticeDeliveryStatus.SENT && d.attempts === 1)).toBe(true);
  });

  describe('linking', () => {
    const webhook = (body: string, signature: string | null) =>
      fetch(`${server.url}/line/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-line-signature': signature }) },
        body,
      });
    const textEvent = (from: string, text: string) =>
      JSON.stringify({
        destination: 'Uofficialaccount',
        events: [
          {
            type: 'message',
            mode: 'active',
            timestamp: Date.now(),
            webhookEventId: freshName('ev'),
            deliveryContext: { isRedelivery: false },
            replyToken: `reply-${freshName('t')}`,
            source: { type: 'user', userId: from },
            message: { id: '1', type: 'text', text },
          },
        ],
      });
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
    };

    it('links an account by the one-time code sent through the signed webhook; a bad signature does nothing', async () => {
      const officer = await makeUser(server.db, Role.LAO_OFFICER);
      const token = await makeSession(server.db, officer, clock.now());
      const settings = await server.gql(LineSettingsDocument, {}, { token });
      expect(settings.data?.notificationSettings).toEqual({ line: true, lineLinked: false, lineAvailable: true });

      const linked = await server.gql(LinkLineAccountDocument, {}, { token });
      const { code, expiresAt, instructions } = linked.data!.linkLineAccount;
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
      expect(new Date(expiresAt).getTime() - clock.now().getTime()).toBe(15 * 60_000);
      expect(instructions).toContain(code);
      // Only a digest is kept.
      const row = await server.db.getRepository(LineLinkCode).findOneByOrFail({ userId: officer.id });
      expect(row.codeHash).not.toContain(code);

      const from = lineUserId();
      const body = textEvent(from, code.toLowerCase().replace(/^(.{4})/, '$1-'));
      for (const signature of [null, sign(body, 'another-secret'), 'not base64 at all', sign(`${body} `)]) {
        const res = await webhook(body, signature);
        expect(res.status).toBe(401);
      }
      expect((await server.gql(LineSettingsDocument, {}, { token })).data?.notificationSettings.lineLinked).toBe(false);
      expect(line.replies).toHaveLength(0);

      const res = await webhook(body, sign(body));
      expect(res.status).toBe(200);
      expect((await server.gql(LineSettingsDocument, {}, { token })).data?.notificationSettings.lineLinked).toBe(true);
      const setting = await server.db.getRepository(NotificationSetting).findOneByOrFail({ userId: officer.id });
      expect(setting.lineUserId).toBe(from);
      await until(() => line.replies.length === 1);
      expect(line.replies[0].messages[0].text).toContain('เชื่อมบัญชี LINE นี้กับบัญชีผู้ใช้ e-PlanNACC');
      const requests = line.requests.filter((r) => r.path === '/v2/bot/message/reply');
      expect(requests[0].authorization).toBe(`Bearer ${TOKEN}`);
      const audit = await server.db.getRepository(AuditLog).findOneByOrFail({ action: 'confirmLineLink', targetId: String(officer.id) });
      expect(audit.actorId).toBe(officer.id);

      // Chatting once linked is not answered; a LINE user not linked is told how to link.
      const chat = textEvent(from, 'สวัสดีครับ ขอบคุณมากครับ');
      expect((await webhook(chat, sign(chat))).status).toBe(200);
      const stranger = textEvent(lineUserId(), 'สวัสดีครับ');
      expect((await webhook(stranger, sign(stranger))).status).toBe(200);
      await until(() => line.replies.length === 2);
      expect(line.replies).toHaveLength(2);
      expect(line.replies[1].messages[0].text).toContain('กรุณาขอรหัสเชื่อมบัญชี');

      // The code is used up: sent again, it links nothing and says so.
      const again = textEvent(lineUserId(), code);
      expect((await webhook(again, sign(again))).status).toBe(200);
      await until(() => line.replies.length === 3);
      expect(line.replies[2].messages[0].text).toContain('รหัสเชื่อมบัญชีไม่ถูกต้องหรือหมดอายุ');
      expect((await server.db.getRepository(NotificationSetting).findOneByOrFail({ userId: officer.id })).lineUserId).toBe(from);

      // Unfollowing the Official Account unlinks.
      const unfollow = JSON.stringify({ events: [{ type: 'unfollow', timestamp: Date.now(), source: { type: 'user', userId: from } }] });
      expect((await webhook(unfollow, sign(unfollow))).status).toBe(200);
      expect((await server.gql(LineSettingsDocument, {}, { token })).data?.notificationSettings.lineLinked).toBe(false);
      expect(await server.db.getRepository(AuditLog).countBy({ action: 'lineUnfollow', targetId: String(officer.id) })).toBe(1);
    });

    it('counts the calls of an address before checking the signature (RATE_LIMIT_LINE_WEBHOOK_ADDRESS)', async () => {
      const strict = await TestServer.start(url(), {
        clock,
        db: server.db,
        env: {
          LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
          LINE_CHANNEL_SECRET: SECRET,
          LINE_API_BASE_URL: line.url,
          RATE_LIMIT_LINE_WEBHOOK_ADDRESS: '3/1m',
        },
      });
      try {
        const from = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
        const statuses = [];
        for (let i = 0; i < 4; i++) {
          const res = await fetch(`${strict.url}/line/webhook`, {
            method: 'POST',
            headers: { 'x-forwarded-for': from },
            body: '{"events":[]}',
          });
          statuses.push(res.status);
        }
        expect(statuses).toEqual([401, 401, 401, 429]);
      } finally {
        await strict.stop(false);
      }
    });

    it('refuses a body over 256 KB before reading it', async () => {
      const body = JSON.stringify({ events: [], padding: 'x'.repeat(300 * 1024) });
      const res = await webhook(body, sign(body));
      expect(res.status).toBe(413);
      expect(await res.text()).toMatch(/[\u0E00-\u0E7F]/);
    });

    it('an expired code links nothing; a newer code replaces the older; unlinkLineAccount unlinks', async () => {
      const officer = await makeUser(server.db, Role.LAO_OFFICER);
      const token = await makeSession(server.db, officer, clock.now());
      const older = (await server.gql(LinkLineAccountDocument, {}, { token })).data!.linkLineAccount.code;
      const newer = (await server.gql(LinkLineAccountDocument, {}, { token })).data!.linkLineAccount.code;
      const from = lineUserId();
      const withOlder = textEvent(from, older);
      await webhook(withOlder, sign(withOlder));
      expect((await server.gql(LineSettingsDocument, {}, { token })).data?.notificationSettings.lineLinked).toBe(false);
      clock.advance(15 * 60_000 + 1000);
      const withNewer = textEvent(from, newer);
      await webhook(withNewer, sign(withNewer));
      expect((await server.gql(LineSettingsDocument, {}, { token })).data?.notificationSettings.lineLinked).toBe(false);

      const fresh = (await server.gql(LinkLineAccountDocument, {}, { token })).data!.linkLineAccount.code;
      const withFresh = textEvent(from, fresh);
      await webhook(withFresh, sign(withFresh));
      expect((await server.gql(LineSettingsDocument, {}, { token })).data?.notificationSettings.lineLinked).toBe(true);
      expect((await server.gql(UnlinkLineAccountDocument, {}, { token })).data?.unlinkLineAccount).toBe(true);
      expect((await server.gql(LineSettingsDocument, {}, { token })).data?.notificationSettings.lineLinked).toBe(false);
      expect(await server.db.getRepository(AuditLog).countBy({ action: 'unlinkLineAccount', actorId: officer.id })).toBe(1);
    });
  });

  it('ADMIN: the delivery log, retrying a failed delivery, a test send to oneself', async () => {
    const adminUser = await makeUser(server.db, Role.ADMIN, { email: `${freshName('admin')}@example.go.th` });
    const admin = await makeSession(server.db, adminUser, clock.now());
    // Not linked: the test send by LINE is refused in Thai.
    const refused = await server.gql(SendTestNotificationDocument, { channel: NotificationChannel.LINE }, { token: admin });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toBe('บัญชีของท่านยังไม่ได้เชื่อมบัญชี LINE');
    const id = lineUserId();
    await server.db.getRepository(NotificationSetting).insert({
      userId: adminUser.id,
      email: true,
      line: false,
      deadlineReminders: true,
      roundOpened: true,
      lineUserId: id,
      updatedAt: clock.now(),
    });
    line.script.push({ status: 403 });
    const sent = await server.gql(SendTestNotificationDocument, { channel: NotificationChannel.LINE }, { token: admin });
    expect(sent.data?.sendTestNotification).toMatchObject({ channel: 'LINE', status: 'PENDING', notification: { kind: 'TEST' } });
    await deliver();
    const log = await server.gql(
      NotificationDeliveriesDocument,
      { last: 5, status: NoticeDeliveryStatus.FAILED, channel: NotificationChannel.LINE },
      { token: admin },
    );
    const row = log.data!.notificationDeliveries.edges.map((e) => e.node).find((n) => n.id === sent.data!.sendTestNotification.id)!;
    expect(row).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      recipient: { username: adminUser.username },
      notification: { title: 'ทดสอบการแจ้งเตือนจากระบบ e-PlanNACC' },
    });
    expect(row.lastError).toContain('403');

    const retried = await server.gql(RetryNotificationDeliveryDocument, { id: row.id }, { token: admin });
    expect(retried.data?.retryNotificationDelivery).toMatchObject({ status: 'PENDING', attempts: 0 });
    await deliver();
    expect(pushesTo(id).map((p) => p.status)).toEqual([403, 200]);
    const again = await server.gql(RetryNotificationDeliveryDocument, { id: row.id }, { token: admin });
    expect(again.errors?.[0].message).toBe('รายการนี้ส่งสำเร็จแล้ว ไม่ส่งซ้ำ');
    expect(await server.db.getRepository(AuditLog).countBy({ action: 'retryNotificationDelivery', actorId: adminUser.id })).toBe(1);
    expect(await server.db.getRepository(AuditLog).countBy({ action: 'sendTestNotification', actorId: adminUser.id })).toBe(1);
  });
});
