import { ManualClock } from '../../server/src/core/clock';
import { sha256 } from '../../server/src/core/crypto';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { PasswordReset } from '../../server/src/modules/account/password-reset.entity';
import { Role } from '../../server/src/modules/access/role';
import { User } from '../../server/src/modules/account/user.entity';
import { BaselineRequest } from '../../server/src/modules/baseline-request/baseline-request.entity';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import { Project } from '../../server/src/modules/project/project.entity';
import { makeProject, makeSession, makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, TestServer, type GqlResult } from '../integration/harness';
import { LoginDocument, type ProjectInput } from '../gql/graphql';
import { startSmtpSink, textOf, type SmtpSink } from '../support/smtp-sink';
import { countingConflicts, galera, GALERA_URLS, migrateCluster } from './cluster';
import {
  CreateProjectIdSeqDocument,
  LogoutDocument,
  MeUsernameDocument,
  RequestBaselineChangeIdStatusDocument,
  RequestPasswordResetDocument,
  UpdateProjectVersionNameDocument,
} from '../gql/graphql';

/**
 * Writes that race each other on three app instances, each on its own node of a Galera cluster: a row
 * lock on one node holds back no writer on another, so what keeps them correct is that every such
 * write conflicts at certification and the loser runs again. Every scenario checks what the callers
 * were told and what the cluster holds, and reports how many races were lost (and run again).
 */

const PROJECT_INPUT = (name: string): ProjectInput => ({
  origin: 'PLANNED',
  name,
  fiscalYears: [2567],
  category: 'PROJECT',
  quarters: [1],
  dimension: 1,
  extraDimensions: [],
  budget: '150000.00',
  targetGroups: ['LOCAL_STAFF'],
  objective: 'เพื่อทดสอบการบันทึกพร้อมกันบนหลายโหนด',
  note: null,
});

export function describeWrites(): void {
  describe('writes racing across three Galera nodes', () => {
    const clock = new ManualClock(new Date('2024-05-02T03:00:00Z'));
    let servers: TestServer[];
    let smtp: SmtpSink;

    beforeAll(async () => {
      await migrateCluster();
      smtp = await startSmtpSink();
      servers = await Promise.all(GALERA_URLS.map((url) => TestServer.start(url, { clock, env: { SMTP_URL: smtp.url } })));
    });
    afterAll(async () => {
      await Promise.all(servers?.map((s) => s.stop()) ?? []);
      await smtp?.close();
    });

    const db = () => servers[0].db;
    /** Caller i goes to instance i mod 3, that is, to node i mod 3. */
    const spread = <T>(n: number, call: (server: TestServer, i: number) => Promise<T>) =>
      Promise.all(Array.from({ length: n }, (_, i) => call(servers[i % servers.length], i)));
    const report = (what: string, figures: Record<string, unknown>) => console.log(`[galera] ${what}: ${JSON.stringify(figures)}`);
    const noInternalErrors = (results: GqlResult[]) => {
      expect(results.filter((r) => r.status >= 500 || codeOf(r) === 'INTERNAL_SERVER_ERROR').map((r) => r.errors)).toEqual([]);
    };

    async function officer() {
      const user = await makeUser(db(), Role.LAO_OFFICER);
      const lao = await db().getRepository(Lao).findOneByOrFail({ code: user.laoCode! });
      return { user, lao, token: await makeSession(db(), user, clock.now()) };
    }

    it('20 saves of one project version over three nodes: exactly one succeeds, 19 are told it changed', async () => {
      const { lao, token } = await officer();
      const project = await makeProject(db(), lao, { fiscalYears: [2567] });
      const { result: results, conflicts } = await countingConflicts(() =>
        spread(20, (s, i) =>
          s.gql(
            UpdateProjectVersionNameDocument,
            { id: String(project.id), input: PROJECT_INPUT(`ชื่อที่แก้ไขบนโหนด ${(i % 3) + 1} โดยคนที่ ${i + 1}`) },
            { token },
          ),
        ),
      );
      noInternalErrors(results);
      const winners = results.filter((r) => r.data?.updateProject);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(19);
      for (const url of GALERA_URLS.keys()) {
        const stored = await servers[url].db.getRepository(Project).findOneByOrFail({ id: project.id });
        expect({ version: stored.version, name: stored.name }).toEqual({ version: 2, name: winners[0].data!.updateProject.name });
      }
      expect(
        await db()
          .getRepository(AuditLog)
          .countBy({ action: 'updateProject', targetId: String(project.id) }),
      ).toBe(1);
      report('updateProject ×20, one version', { succeeded: winners.length, conflict: 19, racesLost: conflicts });
    });

    it('24 new projects of one LAO at once over three nodes: all saved, numbered 1…24, one audit row each', async () => {
      const { lao, token } = await officer();
      const { result: results, conflicts } = await countingConflicts(() =>
        spread(24, (s, i) =>
          s.gql(CreateProjectIdSeqDocument, { l: lao.code, input: PROJECT_INPUT(`โครงการพร้อมกันที่ ${i + 1}`) }, { token }),
        ),
      );
      noInternalErrors(results);
      expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
      expect(results.map((r) => r.data!.createProject.seq as number).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 24 }, (_, i) => i + 1),
      );
      const stored = await db().getRepository(Project).findBy({ laoCode: lao.code });
      expect(stored.map((p) => p.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
      // A lost race ran again from the start: its first attempt left no project and no audit row behind.
      const audits = await db().getRepository(AuditLog).findBy({ action: 'createProject', laoCode: lao.code });
      expect(audits.map((a) => Number(a.targetId)).sort()).toEqual(stored.map((p) => p.id).sort());
      expect(conflicts).toBeGreaterThan(0);
      report('createProject ×24, one LAO', { succeeded: results.length, racesLost: conflicts });
    });

    it('racing baseline change requests of one LAO and year over three nodes: one pending request, for each of ten LAOs', async () => {
      const laos = await Promise.all(Array.from({ length: 10 }, () => officer()));
      const { result: results, conflicts } = await countingConflicts(() =>
        Promise.all(
          laos.map(({ lao, token }) =>
            spread(12, (s, i) => s.gql(RequestBaselineChangeIdStatusDocument, { l: lao.code, n: 10 + i }, { token })),
          ),
        ),
      );
      for (const [i, { lao }] of laos.entries()) {
        noInternalErrors(results[i]);
        const pending = await db().getRepository(BaselineRequest).countBy({ laoCode: lao.code, fiscalYear: 2567 });
        expect({ lao: lao.code, succeeded: results[i].filter((r) => r.data?.requestBaselineChange).length, pending }).toEqual({
          lao: lao.code,
          succeeded: 1,
          pending: 1,
        });
        expect(results[i].filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(11);
        expect(await db().getRepository(AuditLog).countBy({ action: 'requestBaselineChange', laoCode: lao.code })).toBe(1);
      }
      report('requestBaselineChange ×12 for each of 10 LAOs', { succeeded: 10, conflict: 110, racesLost: conflicts });
    });

    it('racing password-reset requests over three nodes: three links an hour, each mailed once after its commit, for each of five accounts', async () => {
      const stamp = Date.now();
      const users = await Promise.all(
        Array.from({ length: 5 }, (_, k) => makeUser(db(), Role.LAO_OFFICER, { email: `galera${stamp}-${k}@example.go.th` })),
      );
      const sent = smtp.received.length;
      const { result: results, conflicts } = await countingConflicts(() =>
        Promise.all(
          users.map((user) =>
            spread(12, (s) =>
              s.gql(RequestPasswordResetDocument, {
                u: user.username,
                e: user.email!,
              }),
            ),
          ),
        ),
      );
      // Mail leaves after the commit, without holding up the answer: wait for it.
      for (let waited = 0; smtp.received.length - sent < 15 && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 500));
      for (const [k, user] of users.entries()) {
        noInternalErrors(results[k]);
        expect(results[k].map((r) => r.data?.requestPasswordReset)).toEqual(Array(12).fill(true));
        const links = await db().getRepository(PasswordReset).findBy({ userId: user.id });
        const mails = smtp.received.slice(sent).filter((m) => m.to.includes(user.email!));
        // Only the newest link works.
        const unused = links.filter((l) => l.usedAt === null).length;
        expect({ user: user.username, links: links.length, unused, mails: mails.length }).toEqual({
          user: user.username,
          links: 3,
          unused: 1,
          mails: 3,
        });
        // Each mail carries one of the three stored links, and no link went out twice.
        const mailed = mails.map((m) => decodeURIComponent(/reset-password\?token=([\w%-]+)/.exec(textOf(m))?.[1] ?? ''));
        expect(new Set(mailed.map((secret) => sha256(secret)))).toEqual(new Set(links.map((l) => l.tokenHash)));
        expect(
          await db()
            .getRepository(AuditLog)
            .countBy({ action: 'requestPasswordReset', targetId: String(user.id) }),
        ).toBe(12);
      }
      report('requestPasswordReset ×12 for each of 5 accounts', { links: 15, mails: 15, racesLost: conflicts });
    });

    it('50 wrong passwords at once over two nodes: at most five counted, locked, the right one refused until the lock ends', async () => {
      const user = await makeUser(db(), Role.LAO_OFFICER);
      const two = servers.slice(0, 2);
      const { result: results, conflicts } = await countingConflicts(() =>
        Promise.all(Array.from({ length: 50 }, (_, i) => two[i % 2].gql(LoginDocument, { username: user.username, password: `ผิด-${i}` }))),
      );
      expect(results.filter((r) => r.status >= 500).map((r) => r.errors)).toEqual([]);
      noInternalErrors(results);
      expect(results.filter((r) => r.data?.login)).toEqual([]);
      const counted = await db()
        .getRepository(AuditLog)
        .countBy({ action: 'loginFailed', targetId: String(user.id) });
      const wrong = (
        await db()
          .getRepository(AuditLog)
          .findBy({ action: 'loginFailed', targetId: String(user.id) })
      ).filter((a) => JSON.parse(a.after ?? '{}').reason === 'wrong password');
      expect(wrong.length).toBeGreaterThan(0);
      expect(wrong.length).toBeLessThanOrEqual(5);
      const stored = await db().getRepository(User).findOneByOrFail({ id: user.id });
      expect(stored.failedLogins).toBeLessThanOrEqual(5);
      expect(stored.lockedUntil).not.toBeNull();
      // A wrong password answers how many tries are left, or — once five are in — that the account is locked.
      expect(results.filter((r) => !['UNAUTHENTICATED', 'LOCKED'].includes(codeOf(r) ?? ''))).toEqual([]);

      for (const s of two) expect(codeOf(await s.gql(LoginDocument, { username: user.username, password: PASSWORD }))).toBe('LOCKED');
      clock.advance(5 * 60_000 + 1_000);
      const after = await servers[1].gql(LoginDocument, { username: user.username, password: PASSWORD });
      expect(after.data?.login.user.username).toBe(user.username);
      report('login ×50 wrong passwords, two nodes', {
        wrongPasswordsChecked: wrong.length,
        answers: Object.fromEntries([...new Set(results.map(codeOf))].map((c) => [c, results.filter((r) => codeOf(r) === c).length])),
        auditRows: counted,
        racesLost: conflicts,
      });
    });

    it('a session signed out through node 1 is refused through node 2 at once, every time', async () => {
      // Every pooled connection waits for the cluster before it reads (without it, about one try in a few hundred here is stale).
      const sessions = await Promise.all(
        Array.from({ length: 12 }, () => servers[1].db.query('SELECT @@SESSION.wsrep_sync_wait AS w, SLEEP(0.05) AS s')),
      );
      expect(sessions.map((rows: Array<{ w: number | string }>) => Number(rows[0].w))).toEqual(Array(12).fill(1));
      const user = await makeUser(db(), Role.LAO_OFFICER);
      let stale = 0;
      for (let i = 0; i < 100; i++) {
        const token = await makeSession(db(), user, clock.now());
        expect((await servers[0].gql(LogoutDocument, {}, { token })).data).toEqual({ logout: true });
        if ((await servers[1].gql(MeUsernameDocument, {}, { token })).data?.me !== null) stale++;
      }
      expect(stale).toBe(0);
    });

    it('an instance whose node leaves the cluster is live but not ready until the node is back', async () => {
      const health = async (s: TestServer) => {
        const res = await fetch(`${s.url}/healthz`);
        return { status: res.status, body: (await res.json()) as { status: string; cluster?: { ready: boolean; state: string } } };
      };
      expect((await health(servers[2])).body).toMatchObject({
        status: 'ok',
        database: 'ok',
        cluster: { ready: true, state: 'Synced', size: 3 },
      });
      await galera('isolate', 3);
      try {
        let seen = await health(servers[2]);
        for (let waited = 0; seen.status === 200 && waited < 30_000; waited += 250) {
          await new Promise((r) => setTimeout(r, 250));
          seen = await health(servers[2]);
        }
        expect(seen).toMatchObject({ status: 503, body: { status: 'unavailable', cluster: { ready: false } } });
        expect((await fetch(`${servers[2].url}/healthz/live`)).status).toBe(200);
        // Its requests are refused as a passing state of the server, never as an internal error.
        const { token } = await officer();
        const read = await servers[2].gql(MeUsernameDocument, {}, { token });
        expect({ status: read.status, code: codeOf(read) }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
        for (const s of servers.slice(0, 2)) expect((await health(s)).status).toBe(200);
      } finally {
        await galera('rejoin', 3);
      }
      let back = await health(servers[2]);
      for (let waited = 0; back.status !== 200 && waited < 30_000; waited += 250) {
        await new Promise((r) => setTimeout(r, 250));
        back = await health(servers[2]);
      }
      expect(back.body).toMatchObject({ status: 'ok', cluster: { ready: true, state: 'Synced' } });
    });
  });
}
