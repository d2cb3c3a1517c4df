import { createConnection } from 'mysql2/promise';
import { startServerProcess, type ServerProcess } from '../../scripts/lib/server-process';
import { parseDbUrl } from '../../server/src/core/config';
import { DatabaseNotReadyError, openDatabase, releaseMigrationLock } from '../../server/src/core/database';
import { fiscalYearOf } from '../../server/src/core/fiscal-year';
import { migrations } from '../../server/src/migrations';
import { Role } from '../../server/src/modules/access/role';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import { ProgressReport } from '../../server/src/modules/progress-report/progress-report.entity';
import type { Project } from '../../server/src/modules/project/project.entity';
import { makeProject, makeSession, makeUser } from '../fixtures/factories';
import { countingConflicts, galera, GALERA_URLS, migrateCluster, percentile, withDatabase } from './cluster';
import { saveReport } from '../support/report-save';
import { postGql } from '../support/post-gql';
import { ProvincesDocument } from '../gql/graphql';

/**
 * App instances in processes of their own, one per node, as production runs them (`npm start`'s build,
 * made once for the suite): started at once on a fresh database, and serving the deadline surge while a
 * database node is killed.
 */

/** A database of its own on the cluster, there on every node before this returns, dropped afterwards. */
async function freshDatabase(): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `eplannacc_galera_m${Date.now().toString(36)}${process.pid}`;
  const connect = (url: string) => {
    const c = parseDbUrl(url);
    if (c.kind !== 'mysql') throw new Error('a Galera node is a MySQL URL');
    return createConnection({ host: c.host, port: c.port, user: c.user, password: c.password });
  };
  const conn = await connect(GALERA_URLS[0]);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  // A node that has just rejoined may still be applying what it missed: wait until it has applied this.
  for (const url of GALERA_URLS.slice(1)) {
    const other = await connect(url);
    await other.query('SET SESSION wsrep_sync_wait = 1');
    await other.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [name]);
    await other.end();
  }
  return {
    name,
    async drop() {
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

export function describeInstances(): void {
  describe('app instances on a Galera cluster', () => {
    it('three instances started at once on three nodes: the migrations run once, and all three serve', async () => {
      const fresh = await freshDatabase();
      let servers: ServerProcess[] = [];
      try {
        servers = await Promise.all(
          GALERA_URLS.map((url) =>
            startServerProcess({ DB_URL: withDatabase(url, fresh.name), MIGRATE_ON_START: '1', LOG_LEVEL: 'info' }, { built: true }),
          ),
        );
        const ran = servers.filter((s) => s.stdout().includes('database migrated'));
        expect(ran).toHaveLength(1);
        const db = await openDatabase(parseDbUrl(withDatabase(GALERA_URLS[1], fresh.name)), { migrate: false });
        try {
          const rows = (await db.query('SELECT name, COUNT(*) AS n FROM migrations GROUP BY name ORDER BY name')) as Array<{
            name: string;
            n: string;
          }>;
          expect(rows.map((r) => [r.name, Number(r.n)])).toEqual(migrations.map((m) => [m.name, 1]).sort());
          expect(await db.query('SELECT * FROM migration_lock')).toEqual([]);
        } finally {
          await db.destroy();
        }
        for (const s of servers) {
          const res = await postGql(s.url, ProvincesDocument);
          expect(res.data!.provinces).toHaveLength(77);
        }
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
        await fresh.drop();
      }
    });

    it('on a Galera node a start with migrations pending is refused unless told to migrate; a held migration lock is waited for, then refused', async () => {
      const fresh = await freshDatabase();
      const config = parseDbUrl(withDatabase(GALERA_URLS[2], fresh.name));
      if (config.kind !== 'mysql') throw new Error('a Galera node is a MySQL URL');
      try {
        // No DDL at start by surprise: a clear refusal that names the step to run.
        await expect(openDatabase(config)).rejects.toThrow(/needs \d+ migration\(s\).*Run `npm run migrate` first/);

        const db = await openDatabase(config, { migrate: true });
        try {
          // The last migration pending again, and a runner that died holding the lock.
          const Last = migrations[migrations.length - 1];
          const runner = db.createQueryRunner();
          await new Last().down(runner);
          await runner.release();
          await db.query('DELETE FROM migrations WHERE name = ?', [new Last().name]);
          await db.query("INSERT INTO migration_lock (id, holder, taken_at) VALUES (1, 'host-a pid 42 abc123', UTC_TIMESTAMP())");
          const ran = async () => Number((await db.query('SELECT COUNT(*) AS n FROM migrations WHERE name = ?', [new Last().name]))[0].n);

          const refused = await openDatabase({ ...config, migrationWaitMs: 1_500 }, { migrate: true }).catch((e: unknown) => e);
          expect(refused).toBeInstanceOf(DatabaseNotReadyError);
          expect((refused as Error).message).toMatch(
            /^host-a pid 42 abc123 has held the migration lock .*`npm run migrate -- --release-lock`/,
          );
          expect(await ran()).toBe(0);

          expect(await releaseMigrationLock(db)).toBe(true);
          await (await openDatabase(config, { migrate: true })).destroy();
          expect(await ran()).toBe(1);
        } finally {
          await db.destroy();
        }
      } finally {
        await fresh.drop();
      }
    });

    it('a database node killed (kill -9) during 1,000 report saves over three instances: every acknowledged save is kept, on the surviving nodes and after the node rejoins', async () => {
      const SAVES = 1_000;
      const CONCURRENCY = 50;
      const LAOS = 50;
      const KILL_AFTER = 300;
      await migrateCluster();
      const db = await openDatabase(parseDbUrl(GALERA_URLS[0]), { migrate: false });
      const servers: ServerProcess[] = [];
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
        servers.push(...(await Promise.all(GALERA_URLS.map((url) => startServerProcess({ DB_URL: url }, { built: true })))));

        const acknowledged = new Map<number, string>();
        const answers: Record<string, number> = {};
        const latencies: number[] = [];
        let killed: Promise<unknown> | undefined;
        let next = 0;
        const { conflicts } = await countingConflicts(() =>
          Promise.all(
            Array.from({ length: CONCURRENCY }, async () => {
              while (next < SAVES) {
                const i = next++;
                const { token, project } = callers[i];
                const started = performance.now();
                let kind: string;
                try {
                  const saved = await saveReport(servers[i % 3].url, token, project.id, fiscalYear);
                  if (saved.disbursed !== null) {
                    acknowledged.set(project.id, saved.disbursed);
                    latencies.push(performance.now() - started);
                    kind = 'saved';
                  } else kind = `${saved.status} ${saved.code}`;
                } catch {
                  kind = 'cut off';
                }
                answers[kind] = (answers[kind] ?? 0) + 1;
                if (acknowledged.size === KILL_AFTER && !killed) killed = galera('kill', 3);
              }
            }),
          ),
        );
        await killed;
        console.log(
          `[galera] 1,000 saves over three instances, node 3 killed after ${KILL_AFTER}: ${JSON.stringify({
            answers,
            racesLost: conflicts,
            p50ms: Math.round(percentile(latencies, 50)),
            p99ms: Math.round(percentile(latencies, 99)),
          })}`,
        );
        expect(acknowledged.size).toBeGreaterThan(KILL_AFTER);
        // Refusals say why (a node gone, the system busy); none is an internal error.
        expect(Object.keys(answers).filter((k) => k !== 'saved' && !/^503 SERVICE_UNAVAILABLE$/.test(k))).toEqual([]);

        const ids = callers.map((c) => c.project.id);
        /** Every acknowledged save is on the node, with the carried twelve-month copy and both audit rows; nothing is there in part. */
        const check = async (url: string) => {
          const node = await openDatabase(parseDbUrl(url), { migrate: false });
          try {
            const reports = await node
              .getRepository(ProgressReport)
              .createQueryBuilder('r')
              .where('r.project_id IN (:...ids)', { ids })
              .getMany();
            const audits = await node
              .getRepository(AuditLog)
              .createQueryBuilder('a')
              .where("a.target_type = 'ProgressReport' AND a.target_id IN (:...rids)", {
                rids: reports.map((r) => String(r.id)).concat('-'),
              })
              .getMany();
            const audited = new Set(audits.map((a) => Number(a.targetId)));
            const six = new Map(reports.filter((r) => r.round === 'SIX_MONTHS').map((r) => [r.projectId, r]));
            const twelve = new Map(reports.filter((r) => r.round === 'TWELVE_MONTHS').map((r) => [r.projectId, r]));
            const missing = [...acknowledged].filter(([id, disbursed]) => six.get(id)?.disbursed !== Number(disbursed.replace('.', '')));
            expect({ url, missing }).toEqual({ url, missing: [] });
            const partial = ids.filter((id) => {
              const s = six.get(id);
              const t = twelve.get(id);
              return Boolean(s) !== Boolean(t?.carried) || (s && !(audited.has(s.id) && audited.has(t!.id)));
            });
            expect({ url, partial }).toEqual({ url, partial: [] });
            expect(audits.length).toBe(six.size * 2);
            return six.size;
          } finally {
            await node.destroy();
          }
        };
        const kept = await Promise.all(GALERA_URLS.slice(0, 2).map(check));
        await galera('start-node', 3);
        kept.push(await check(GALERA_URLS[2]));
        expect(new Set(kept).size).toBe(1);
        // The instance of the node that came back is ready again by itself.
        let ready = 0;
        for (let waited = 0; ready !== 200 && waited < 30_000; waited += 250) {
          ready = (await fetch(`${servers[2].url}/healthz`)).status;
          if (ready !== 200) await new Promise((r) => setTimeout(r, 250));
        }
        expect(ready).toBe(200);
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
        await db.destroy();
        await galera('start-node', 3).catch(() => undefined);
      }
    });
  });
}
