/**
 * `npm run flood`: what a flooding caller does to everyone else. The server runs in a process of its own
 * with its default limits, on a fresh SQLite file (FLOOD_DB_URL=mysql://… for MariaDB); each flood runs
 * in another process; this process is "the other callers": officials of ten offices (ten addresses) who
 * ask a cheap question (the districts of a province) 20 times a second together, and reports the latency they saw (p50, p99, max)
 * without a flood and during each one, with what the flooder got back. Not a test: figures depend on
 * the machine. Options: --seconds N per phase (default 20), --concurrency C of the flooder (default 8).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MAX_QUERY_COST, ROUND_TRIP_COST } from '../server/src/core/limits';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 20);
const CONCURRENCY = arg('concurrency', 8);
const RATE_PER_SECOND = 20;
const TS_NODE = ['-r', 'ts-node/register/transpile-only'];

/** The most aliases of `provinces { code name }` one query may hold (each costs a round trip and 155 values). */
const MOST_ALIASES = Math.floor(MAX_QUERY_COST / (ROUND_TRIP_COST + 1 + 77 * 2));
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `p${i}: provinces { code name }`).join(' ')} }`;
const randomAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** What each flood sends, and from where. */
const FLOODS: Record<string, { label: string; body: () => string; from: () => string }> = {
  aliases: {
    label: 'the issue’s request: 1,000 aliases of provinces (30 KB), one address',
    body: () => JSON.stringify({ query: aliases(1000) }),
    from: () => '203.0.113.1',
  },
  costly: {
    label: `the costliest query allowed (${MOST_ALIASES} aliases), one address`,
    body: () => JSON.stringify({ query: aliases(MOST_ALIASES) }),
    from: () => '203.0.113.2',
  },
  logins: {
    label: 'sign-in tries with made-up usernames, one address',
    body: () =>
      JSON.stringify({
        query: 'mutation($u: String!) { login(username: $u, password: "guess-2567") { token } }',
        variables: { u: `x${randomInt(1e9)}` },
      }),
    from: () => '203.0.113.3',
  },
  'costly-many': {
    label: 'the costliest query allowed, each from a new address (a botnet)',
    body: () => JSON.stringify({ query: aliases(MOST_ALIASES) }),
    from: randomAddress,
  },
};

const post = (url: string, body: string, from: string) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body });

/** The flooder process: sends its flood with C requests in flight until the time is up, then prints what it got. */
async function flooder(mode: string, url: string, seconds: number): Promise<void> {
  const flood = FLOODS[mode];
  const statuses: Record<string, number> = {};
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        const res = await post(url, flood.body(), flood.from()).catch(() => null);
        const key = res ? String(res.status) : 'failed';
        statuses[key] = (statuses[key] ?? 0) + 1;
        await res?.arrayBuffer().catch(() => undefined);
      }
    }),
  );
  process.stdout.write(JSON.stringify(statuses));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Another caller: officials of ten offices asking the cheap question, together at a steady pace, each from its own address. */
async function measure(url: string, seconds: number): Promise<{ p50: number; p99: number; max: number; refused: number; n: number }> {
  const times: number[] = [];
  let refused = 0;
  const body = JSON.stringify({ query: '{ districts(provinceCode: "80") { code name } }' });
  const started = performance.now();
  for (let i = 0; i < seconds * RATE_PER_SECOND; i++) {
    const due = started + (i * 1000) / RATE_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    const res = await post(url, body, `198.51.100.${1 + (i % 10)}`);
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (res.status !== 200) refused++;
  }
  const sorted = times.sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1], refused, n: sorted.length };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

async function startServer(): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-flood-'));
  const port = await freePort();
  const child = spawn(process.execPath, [...TS_NODE, path.join(__dirname, '../server/src/main.ts')], {
    env: {
      ...process.env,
      DB_URL: process.env.FLOOD_DB_URL ?? `sqlite:${path.join(dir, 'flood.sqlite')}`,
      PORT: String(port),
      DEMO_DATA: '0',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    const up = await fetch(`${url}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) return { url, child, dir };
    if (tries > 240 || child.exitCode !== null) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
}

function runFlooder(mode: string, url: string, seconds: number): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...TS_NODE, __filename, '--flooder', mode, url, String(seconds), '--concurrency', String(CONCURRENCY)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Record<string, number>) : reject(new Error(`flooder exited ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const { url, child, dir } = await startServer();
  try {
    await measure(url, 2); // warm up
    const rows: Array<{ label: string; result: Awaited<ReturnType<typeof measure>>; flood?: Record<string, number> }> = [];
    rows.push({ label: 'no flood', result: await measure(url, SECONDS) });
    for (const [mode, flood] of Object.entries(FLOODS)) {
      // The flooder starts a moment before and ends a moment after the measurement.
      const flooding = runFlooder(mode, url, SECONDS + 4);
      await new Promise((r) => setTimeout(r, 3000));
      const result = await measure(url, SECONDS);
      rows.push({ label: flood.label, result, flood: await flooding });
      // Let the server settle and the flooder's window pass before the next phase.
      await new Promise((r) => setTimeout(r, 2000));
    }
    console.log(
      `\n${process.env.FLOOD_DB_URL ? 'MySQL/MariaDB' : 'SQLite'}; ten other callers ask { districts(provinceCode: "80") } ` +
        `${RATE_PER_SECOND}×/s for ${SECONDS} s per phase; the flooder keeps ${CONCURRENCY} requests in flight`,
    );
    console.log('flood'.padEnd(72), 'p50 ms', ' p99 ms', ' max ms', ' refused', '  flooder got (HTTP status: count)');
    for (const { label, result, flood } of rows) {
      console.log(
        label.padEnd(72),
        result.p50.toFixed(1).padStart(6),
        result.p99.toFixed(1).padStart(7),
        result.max.toFixed(0).padStart(7),
        `${result.refused}/${result.n}`.padStart(8),
        ' ',
        flood ? JSON.stringify(flood) : '',
      );
    }
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--flooder')) {
  const i = process.argv.indexOf('--flooder');
  flooder(process.argv[i + 1], process.argv[i + 2], Number(process.argv[i + 3])).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
