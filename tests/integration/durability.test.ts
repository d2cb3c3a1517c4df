import { saveReport } from '../support/report-save';
import { postGql } from '../support/post-gql';
import { ReportSaveStatusDocument } from '../gql/graphql';
import { childPidsOf, cpuMsOf } from '../../scripts/lib/drive';
import { startServerProcess, type ServerProcess } from '../../scripts/lib/server-process';
import { loadConfig } from '../../server/src/core/config';
import { openDatabase } from '../../server/src/core/database';
import { fiscalYearOf } from '../../server/src/core/fiscal-year';
import { Role } from '../../server/src/modules/access/role';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { ChangeEvent } from '../../server/src/modules/audit/change-event.entity';
import { sequenceChanges } from '../../server/src/modules/change-feed/sequencer';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import { ReportRound } from '../../server/src/modules/plan/report.enums';
import { ProgressReport } from '../../server/src/modules/progress-report/progress-report.entity';
import type { Project } from '../../server/src/modules/project/project.entity';
import { makeProject, makeSession, makeUser } from '../fixtures/factories';
import { databases } from './harness';

/**
 * The deadline surge meets a crash: the server process is killed (SIGKILL, no shutdown) while 1,000
 * report saves are in flight at concurrency 50. After a restart every save the server acknowledged is
 * there with its audit row and its change-feed event, and every save is there whole or not at all
 * (report, carried copy, audit rows and events commit together).
 */
const SAVES = 1_000;
const CONCURRENCY = 50;
const LAOS = 50;
const KILL_AFTER = 300;
jest.setTimeout(300_000);
/**
 * The processes started here deliver no webhooks and run no scheduled jobs: the suites sharing this database
 * deliver theirs on a test clock, and a worker on the machine's clock would lease their deliveries (and the
 * jobs) until a time that clock never reaches.
 */
const OWN_WEBHOOKS_ONLY = { WEBHOOK_WORKER_MS: '0', JOB_RUNNER_MS: '0' };

describe.each(databases.filter((d) => d.name === 'mariadb'))('a server killed during the surge ($name)', ({ url }) => {
  it('keeps every acknowledged save with its audit row, and nothing partial', async () => {
    const db = await openDatabase(loadConfig({ DB_URL: url() }).db);
    let server: ServerProcess | undefined;
    try {
      const fiscalYear = fiscalYearOf(new Date());
      const callers: Array<{ token: string; project: Project }> = [];
      await Promise.all(
        Array.from({ length: LAOS }, async () => {
          const officer = await makeUser(db, Role.LAO_OFFICER);
          const lao = await db.getRepository(Lao).findOneByOrFail({ code: officer.laoCode! });
          const token = await makeSession(db, officer);
          for (let p = 0; p < SAVES / LAOS; p++) {
            callers.push({ token, project: await makeProject(db, lao, { fiscalYears: [fiscalYear], budget: 10_000_000 }) });
          }
        }),
      );

      server = await startServerProcess({ DB_URL: url(), ...OWN_WEBHOOKS_ONLY });
      const acknowledged = new Map<number, string>();
      const answers = { acknowledged: 0, refused: 0, cut: 0 };
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < SAVES) {
            const { token, project } = callers[next++];
            try {
              const saved = await saveReport(server!.url, token, project.id, fiscalYear);
              if (saved.disbursed !== null) {
                acknowledged.set(project.id, saved.disbursed);
                answers.acknowledged++;
              } else answers.refused++;
            } catch {
              answers.cut++; // the connection died with the server: not acknowledged
            }
            if (answers.acknowledged === KILL_AFTER) void server!.kill();
          }
        }),
      );
      // The kill came in the middle: some saves were acknowledged, some cut off.
      expect(answers.acknowledged).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(answers.cut).toBeGreaterThan(0);
      expect(answers.refused).toBe(0);

      server = await startServerProcess({ DB_URL: url(), ...OWN_WEBHOOKS_ONLY });
      const ids = callers.map((c) => c.project.id);
      const reports = await db.getRepository(ProgressReport).createQueryBuilder('r').where('r.project_id IN (:...ids)', { ids }).getMany();
      const audits = await db
        .getRepository(AuditLog)
        .createQueryBuilder('a')
        .where("a.target_type = 'ProgressReport' AND a.target_id IN (:...rids)", { rids: reports.map((r) => String(r.id)).concat('-') })
        .getMany();
      const auditedIds = new Set(audits.map((a) => Number(a.targetId)));
      const six = new Map(reports.filter((r) => r.round === 'SIX_MONTHS').map((r) => [r.projectId, r]));
      const twelve = new Map(reports.filter((r) => r.round === 'TWELVE_MONTHS').map((r) => [r.projectId, r]));

      for (const [projectId, disbursed] of acknowledged) {
        expect({ projectId, disbursed: six.get(projectId)?.disbursed }).toEqual({
          projectId,
          disbursed: Number(disbursed.replace('.', '')),
        });
      }
      for (const id of ids) {
        const s = six.get(id);
        const t = twelve.get(id);
        // Whole or nothing: the six-month report, its carried twelve-month copy and both audit rows.
        expect({ id, six: Boolean(s), carried: Boolean(t?.carried) }).toEqual({ id, six: Boolean(s), carried: Boolean(s) });
        if (s) expect({ id, audited: auditedIds.has(s.id) && auditedIds.has(t!.id) }).toEqual({ id, audited: true });
      }
      expect(audits.length).toBe(six.size * 2);
      // …and its change-feed event, written in the same transaction: one for each, none without its save,
      // every one numbered once the feed is read (in passes of a thousand: on a database shared with other
      // suites, theirs may be waiting too).
      while ((await sequenceChanges(db)) > 0);
      const events = await db
        .getRepository(ChangeEvent)
        .createQueryBuilder('c')
        .where("c.target_type = 'ProgressReport' AND c.target_id IN (:...rids)", { rids: reports.map((r) => String(r.id)).concat('-') })
        .getMany();
      expect(events.map((e) => `${e.action}:${e.targetId}`).sort()).toEqual(audits.map((a) => `${a.action}:${a.targetId}`).sort());
      expect(new Set(events.map((e) => e.seq)).size).toBe(events.length);
      expect(events.filter((e) => e.seq === null)).toEqual([]);

      // The restarted server takes saves again.
      const { token, project } = callers[0];
      const again = await postGql(
        server.url,
        ReportSaveStatusDocument,
        {
          input: {
            projectId: String(project.id),
            fiscalYear,
            round: 'SIX_MONTHS',
            inOrdinance: true,
            ordinanceBudget: '1.00',
            disbursed: '1.00',
            status: 'IN_PROGRESS',
          },
        },
        { token },
      );
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual({ saveProgressReport: { status: 'IN_PROGRESS' } });
    } finally {
      await server?.stop();
      await db.destroy();
    }
  });
});

describe.each(databases.filter((d) => d.name === 'mariadb'))(
  'several server processes on one port, WEB_CONCURRENCY=2 ($name)',
  ({ url }) => {
    it('both take saves; one killed is started again while the other answers, no acknowledged save lost; SIGTERM stops them all', async () => {
      const db = await openDatabase(loadConfig({ DB_URL: url() }).db);
      let server: ServerProcess | undefined;
      try {
        const fiscalYear = fiscalYearOf(new Date());
        const officer = await makeUser(db, Role.LAO_OFFICER);
        const lao = await db.getRepository(Lao).findOneByOrFail({ code: officer.laoCode! });
        const token = await makeSession(db, officer);
        const projects: Project[] = [];
        for (let i = 0; i < 60; i++) projects.push(await makeProject(db, lao, { fiscalYears: [fiscalYear], budget: 10_000_000 }));
        server = await startServerProcess({ DB_URL: url(), WEB_CONCURRENCY: '2', ...OWN_WEBHOOKS_ONLY });
        const primary = server.child.pid!;
        const workers = await waitFor(
          () => childPidsOf(primary),
          (pids) => pids.length === 2,
        );
        expect(workers).toHaveLength(2);

        const acknowledged = new Map<number, string>();
        const refused: Array<string | null> = [];
        let cut = 0;
        const saveAll = async (batch: Project[]) => {
          let next = 0;
          await Promise.all(
            Array.from({ length: 10 }, async () => {
              while (next < batch.length) {
                const project = batch[next++];
                try {
                  const saved = await saveReport(server!.url, token, project.id, fiscalYear);
                  if (saved.disbursed === null) refused.push(saved.code);
                  else acknowledged.set(project.id, saved.disbursed);
                } catch {
                  cut++; // a connection of the killed process
                }
              }
            }),
          );
        };
        await saveAll(projects.slice(0, 20));
        expect(acknowledged.size).toBe(20);
        // Both processes took some of them (each new connection goes to one or the other).
        const cpu = workers.map((pid) => cpuMsOf(pid));
        expect(cpu.every((ms) => ms > 0)).toBe(true);

        process.kill(workers[0], 'SIGKILL');
        await saveAll(projects.slice(20, 40));
        const replaced = await waitFor(
          () => childPidsOf(primary),
          (pids) => pids.length === 2 && !pids.includes(workers[0]),
        );
        expect(replaced).toContain(workers[1]);
        await saveAll(projects.slice(40));
        expect(refused).toEqual([]);
        expect(acknowledged.size + cut).toBe(60);
        expect(acknowledged.size).toBeGreaterThanOrEqual(40);
        const saved = await db.getRepository(ProgressReport).findBy({ laoCode: lao.code, round: ReportRound.SIX_MONTHS, fiscalYear });
        const byProject = new Map(saved.map((r) => [r.projectId, r.disbursed]));
        for (const [projectId, disbursed] of acknowledged) {
          expect({ projectId, disbursed: byProject.get(projectId) }).toEqual({ projectId, disbursed: Number(disbursed.replace('.', '')) });
        }

        await server.stop();
        expect(childPidsOf(primary)).toEqual([]);
        for (const pid of replaced) expect(() => process.kill(pid, 0)).toThrow();
      } finally {
        await server?.kill();
        await db.destroy();
      }
    });
  },
);

/** Polls `read` until `done` holds of its value (10 s at most), and gives the last value. */
async function waitFor<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
  let value = read();
  for (let waited = 0; !done(value) && waited < 10_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = read();
  }
  return value;
}
