/**
 * `npm run loadtest`: the deadline surge on MariaDB. Officers of many LAOs save progress reports at
 * once — 16, 64 and 256 requests in flight — against the server running as `npm start` runs it, in a
 * process of its own, driven from this process by a real load generator (autocannon). Prints saves a
 * second, p50/p99 latency, and every answer that was not a saved report, by kind; the run fails on any
 * hang (timeout), 5xx or INTERNAL_SERVER_ERROR. Not a timed test: the figures go in notes.
 *
 * Options: --seconds N per phase (default 15), --concurrency 16,64,256 (closed loop: that many saves in
 * flight), --rate 250 (open loop: saves arriving at that rate a second, on up to 512 connections; `--rate ''`
 * for none), --officers N LAOs with a
 * signed-in officer (default 2000), --json <file> to write the results. LOADTEST_DB_URL picks the
 * database (default: the `eplannacc_load` database of the test user, made with
 * `sudo bash scripts/setup-mariadb.sh eplannacc_load`); it is filled with national synthetic data
 * (`scripts/generate-national.ts`) for the current fiscal year on first use. DB_POOL_SIZE and
 * DB_POOL_TIMEOUT_MS pass through to the server. The requests all come from this machine's one address,
 * where in the surge they come from thousands: the rate limits are raised out of reach (each request is
 * still counted in the database, as in production).
 *
 * On MySQL/MariaDB (one URL) the same phases then run against the raw ceiling (scripts/lib/raw-save.ts):
 * a bare node:http + mysql2 server in a process of its own, over the app's transport, running the same SQL
 * statements as the app's save in the same transaction under the same locks. It prints saves a second,
 * p50/p99 and CPU per save of the server, the database and the load generator (this process) for each,
 * the app's share of the ceiling, and the saves a second this machine's cores allow at that CPU per save:
 * what the SQL alone allows here. `--ceiling no` leaves it out, `--ceiling only` runs it alone.
 *
 * Several URLs, comma-separated, start one server per URL — the nodes of a Galera cluster, or one
 * server named several times for the same shape without a cluster — and share the requests in
 * flight among them; each phase then shows the sum of saves a second and the slowest server's
 * latencies.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SESSION_TTL_MS } from '../server/src/modules/account/authentication';
import { loadConfig, NO_RATE_LIMITS } from '../server/src/core/config';
import { hashPassword, randomToken, sha256 } from '../server/src/core/crypto';
import { openDatabase } from '../server/src/core/database';
import { toDbValue } from '../server/src/core/db';
import { fiscalYearOf } from '../server/src/core/fiscal-year';
import { insertRows } from '../server/src/migrations/1763769600000-Foundation';
import { generateNational } from './generate-national';
import { databasePid, drive, failedPhases, phaseRow, PHASE_HEADER, type Phase } from './lib/drive';
import { startServerProcess } from './lib/server-process';

const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SECONDS = Number(option('seconds', '15'));
const CONCURRENCY = option('concurrency', '16,64,256').split(',').filter(Boolean).map(Number);
const RATES = option('rate', '250').split(',').filter(Boolean).map(Number);
const OFFICERS = Number(option('officers', '2000'));
const JSON_OUT = option('json', '');
const CEILING = option('ceiling', 'yes');
const DB_URLS = (process.env.LOADTEST_DB_URL ?? 'mysql://eplannacc:eplannacc@127.0.0.1:3306/eplannacc_load').split(',');
const DB_URL = DB_URLS[0];

interface Caller {
  token: string;
  projects: Array<{ id: number; budgeted: boolean }>;
}

/** LAOs with a signed-in officer each (sessions written as sign-in writes them) and their project ids. */
async function prepare(fiscalYear: number): Promise<{ callers: Caller[]; databasePid: number | null }> {
  const db = await openDatabase(loadConfig({ DB_URL }).db, { migrate: true });
  try {
    const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM project_year WHERE fiscal_year = ?', [fiscalYear]);
    if (Number(n) === 0) {
      if (Number((await db.query('SELECT COUNT(*) AS n FROM lao'))[0].n) > 0) {
        throw new Error(
          `${DB_URL.replace(/:[^:@/]*@/, ':***@')} has LAOs but no projects of ${fiscalYear}: give the load test its own database`,
        );
      }
      console.log(`generating national data for ${fiscalYear} (once per database)…`);
      const made = await generateNational(db, 20, fiscalYear);
      console.log(`  ${made.laos} LAOs, ${made.projects} projects`);
    }
    const laos: Array<{ code: string }> = await db.query('SELECT code FROM lao ORDER BY code LIMIT ?', [OFFICERS]);
    const existing: Array<{ username: string; id: number }> = await db.query(
      `SELECT username, id FROM app_user WHERE username IN (${laos.map(() => '?').join(', ')})`,
      laos.map((l) => l.code),
    );
    const have = new Set(existing.map((u) => u.username));
    const now = toDbValue(db, new Date());
    const hash = await hashPassword(randomToken());
    const q = db.createQueryRunner();
    await q.connect();
    try {
      await insertRows(
        q,
        'app_user',
        [
          'username',
          'password_hash',
          'role',
          'display_name',
          'lao_code',
          'province_code',
          'disabled',
          'failed_logins',
          'created_at',
          'updated_at',
        ],
        laos
          .filter((l) => !have.has(l.code))
          .map((l) => [l.code, hash, 'LAO_OFFICER', 'เจ้าหน้าที่ทดสอบภาระงาน', l.code, l.code.slice(1, 3), 0, 0, now, now]),
      );
      const users: Array<{ id: number; lao_code: string }> = await db.query(
        `SELECT id, lao_code FROM app_user WHERE username IN (${laos.map(() => '?').join(', ')})`,
        laos.map((l) => l.code),
      );
      const secrets = new Map(users.map((u) => [u.lao_code, randomToken()]));
      const expires = toDbValue(db, new Date(Date.now() + SESSION_TTL_MS));
      await insertRows(
        q,
        'auth_token',
        ['token_hash', 'user_id', 'kind', 'name', 'created_at', 'expires_at'],
        users.map((u) => [sha256(secrets.get(u.lao_code)!), u.id, 'SESSION', '', now, expires]),
      );
      const rows: Array<{ id: number; lao_code: string; budget: unknown }> = await db.query(
        `SELECT p.id, p.lao_code, p.budget FROM project p JOIN project_year y ON y.project_id = p.id AND y.fiscal_year = ?
         WHERE y.plan_status IN ('COMPLIANT', 'REDUCE_PENDING', 'REDUCE_REJECTED') AND p.lao_code IN (${laos.map(() => '?').join(', ')})`,
        [fiscalYear, ...laos.map((l) => l.code)],
      );
      const byLao = new Map<string, Caller['projects']>();
      for (const r of rows) {
        byLao.set(r.lao_code, [...(byLao.get(r.lao_code) ?? []), { id: Number(r.id), budgeted: r.budget !== null }]);
      }
      return {
        callers: [...byLao].map(([code, projects]) => ({ token: secrets.get(code)!, projects })),
        databasePid: await databasePid((sql) => db.query(sql)),
      };
    } finally {
      await q.release();
    }
  } finally {
    await db.destroy();
  }
}

async function main() {
  const fiscalYear = fiscalYearOf(new Date());
  const { callers, databasePid: dbPid } = await prepare(fiscalYear);
  const projects = callers.reduce((n, c) => n + c.projects.length, 0);
  console.log(`${callers.length} LAOs with a signed-in officer, ${projects} projects of ${fiscalYear}`);

  console.log('building the server (npm run build:server)…');
  execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit', cwd: path.resolve(__dirname, '..') });
  let n = 0;
  const save = () => {
    const caller = callers[Math.floor(Math.random() * callers.length)];
    const project = caller.projects[Math.floor(Math.random() * caller.projects.length)];
    n++;
    return {
      token: caller.token,
      body: JSON.stringify({
        query: 'mutation Save($input: ProgressReportInput!) { saveProgressReport(input: $input) { id reportedAt } }',
        variables: {
          input: {
            projectId: String(project.id),
            fiscalYear,
            round: 'SIX_MONTHS',
            inOrdinance: true,
            // A project with no budget has no amounts (PRODUCT.md §3.4).
            ...(project.budgeted ? { ordinanceBudget: '150000.00', disbursed: `${n % 100000}.${String(n % 100).padStart(2, '0')}` } : {}),
            status: n % 3 ? 'IN_PROGRESS' : 'DONE',
            note: 'ดำเนินการตามแผน ติดตามผลทุกเดือน',
            // The generated budgets are random: whatever the amounts raise is confirmed, as an officer would.
            confirmedWarnings: ['DISBURSED_ABOVE_ORDINANCE', 'DISBURSED_ABOVE_PLANNED', 'DONE_WITHOUT_DISBURSEMENT'],
          },
        },
      }),
    };
  };
  /** The saves at every concurrency, then at every steady rate (open loop: queueing shows in the latency). */
  const surge = async (urls: string[], label: string, watch: Record<string, number>) => {
    const done: Phase[] = [];
    for (const c of CONCURRENCY) done.push(await drive({ urls, label, concurrency: c, seconds: SECONDS, request: save, watch }));
    for (const rate of RATES) done.push(await drive({ urls, label, concurrency: 512, seconds: SECONDS, request: save, rate, watch }));
    return done;
  };

  const phases: Phase[] = [];
  if (CEILING !== 'only') {
    const servers = await Promise.all(
      DB_URLS.map((url) => startServerProcess({ DB_URL: url, LOG_LEVEL: 'warn', ...NO_RATE_LIMITS }, { built: true })),
    );
    const urls = servers.map((s) => s.url);
    // One server's CPU (they share the load evenly) and the database's when it runs here.
    const watch: Record<string, number> = {
      server: servers[0].child.pid!,
      ...(dbPid && servers.length === 1 ? { database: dbPid } : {}),
      generator: process.pid,
    };
    console.log(`${servers.length} server(s), one per database URL`);
    try {
      phases.push(
        await drive({
          urls,
          label: '{ __typename } (baseline)',
          concurrency: 16,
          seconds: SECONDS,
          request: () => ({ body: '{"query":"{ __typename }"}' }),
          watch,
        }),
      );
      phases.push(...(await surge(urls, 'saveProgressReport', watch)));
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }
  const ceiling: Phase[] = [];
  if (CEILING !== 'no' && DB_URLS.length === 1 && /^mysql:/.test(DB_URL)) {
    const raw = await startServerProcess({ DB_URL, ...NO_RATE_LIMITS }, { script: 'scripts/lib/raw-save.ts' });
    try {
      ceiling.push(
        ...(await surge([raw.url], 'save: node:http + mysql2, same SQL (ceiling)', {
          server: raw.child.pid!,
          ...(dbPid ? { database: dbPid } : {}),
          generator: process.pid,
        })),
      );
    } finally {
      await raw.stop();
    }
  }

  console.log(`\n${PHASE_HEADER}`);
  for (const p of [...phases, ...ceiling]) console.log(phaseRow(p, phases[0]?.p50 ?? 1));
  const saves = phases.filter((p) => p.label === 'saveProgressReport');
  if (saves.length && ceiling.length) {
    // What the CPU alone allows: this machine's cores over the CPU one save costs the server, the database and
    // the load generator (all on this machine), whatever the concurrency.
    const cores = os.availableParallelism();
    const cpu = (p: Phase) => ['server', 'database', 'generator'].map((k) => p.cpuMsPerRequest[k] ?? 0);
    const allows = (p: Phase) =>
      (
        (cores * 1000) /
        Math.max(
          cpu(p).reduce((a, b) => a + b, 0),
          0.01,
        )
      ).toFixed(0);
    console.log(
      `\n| in flight (or rate) | app saves/s | ceiling saves/s | app ÷ ceiling | app CPU ms/save (server + database + generator) | ceiling CPU ms/save | ${cores} cores allow (app / ceiling) |\n|---|---|---|---|---|---|---|`,
    );
    saves.forEach((app, i) => {
      const top = ceiling[i];
      console.log(
        `| ${app.rate ? `${app.rate}/s` : app.concurrency} | ${app.requestsPerSecond.toFixed(0)} | ${top.requestsPerSecond.toFixed(0)} | ${(
          (100 * app.requestsPerSecond) /
          Math.max(top.requestsPerSecond, 1)
        ).toFixed(0)} % | ${cpu(app)
          .map((v) => v.toFixed(2))
          .join(' + ')} | ${cpu(top)
          .map((v) => v.toFixed(2))
          .join(' + ')} | ${allows(app)} / ${allows(top)} |`,
      );
    });
  }
  phases.push(...ceiling);
  if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, phases }, null, 2));

  const failures = failedPhases(phases);
  if (failures.length) {
    console.error(
      `\nFAILED: hangs, 5xx or internal errors in ${failures.map((p) => `${p.label} at ${p.rate ? `${p.rate}/s` : p.concurrency}`).join('; ')}`,
    );
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
