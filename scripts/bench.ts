/**
 * `npm run bench`: what NACC's tables and an LAO's pages cost over a country's worth of synthetic data
 * (scripts/generate-national.ts: 20 projects per LAO with their six-month reports). The server runs as
 * `npm start` runs it, in a process of its own; a real load generator (autocannon) drives it from this
 * process. Every figure comes with its ratio to `{ __typename }` measured in the same run, and on
 * MySQL/MariaDB the province table also with its ratio to a bare node:http + mysql2 server running the
 * same SQL (scripts/lib/raw-province.ts), so runs on different machines compare. Not a timed test: the
 * figures go in notes, with the command.
 *
 * Options: --seconds N per scenario (default 10), --connections C requests in flight (default 8),
 * --laos 1000,3000,7500 one run per country size (default: every LAO of the geography, ≈ 7,500),
 * --json <file> (default data/bench-results.json). BENCH_DB_URL picks the database: a SQLite file by
 * default (data/bench-<size>.sqlite), or mysql://… (one database per size: <name>_<size>, made on
 * first use; the user needs rights on <name>_%, as scripts/setup-mariadb.sh grants). Each database is
 * filled once, on first use.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { loadConfig, NO_RATE_LIMITS } from '../server/src/core/config';
import { openDatabase } from '../server/src/core/database';
import { ensureAdminAccount } from '../server/src/modules/account/bootstrap';
import { databasePid, drive, failedPhases, phaseRow, PHASE_HEADER, type Phase } from './lib/drive';
import { startServerProcess, type ServerProcess } from './lib/server-process';
import { signIn } from './lib/sign-in';
import { generateNational } from './generate-national';

const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SECONDS = Number(option('seconds', '10'));
const CONNECTIONS = Number(option('connections', '8'));
const SIZES = option('laos', 'all')
  .split(',')
  .map((s) => (s === 'all' ? Number.POSITIVE_INFINITY : Number(s)));
const JSON_OUT = option('json', 'data/bench-results.json');
const BASE_URL = process.env.BENCH_DB_URL ?? '';
const ROOT = path.resolve(__dirname, '..');
const FISCAL_YEAR = 2567;
const PROVINCE = '30'; // นครราชสีมา, the largest province (kept whole at every size)

/** The database of one country size, made and filled on first use. */
async function databaseFor(size: number): Promise<string> {
  const suffix = Number.isFinite(size) ? String(size) : 'all';
  if (!BASE_URL.startsWith('mysql')) return `sqlite:${path.join(ROOT, `data/bench-${suffix}.sqlite`)}`;
  const url = new URL(BASE_URL);
  url.pathname = `/${url.pathname.slice(1)}_${suffix}`;
  const conn = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  await conn.query(`CREATE DATABASE IF NOT EXISTS \`${url.pathname.slice(1)}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  return url.toString();
}

/** The number of active LAOs, and the database server's pid when it runs on this machine. */
async function prepare(dbUrl: string, size: number): Promise<{ laos: number; databasePid: number | null }> {
  const db = await openDatabase(loadConfig({ DB_URL: dbUrl }).db, { migrate: true });
  try {
    if (Number((await db.query('SELECT COUNT(*) AS n FROM lao'))[0].n) === 0) {
      const started = Date.now();
      const made = await generateNational(db, 20, FISCAL_YEAR, size);
      console.log(
        `  generated ${made.laos} LAOs, ${made.projects} projects, ${made.reports} reports in ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
    }
    await ensureAdminAccount(db, 'bench-admin', 'Bench@2567');
    return {
      laos: Number((await db.query('SELECT COUNT(*) AS n FROM lao WHERE active = ?', [true]))[0].n),
      databasePid: dbUrl.startsWith('mysql') ? await databasePid((sql) => db.query(sql)) : null,
    };
  } finally {
    await db.destroy();
  }
}

const gql = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

async function benchSize(size: number): Promise<{ laos: number; db: string; phases: Phase[] }> {
  const dbUrl = await databaseFor(size);
  const { laos, databasePid: dbPid } = await prepare(dbUrl, size);
  const isMysql = dbUrl.startsWith('mysql');
  console.log(`\n${isMysql ? 'MySQL/MariaDB' : 'SQLite'}, ${laos} LAOs, ${SECONDS} s a scenario, ${CONNECTIONS} in flight`);
  const servers: ServerProcess[] = [await startServerProcess({ DB_URL: dbUrl, LOG_LEVEL: 'warn', ...NO_RATE_LIMITS }, { built: true })];
  try {
    const app = servers[0].url;
    const token = await signIn(app, 'bench-admin', 'Bench@2567');
    const ask = async (body: string) =>
      (await (
        await fetch(`${app}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        })
      ).json()) as { data: Record<string, any> };
    const codes: string[] = (await ask(gql('query($p: String!) { laos(provinceCode: $p) { code } }', { p: PROVINCE }))).data.laos.map(
      (l: { code: string }) => l.code,
    );
    let n = 0;
    const lao = () => codes[n++ % codes.length];
    // CPU per request of the server answering, and of the database server when it runs here.
    const watching = (server: ServerProcess) => ({ server: server.child.pid!, ...(dbPid ? { database: dbPid } : {}) });
    const run = (label: string, request: () => { body?: string; path?: string }, urls = [app], watch = watching(servers[0])) =>
      drive({ urls, label, concurrency: CONNECTIONS, seconds: SECONDS, request: () => ({ token, ...request() }), watch });
    const province = `provinceScores (นครราชสีมา, ${codes.length} LAOs)`;
    const phases: Phase[] = [
      await run('{ __typename } (baseline)', () => ({ body: gql('{ __typename }') })),
      await run('laoDashboard', () => ({
        body: gql(
          'query($l: String!) { laoDashboard(laoCode: $l, fiscalYear: 2567) { created rounds { reported waiting score level open } } }',
          { l: lao() },
        ),
      })),
      await run('laoOverview', () => ({
        body: gql(
          'query($l: String!) { laoOverview(laoCode: $l, fiscalYear: 2567, round: SIX_MONTHS) { dimensions { plannedProjects doneProjects budgetPercent } total { plannedBudget disbursed budgetPercent } status { done waiting } score level } }',
          { l: lao() },
        ),
      })),
      await run(province, () => ({
        body: gql(
          'query($p: String!) { provinceScores(provinceCode: $p, fiscalYear: 2567, round: SIX_MONTHS) { high medium low rows { lao { code name } districtName score cappedScore level } } }',
          { p: PROVINCE },
        ),
      })),
      await run(`nationalScores (${laos} LAOs)`, () => ({
        body: gql('{ nationalScores(fiscalYear: 2567, round: SIX_MONTHS) { province { code name } laos high medium low } }'),
      })),
    ];
    if (isMysql) {
      servers.push(await startServerProcess({ DB_URL: dbUrl }, { script: 'scripts/lib/raw-province.ts' }));
      phases.push(
        await run(
          `${province}: node:http + mysql2, same SQL (ceiling)`,
          () => ({ path: `/?province=${PROVINCE}&year=${FISCAL_YEAR}` }),
          [servers[1].url],
          watching(servers[1]),
        ),
      );
    }
    console.log(PHASE_HEADER);
    for (const p of phases) console.log(phaseRow(p, phases[0].p50));
    const ceiling = phases.find((p) => p.label.endsWith('(ceiling)'));
    const table = phases.find((p) => p.label === province)!;
    if (ceiling)
      console.log(
        `province table p50: ${(table.p50 / Math.max(ceiling.p50, 1)).toFixed(1)}× the ceiling; throughput ${((100 * table.requestsPerSecond) / ceiling.requestsPerSecond).toFixed(0)} % of it`,
      );
    return { laos, db: isMysql ? 'mysql' : 'sqlite', phases };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

async function main() {
  console.log('building the server (npm run build:server)…');
  execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit', cwd: ROOT });
  const runs = [];
  for (const size of SIZES) runs.push(await benchSize(size));
  if (runs.length > 1) {
    console.log('\nhow it grows (p50 ms):\n| LAOs | province table | national table | { __typename } |\n|---|---|---|---|');
    for (const r of runs) console.log(`| ${r.laos} | ${r.phases[3].p50} | ${r.phases[4].p50} | ${r.phases[0].p50} |`);
  }
  fs.mkdirSync(path.dirname(path.resolve(JSON_OUT)), { recursive: true });
  fs.writeFileSync(JSON_OUT, JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, connections: CONNECTIONS, runs }, null, 2));
  const failed = runs.flatMap((r) => failedPhases(r.phases));
  if (failed.length) {
    console.error(`FAILED: hangs, 5xx or internal errors in ${failed.map((p) => p.label).join('; ')}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
