import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { ManualClock } from '../../server/src/core/clock';
import type { ContextDeps } from '../../server/src/core/context';
import { openDatabase } from '../../server/src/core/database';
import { inTransaction } from '../../server/src/core/db';
import { Role } from '../../server/src/modules/access/role';
import { User } from '../../server/src/modules/account/user.entity';
import { channelsOf } from '../../server/src/modules/notification/notification.channel';
import { deliverNotices } from '../../server/src/modules/notification/notification.delivery';
import {
  Notification,
  NotificationChannel,
  NotificationDelivery,
  NotificationSetting,
  NoticeDeliveryStatus,
} from '../../server/src/modules/notification/notification.entity';
import { writeNotices, type NoticeRecipient } from '../../server/src/modules/notification/notification.service';
import { deadlineReminder } from '../../server/src/modules/notification/notification.templates';
import { ReportRound } from '../../server/src/modules/plan/report.enums';
import { freshName } from '../fixtures/factories';
import { LineStandIn } from '../support/line-stand-in';
import { databases, TestServer } from './harness';

/** One officer per LAO of the country (LINE_WAVE_SIZE to try another size). */
const WAVE = Number(process.env.LINE_WAVE_SIZE ?? 7_850);
/** LAOs a reminder job writes per transaction (reminder.jobs.ts). */
const BATCH = 500;
/** All instances together: half of LINE's 2,000 pushes a second. */
const PUSH_RATE = 1_000;

/**
 * The national wave sized (#15): a reminder to every LAO's officer queued in batched inserts, then pushed
 * by two instances at once against a stand-in that answers 429 like LINE beyond 2,000 requests in a
 * second. The pushes stay within the shared allowance (LINE_PUSH_RATE 1000/1s, in the database), none is
 * refused, each goes once. The figures are printed for the README.
 */
describe.each(databases)('LINE national wave ($name)', ({ name, url }) => {
  let server: TestServer;
  let line: LineStandIn;
  let otherDb: DataSource;
  let otherDeps: ContextDeps;
  const clock = new ManualClock(new Date('2024-05-02T03:00:00Z'));

  beforeAll(async () => {
    line = await LineStandIn.start(2_000);
    server = await TestServer.start(url(), {
      clock,
      env: {
        LINE_CHANNEL_ACCESS_TOKEN: 'wave-token',
        LINE_CHANNEL_SECRET: 'wave-secret',
        LINE_API_BASE_URL: line.url,
        LINE_PUSH_RATE: `${PUSH_RATE}/1s`,
      },
    });
    otherDb = name === 'mariadb' ? await openDatabase(server.config.db) : server.db;
    otherDeps = { ...server.deps, db: otherDb, channels: channelsOf({ db: otherDb, mailer: server.deps.mailer, config: server.config }) };
  });
  afterAll(async () => {
    if (otherDb !== server.db) await otherDb.destroy();
    await server.stop();
    await line.close();
  });

  it(`queues a reminder to ${WAVE} LAOs and pushes it within LINE's rate limit, each once`, async () => {
    const figures = await wave(WAVE);
    // The allowance is counted in tenths of a second: at most 11 tenths' worth in any one second.
    expect(figures.peakInAnySecond).toBeLessThanOrEqual(1.1 * PUSH_RATE);
    expect(figures.achievedPerSecond).toBeLessThanOrEqual(1.1 * PUSH_RATE);
  }, 900_000);

  it('keeps two instances together within a low allowance (LINE_PUSH_RATE 200/1s): the limit is shared in the database', async () => {
    const slow = { ...server.config.line, pushRate: { count: 200, windowMs: 1000 } };
    const channels = (db: DataSource) => channelsOf({ db, mailer: server.deps.mailer, config: { line: slow } });
    const figures = await wave(
      1_200,
      [
        { ...server.deps, channels: channels(server.db) },
        { ...otherDeps, channels: channels(otherDb) },
      ],
      200,
    );
    // 1,200 pushes are sixty tenths of a second of 20: 5.9 seconds at least from the first push to the last.
    expect(figures.sendSeconds).toBeGreaterThanOrEqual(5.9);
    expect(figures.achievedPerSecond).toBeLessThanOrEqual(220);
    expect(figures.peakInAnySecond).toBeLessThanOrEqual(220);
  }, 900_000);

  async function wave(size: number, instances = [server.deps, otherDeps], allowance = PUSH_RATE) {
    const WAVE = size;
    line.reset();
    const db = server.db;
    const prefix = freshName('w');
    const users: User[] = [];
    for (let i = 0; i < WAVE; i += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, WAVE - i) }, (_, j) => ({
        username: `${prefix}${i + j}`,
        passwordHash: null,
        role: Role.PROVINCE_OFFICER,
        displayName: 'ผู้ทดสอบ',
        email: null,
        laoCode: null,
        provinceCode: '10',
        disabled: false,
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: null,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      }));
      await db.getRepository(User).insert(rows);
    }
    users.push(
      ...(await db.getRepository(User).find({ where: { username: In(Array.from({ length: WAVE }, (_, i) => `${prefix}${i}`)) } })),
    );
    expect(users).toHaveLength(WAVE);
    const lineIds = new Map(users.map((u) => [u.id, `U${randomBytes(16).toString('hex')}`]));
    for (let i = 0; i < WAVE; i += BATCH) {
      await db.getRepository(NotificationSetting).insert(
        users.slice(i, i + BATCH).map((u) => ({
          userId: u.id,
          email: false,
          line: true,
          deadlineReminders: true,
          roundOpened: true,
          lineUserId: lineIds.get(u.id)!,
          updatedAt: clock.now(),
        })),
      );
    }
    const recipients: NoticeRecipient[] = users.map((u) => ({
      userId: u.id,
      displayName: u.displayName,
      email: null,
      lineUserId: lineIds.get(u.id)!,
      laoCode: null,
      provinceCode: '10',
      settings: { email: false, line: true, deadlineReminders: true, roundOpened: true },
    }));
    const text = deadlineReminder({
      fiscalYear: 2567,
      round: ReportRound.SIX_MONTHS,
      waiting: 12,
      daysLeft: 7,
      closesAt: new Date('2024-05-09T10:00:00Z'),
    });
    const key = `${prefix}:wave`;

    const queueStart = Date.now();
    for (let i = 0; i < WAVE; i += BATCH) {
      await inTransaction(db, (em) =>
        writeNotices(
          em,
          clock.now(),
          recipients.slice(i, i + BATCH).map((recipient) => ({ recipient, text, dedupeKey: key })),
          server.deps.channels.values(),
        ),
      );
    }
    const queuedMs = Date.now() - queueStart;
    const notices = await db.getRepository(Notification).count({ where: { dedupeKey: key } });
    expect(notices).toBe(WAVE);

    const sendStart = Date.now();
    // Two instances run the delivery job at once until nothing of the wave waits.
    for (let pass = 0; pass < 20; pass++) {
      await Promise.all(instances.map((deps) => deliverNotices(deps, () => clock.now())));
      const left = await db
        .getRepository(NotificationDelivery)
        .createQueryBuilder('d')
        .innerJoin('d.notification', 'n')
        .where('n.dedupe_key = :key AND d.status <> :sent', { key, sent: NoticeDeliveryStatus.SENT })
        .getCount();
      if (!left) break;
    }
    const sentMs = Date.now() - sendStart;
    const mine = new Set(lineIds.values());
    const pushes = line.pushes().filter((p) => mine.has(p.body?.to));
    const first = Math.min(...pushes.map((p) => p.at));
    const last = Math.max(...pushes.map((p) => p.at));
    const figures = {
      database: name,
      allowancePerSecond: allowance,
      laos: WAVE,
      queuedSeconds: +(queuedMs / 1000).toFixed(1),
      sendSeconds: +(sentMs / 1000).toFixed(1),
      pushes: pushes.length,
      achievedPerSecond: Math.round(pushes.length / ((last - first) / 1000)),
      peakInAnySecond: line.peakPerSecond(),
      refused429: line.tooMany,
    };
    console.log(`LINE wave: ${JSON.stringify(figures)}`);

    expect(line.tooMany).toBe(0);
    expect(pushes).toHaveLength(WAVE);
    expect(new Set(pushes.map((p) => p.retryKey)).size).toBe(WAVE);
    expect(new Set(pushes.map((p) => p.body.to)).size).toBe(WAVE);
    const sent = await db
      .getRepository(NotificationDelivery)
      .createQueryBuilder('d')
      .innerJoin('d.notification', 'n')
      .where('n.dedupe_key = :key AND d.channel = :line AND d.status = :sent AND d.attempts = 1', {
        key,
        line: NotificationChannel.LINE,
        sent: NoticeDeliveryStatus.SENT,
      })
      .getCount();
    expect(sent).toBe(WAVE);
    return figures;
  }
});
