import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '../../server/src/modules/access/role';
import { CHANGE_EVENT_NAMES } from '../../server/src/modules/audit/change-events';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import type { Project } from '../../server/src/modules/project/project.entity';
import { DeliveryStatus, Webhook, WebhookDelivery } from '../../server/src/modules/webhook/webhook.entity';
import { deliverWebhooks } from '../../server/src/modules/webhook/webhook.worker';
import { makeDelivery, makeProject, makeSession, makeUser, makeWebhook, PASSWORD } from '../fixtures/factories';
import {
  ChangeFeedSaveReportDocument,
  CreateWebhookDocument,
  RedeliverWebhookDocument,
  SetProjectComplianceDocument,
  WebhookDeliveriesDocument,
  WebhooksDocument,
} from '../gql/graphql';
import { codeOf, databases, signIn, TestServer } from './harness';

interface Received {
  eventId: string;
  event: string;
  timestamp: number;
  signature: string;
  body: string;
  answered: number;
}

/** A calling system's receiver: a real HTTP server that answers 500 to the first delivery of `failFirst`. */
async function startReceiver(failFirst: () => string | null) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const eventId = String(req.headers['x-eplan-event-id']);
      const answered = eventId === failFirst() && !received.some((r) => r.eventId === eventId) ? 500 : 200;
      received.push({
        eventId,
        event: String(req.headers['x-eplan-event']),
        timestamp: Number(req.headers['x-eplan-timestamp']),
        signature: String(req.headers['x-eplan-signature']),
        body,
        answered,
      });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/eplan`, close: () => server.close() };
}

/** Runs `check` until it passes (20 s at most), then fails with its last failure. */
async function eventually(check: () => Promise<void>): Promise<void> {
  for (const until = Date.now() + 20_000; ;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * Webhooks (`createWebhook`): each subscribed event of the change feed reaches the calling system's
 * receiver signed with HMAC-SHA256, retried with backoff after a 500, delivered once by two workers
 * sharing the work, listed in the delivery log and replayable from it.
 */
describe.each(databases)('webhooks ($name)', ({ url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(url(), { env: { WEBHOOK_ALLOW_PRIVATE: '1' } });
  });
  afterAll(() => server.stop());

  it('push each subscribed event, signed, retried after a 500, once by two workers, and replay it from the log', async () => {
    let failing: string | null = null;
    const receiver = await startReceiver(() => failing);
    try {
      const system = await makeSession(server.db, await makeUser(server.db, Role.SERVICE));
      const created = await server.gql(
        CreateWebhookDocument,
        { input: { url: receiver.url, events: ['progressReport.saved', 'projectYear.reviewed'] } },
        { token: system },
      );
      expect(created.errors).toBeUndefined();
      const { id: webhookId, secret } = created.data!.createWebhook;
      expect(secret).toMatch(/^whsec_/);
      expect((await server.gql(WebhooksDocument, {}, { token: system })).data!.webhooks).toEqual([
        { id: webhookId, url: receiver.url, events: ['progressReport.saved', 'projectYear.reviewed'] },
      ]);

      const user = await makeUser(server.db, Role.LAO_OFFICER);
      const lao = await server.db.getRepository(Lao).findOneByOrFail({ code: user.laoCode! });
      const officer = await signIn(server, user.username, PASSWORD);
      const projects: Project[] = [];
      for (let i = 0; i < 3; i++) projects.push(await makeProject(server.db, lao));
      for (const project of projects) {
        const saved = await server.gql(
          ChangeFeedSaveReportDocument,
          {
            input: {
              projectId: String(project.id),
              fiscalYear: 2567,
              round: 'SIX_MONTHS',
              inOrdinance: true,
              ordinanceBudget: null,
              disbursed: null,
              status: 'IN_PROGRESS',
            },
          },
          { token: officer },
        );
        expect(saved.errors).toBeUndefined();
      }
      const admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
      const decided = await server.gql(
        SetProjectComplianceDocument,
        { id: String(projects[0].id), y: 2567, a: false, r: 'ไม่สอดคล้องกับหลักเกณฑ์' },
        { token: admin },
      );
      expect(decided.errors).toBeUndefined();

      // Two workers run at once, as two instances would, until this LAO's events are out. (On a database
      // shared with suites running at the same time, the webhook — a national system's — gets their events
      // too, and takes turns with their webhooks: what follows looks at this LAO's, and may take a while.)
      const ours = () => receiver.received.filter((r) => JSON.parse(r.body).change?.laoCode === lao.code);
      const deliverUntil = async (done: () => boolean) => {
        for (const until = Date.now() + 150_000; !done() && Date.now() < until;) {
          await Promise.all([deliverWebhooks(server.db, server.clock), deliverWebhooks(server.db, server.clock)]);
        }
      };
      await deliverUntil(() => ours().length >= 4);
      expect(
        ours()
          .map((r) => r.event)
          .sort(),
      ).toEqual(['progressReport.saved', 'progressReport.saved', 'progressReport.saved', 'projectYear.reviewed']);

      const more = await server.gql(
        SetProjectComplianceDocument,
        { id: String(projects[1].id), y: 2567, a: false, r: 'ไม่สอดคล้อง' },
        { token: admin },
      );
      expect(more.errors).toBeUndefined();
      await deliverUntil(() => ours().length >= 5);
      // Each event went out once, answered 200, though two workers took turns.
      const okCounts = new Map<string, number>();
      for (const r of ours()) if (r.answered === 200) okCounts.set(r.eventId, (okCounts.get(r.eventId) ?? 0) + 1);
      expect([...okCounts.values()]).toEqual([1, 1, 1, 1, 1]);
      // The delivery log as the system reads it (its newest hundred), and the rows behind it — once the
      // outcomes are written (a pass does not wait for a slow receiver of another webhook of its batch).
      await eventually(async () => {
        const listed = await server.gql(WebhookDeliveriesDocument, { id: webhookId, first: 100 }, { token: system });
        const log = new Map(listed.data!.webhookDeliveries.map((d) => [d.seq, d]));
        for (const r of ours()) {
          const delivery =
            log.get(Number(r.eventId)) ??
            (await server.db.getRepository(WebhookDelivery).findOneByOrFail({ webhookId: Number(webhookId), seq: Number(r.eventId) }));
          expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 1, lastStatus: 200 });
        }
      });

      // Every body is signed with the secret over "<timestamp>.<body>", and names its event and id.
      for (const r of receiver.received) {
        expect(r.signature).toBe(`sha256=${createHmac('sha256', secret).update(`${r.timestamp}.${r.body}`).digest('hex')}`);
        expect(JSON.parse(r.body)).toMatchObject({ id: r.eventId, event: r.event, change: { seq: Number(r.eventId), event: r.event } });
      }

      // Replayed from the log: the receiver now fails this event's first delivery (500), then, after the
      // backoff, takes it (200) — the same event id both times.
      const newest = JSON.parse(ours().at(-1)!.body) as { id: string; deliveryId: string };
      failing = newest.id;
      receiver.received.length = 0;
      const again = () => receiver.received.filter((r) => r.eventId === failing).map((r) => [r.eventId, r.answered]);
      const replay = await server.gql(RedeliverWebhookDocument, { id: newest.deliveryId }, { token: system });
      expect(replay.data).toEqual({ redeliverWebhook: { status: 'PENDING', attempts: 0 } });
      await deliverUntil(() => again().length >= 1);
      expect(again()).toEqual([[failing, 500]]);
      const row = () => server.db.getRepository(WebhookDelivery).findOneByOrFail({ id: Number(newest.deliveryId) });
      await eventually(async () => expect(await row()).toMatchObject({ status: 'PENDING', attempts: 1, lastStatus: 500 }));
      await deliverWebhooks(server.db, server.clock);
      expect(again()).toHaveLength(1); // not before its backoff
      server.clock.advance(11_000);
      await deliverUntil(() => again().length >= 2);
      expect(again()).toEqual([
        [failing, 500],
        [failing, 200],
      ]);
      await eventually(async () => expect(await row()).toMatchObject({ status: 'DELIVERED', attempts: 2 }));

      // Another system sees neither the webhook nor its log; an LAO officer cannot subscribe.
      const stranger = await makeSession(server.db, await makeUser(server.db, Role.SERVICE));
      expect(codeOf(await server.gql(WebhookDeliveriesDocument, { id: webhookId, first: 10 }, { token: stranger }))).toBe('NOT_FOUND');
      expect(codeOf(await server.gql(RedeliverWebhookDocument, { id: newest.id }, { token: stranger }))).toBe('NOT_FOUND');
      expect((await server.gql(WebhooksDocument, {}, { token: stranger })).data!.webhooks).toEqual([]);
      expect(
        codeOf(
          await server.gql(CreateWebhookDocument, { input: { url: receiver.url, events: ['progressReport.saved'] } }, { token: officer }),
        ),
      ).toBe('FORBIDDEN');
    } finally {
      receiver.close();
    }
  }, 240_000);

  it('fans out past an event that already has its delivery, instead of stopping every pass at it', async () => {
    const owner = await makeUser(server.db, Role.SERVICE);
    const saved = await makeWebhook(server.db, owner, { events: CHANGE_EVENT_NAMES.join(',') });
    const [{ first }] = await server.db.query('SELECT MIN(seq) AS first FROM change_event');
    await makeDelivery(server.db, saved, { seq: Number(first) });
    await deliverWebhooks(server.db, server.clock);
    // Its other events got their deliveries; the one it had keeps its own.
    expect((await server.db.getRepository(Webhook).findOneByOrFail({ id: saved.id })).cursorSeq).toBeGreaterThan(Number(first));
    expect(await server.db.getRepository(WebhookDelivery).countBy({ webhookId: saved.id, seq: Number(first) })).toBe(1);
  });

  it('pauses a webhook whose receiver fails: the others are sent meanwhile, then one delivery a pass probes it', async () => {
    const receiver = await startReceiver(() => null);
    try {
      const owner = await makeUser(server.db, Role.SERVICE);
      // Cursors past the feed's end: these deliveries are all they have.
      const dead = await makeWebhook(server.db, owner, { cursorSeq: 1e9 });
      const alive = await makeWebhook(server.db, owner, { url: receiver.url, cursorSeq: 1e9 });
      const due = { status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: server.clock.now() };
      for (let seq = 1; seq <= 30; seq++) await makeDelivery(server.db, dead, { ...due, seq });
      for (let seq = 1; seq <= 3; seq++) await makeDelivery(server.db, alive, { ...due, seq });
      const attempts = async (webhook: Webhook) =>
        (await server.db.getRepository(WebhookDelivery).findBy({ webhookId: webhook.id })).reduce((n, d) => n + d.attempts, 0);
      const row = (webhook: Webhook) => server.db.getRepository(Webhook).findOneByOrFail({ id: webhook.id });

      await eventually(async () => {
        await deliverWebhooks(server.db, server.clock);
        expect(receiver.received).toHaveLength(3);
        expect(await row(dead)).toMatchObject({ failures: 1, pausedUntil: new Date(server.clock.now().getTime() + 10_000) });
      });
      const tried = await attempts(dead);
      expect(tried).toBeGreaterThan(0);
      expect(await row(alive)).toMatchObject({ failures: 0, pausedUntil: null });

      // Paused: its deliveries wait, though some are due.
      await deliverWebhooks(server.db, server.clock);
      expect(await attempts(dead)).toBe(tried);

      // The pause over: one delivery a pass, and a failed probe pauses it twice as long.
      server.clock.advance(11_000);
      await eventually(async () => {
        await deliverWebhooks(server.db, server.clock);
        expect(await attempts(dead)).toBe(tried + 1);
      });
      await eventually(async () =>
        expect(await row(dead)).toMatchObject({ failures: 2, pausedUntil: new Date(server.clock.now().getTime() + 20_000) }),
      );
    } finally {
      receiver.close();
    }
  });

  it.each([
    ['ftp://example.org/hook', ['progressReport.saved'], 'url'],
    ['https://user:pass@example.org/hook', ['progressReport.saved'], 'url'],
    [`https://example.org/${'x'.repeat(500)}`, ['progressReport.saved'], 'url'],
    ['https://example.org/hook', [], 'events'],
    ['https://example.org/hook', ['progressReport.saved', 'user.created'], 'events'],
  ])('refuses %s for %j in Thai, storing nothing', async (hookUrl, events, field) => {
    const system = await makeSession(server.db, await makeUser(server.db, Role.SERVICE));
    const res = await server.gql(CreateWebhookDocument, { input: { url: hookUrl, events } }, { token: system });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field }] });
    expect(res.errors?.[0]?.message).toMatch(/[\u0E00-\u0E7F]/);
    expect((await server.gql(WebhooksDocument, {}, { token: system })).data!.webhooks).toEqual([]);
  });
});

describe.each(databases.filter((d) => d.name === 'sqlite'))('webhook receivers inside the network ($name)', ({ url }) => {
  it('are refused unless WEBHOOK_ALLOW_PRIVATE says otherwise', async () => {
    const server = await TestServer.start(url());
    try {
      const system = await makeSession(server.db, await makeUser(server.db, Role.SERVICE));
      const create = (hookUrl: string) =>
        server.gql(CreateWebhookDocument, { input: { url: hookUrl, events: ['progressReport.saved'] } }, { token: system });
      for (const inside of [
        'http://127.0.0.1:9/hook',
        'http://localhost/hook',
        'https://10.1.2.3/hook',
        'http://192.168.1.20/',
        'http://[::1]/',
        'http://intranet/hook',
      ]) {
        const res = await create(inside);
        expect({ inside, error: res.errors?.[0]?.extensions }).toMatchObject({
          inside,
          error: { code: 'BAD_USER_INPUT', fields: [{ field: 'url' }] },
        });
      }
      expect((await create('https://ita.example.go.th/hooks/eplan')).errors).toBeUndefined();
    } finally {
      await server.stop();
    }
  });
});
