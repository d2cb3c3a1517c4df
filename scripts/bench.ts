/**
 * `npm run bench`: latency of the requests officials make in the days before a deadline, over a
 * country's worth of synthetic data (scripts/generate-national.ts: ≈ 7,500 LAOs × 20 projects), served
 * by the real app on loopback. Each figure is the median of many requests, with its ratio to the
 * cheapest GraphQL request measured in the same run ({ __typename }), so runs on different machines
 * compare. Options: --requests N (default 200), --concurrency C (default 8); BENCH_DB_URL picks the
 * database (default: a generated SQLite file under data/, made on first use).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/src/app';
import { loadConfig, NO_RATE_LIMITS } from '../server/src/core/config';
import { openDatabase } from '../server/src/core/database';
import { createLogger } from '../server/src/core/logger';
import { ensureAdminAccount } from '../server/src/modules/account/bootstrap';
import { generateNational } from './generate-national';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REQUESTS = arg('requests', 200);
const CONCURRENCY = arg('concurrency', 8);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function run(label: string, count: number, concurrency: number, request: (i: number) => Promise<void>) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await request(i);
        times.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    label,
    count,
    median: median(times),
    p95: [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)],
    perSecond: count / seconds,
  };
}

async function main() {
  const dbUrl = process.env.BENCH_DB_URL ?? `sqlite:${path.resolve('data/bench-national.sqlite')}`;
  const fresh = dbUrl.startsWith('sqlite:') && !fs.existsSync(dbUrl.slice('sqlite:'.length));
  // Latency, not limits: one client sends every request (scripts/flood.ts measures the limits at work).
  const config = loadConfig({ DB_URL: dbUrl, PORT: '0', LOG_LEVEL: 'silent', DEMO_DATA: '0', ...NO_RATE_LIMITS });
  const db = await openDatabase(config.db);
  if (fresh || Number((await db.query('SELECT COUNT(*) AS n FROM lao'))[0].n) === 0) {
    const made = await generateNational(db, 20, 2567);
    console.log(`generated ${made.laos} LAOs, ${made.projects} projects, ${made.reports} reports`);
  }
  await ensureAdminAccount(db, 'bench-admin', 'Bench@2567');
  const { app, stop } = await createApp({ db, config, log: createLogger('silent'), clientDir: null });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const token = (await post('mutation { login(username: "bench-admin", password: "Bench@2567") { token } }')).login.token as string;
  const laos: string[] = (await post('{ laos(provinceCode: "30") { code } }', {}, token)).laos.map((l: { code: string }) => l.code);
  const lao = (i: number) => laos[i % laos.length];

  const results = [];
  results.push(await run('{ __typename } (baseline)', REQUESTS, CONCURRENCY, () => post('{ __typename }').then(() => undefined)));
  results.push(
    await run('laoDashboard', REQUESTS, CONCURRENCY, (i) =>
      post(
        'query($l: String!) { laoDashboard(laoCode: $l, fiscalYear: 2567) { created rounds { reported score level } } }',
        { l: lao(i) },
        token,
      ).then(() => undefined),
    ),
  );
  results.push(
    await run('laoOverview', REQUESTS, CONCURRENCY, (i) =>
      post(
        'query($l: String!) { laoOverview(laoCode: $l, fiscalYear: 2567, round: SIX_MONTHS) { total { plannedProjects disbursed budgetPercent } status { done } level } }',
        { l: lao(i) },
        token,
      ).then(() => undefined),
    ),
  );
  results.push(
    await run('projects (20, with years and reports)', REQUESTS, CONCURRENCY, (i) =>
      post(
        'query($l: String!) { projects(laoCode: $l, fiscalYear: 2567) { id name budget years { planStatus sixMonths { status disbursed } } } }',
        { l: lao(i) },
        token,
      ).then(() => undefined),
    ),
  );
  results.push(
    await run(`provinceScores (นครราชสีมา, ${laos.length} LAOs)`, Math.ceil(REQUESTS / 4), CONCURRENCY, () =>
      post(
        '{ provinceScores(provinceCode: "30", fiscalYear: 2567, round: SIX_MONTHS) { high medium low rows { score } } }',
        {},
        token,
      ).then(() => undefined),
    ),
  );
  results.push(
    await run('nationalScores (7,513 LAOs)', Math.ceil(REQUESTS / 20), 2, () =>
      post('{ nationalScores(fiscalYear: 2567, round: SIX_MONTHS) { high medium low } }', {}, token).then(() => undefined),
    ),
  );
  results.push(
    await run('action-plan.pdf (20 projects)', Math.ceil(REQUESTS / 4), CONCURRENCY, async (i) => {
      const res = await fetch(`${base}/export/action-plan.pdf?lao=${lao(i)}&year=2567&issuer=bench`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status !== 200) throw new Error(await res.text());
      await res.arrayBuffer();
    }),
  );
  results.push(
    await run('login (argon2id)', Math.ceil(REQUESTS / 4), CONCURRENCY, () =>
      post('mutation { login(username: "bench-admin", password: "Bench@2567") { token } }').then(() => undefined),
    ),
  );

  const baseline = results[0].median;
  console.log(
    `\n${config.db.kind === 'sqlite' ? 'SQLite' : 'MySQL/MariaDB'}, ${REQUESTS} requests per scenario (fewer for the heavy ones), concurrency ${CONCURRENCY}`,
  );
  console.log('scenario'.padEnd(46), 'requests', 'median ms', '  p95 ms', '  req/s', '× baseline');
  for (const r of results) {
    console.log(
      r.label.padEnd(46),
      String(r.count).padStart(8),
      r.median.toFixed(1).padStart(9),
      r.p95.toFixed(1).padStart(8),
      r.perSecond.toFixed(0).padStart(7),
      (r.median / baseline).toFixed(1).padStart(10),
    );
  }
  server.close();
  await stop();
  await db.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
