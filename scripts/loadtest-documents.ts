/**
 * `npm run loadtest:documents`: does printing hold everyone else up? The server runs as `npm start` runs
 * it (built, in a process of its own) on a fresh embedded database with the demo data, whose memo LAO is
 * given 200 projects. A cheap question (`{ provinces { code name } }`, 50 a second from 10 connections)
 * is timed alone, then while officers print that LAO's 200-project action plan without pause (4 in
 * flight); the script prints p50/p99/max of the cheap question in both phases, their ratio, what the
 * printers got (PDFs a second, 200s and 503s) and the server's CPU per plan printed — its event loop's
 * and its other threads' (render workers, V8's helpers), read from /proc where there is one. Not a
 * test: the figures depend on the machine, and the load generator (autocannon) shares it with the server.
 *
 * Options: --seconds N per phase (default 15), --printers N PDFs in flight (default 4), --projects N in
 * the plan (default 200; at least the demo plan's 49). RENDER_WORKERS and RENDER_QUEUE pass through to
 * the server.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig, NO_RATE_LIMITS } from '../server/src/core/config';
import { openDatabase } from '../server/src/core/database';
import { DEMO_PASSWORDS, KHON_HAT, loadDemoDataIfEmpty } from '../server/src/demo/demo-data';
import { Lao } from '../server/src/modules/lao/lao.entity';
import { makeProject } from '../tests/fixtures/factories';
import { startServerProcess } from './lib/server-process';
import { signIn } from './lib/sign-in';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = option('seconds', 15);
const PRINTERS = option('printers', 4);
const PROJECTS = option('projects', 200);
const CHEAP_RATE = 50;

/** The demo data, and the memo LAO's plan of 2567 grown to PROJECTS projects with notes of a few lines. */
async function prepare(file: string): Promise<void> {
  const db = await openDatabase(loadConfig({ DB_URL: `sqlite:${file}` }).db);
  try {
    await loadDemoDataIfEmpty(db);
    const lao = await db.getRepository(Lao).findOneByOrFail({ code: KHON_HAT.code });
    const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM project_year WHERE lao_code = ? AND fiscal_year = 2567', [lao.code]);
    for (let i = Number(n); i < PROJECTS; i++) {
      await makeProject(db, lao, {
        name: `โครงการส่งเสริมคุณธรรมจริยธรรมและความโปร่งใสในการบริหารงานขององค์กรปกครองส่วนท้องถิ่น ครั้งที่ ${i + 1}`,
        dimension: 1 + (i % 4),
        budget: 12_345_678 + i,
        quarters: [1 + (i % 4)],
        fiscalYears: [2567],
        note: 'ดำเนินการร่วมกับหน่วยงานในพื้นที่และภาคประชาชน '.repeat(3),
      });
    }
  } finally {
    await db.destroy();
  }
}

interface Figures {
  p50: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
}

const cheap = (url: string): Promise<Figures> =>
  autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ provinces { code name } }' }),
    connections: 10,
    overallRate: CHEAP_RATE,
    duration: SECONDS,
    timeout: 30,
  }).then((r) => ({ p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, requests: r.requests.total, non2xx: r.non2xx }));

/** CPU (ms, user + system) of a process so far: its main thread (the event loop) and the rest of its threads. */
function processCpu(pid: number): { eventLoop: number; rest: number } | null {
  const tasks = `/proc/${pid}/task`;
  if (!fs.existsSync(tasks)) return null;
  const tick = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);
  const cpu = { eventLoop: 0, rest: 0 };
  for (const tid of fs.readdirSync(tasks)) {
    let stat: string;
    try {
      stat = fs.readFileSync(`${tasks}/${tid}/stat`, 'utf8');
    } catch {
      continue; // a thread that ended meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * tick;
    if (Number(tid) === pid) cpu.eventLoop += ms;
    else cpu.rest += ms;
  }
  return cpu;
}

const printing = (url: string, token: string, seconds: number) =>
  autocannon({
    url: `${url}/export/action-plan.pdf?lao=${KHON_HAT.code}&year=2567&issuer=${encodeURIComponent('ผู้ทดสอบ')}`,
    headers: { authorization: `Bearer ${token}` },
    connections: PRINTERS,
    duration: seconds,
    timeout: 60,
  });

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-documents-'));
  const file = path.join(dir, 'load.sqlite');
  try {
    console.log(`demo data and a plan of ${PROJECTS} projects…`);
    await prepare(file);
    console.log('building the server (npm run build:server)…');
    execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit', cwd: path.resolve(__dirname, '..') });
    const server = await startServerProcess(
      {
        DB_URL: `sqlite:${file}`,
        // one client signs in once and asks many times: this measures latency, not the limits
        ...NO_RATE_LIMITS,
      },
      { built: true },
    );
    try {
      const token = await signIn(server.url, DEMO_PASSWORDS.lao.username, DEMO_PASSWORDS.lao.password);
      // warm up: the workers' fonts and dictionary, the server's first queries
      await printing(server.url, token, 3);
      await cheap(server.url);

      const alone = await cheap(server.url);
      const cpuBefore = processCpu(server.child.pid!);
      const printers = printing(server.url, token, SECONDS + 4);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const during = await cheap(server.url);
      const printed = await printers;
      const cpuAfter = processCpu(server.child.pid!);

      const statuses = Object.entries(printed.statusCodeStats ?? {})
        .map(([status, s]) => `${status}: ${s.count}`)
        .join(', ');
      const row = (label: string, f: Figures) =>
        console.log(
          label.padEnd(44),
          f.p50.toFixed(1).padStart(7),
          f.p99.toFixed(1).padStart(8),
          f.max.toFixed(0).padStart(7),
          `${f.non2xx}/${f.requests}`.padStart(10),
        );
      console.log(
        `\n${os.availableParallelism()} cores; RENDER_WORKERS=${process.env.RENDER_WORKERS ?? 'default'}; ` +
          `{ provinces { code name } } ${CHEAP_RATE}×/s for ${SECONDS} s per phase`,
      );
      console.log('cheap query'.padEnd(44), ' p50 ms', '  p99 ms', ' max ms', '  non-2xx');
      row('alone', alone);
      row(`while ${PRINTERS} ${PROJECTS}-project plans print at a time`, during);
      console.log(`ratio (during ÷ alone): p50 ×${(during.p50 / alone.p50).toFixed(2)}, p99 ×${(during.p99 / alone.p99).toFixed(2)}`);
      const plans = printed.statusCodeStats?.['200']?.count ?? 0;
      if (cpuBefore && cpuAfter && plans > 0) {
        const eventLoop = (cpuAfter.eventLoop - cpuBefore.eventLoop) / plans;
        const rest = (cpuAfter.rest - cpuBefore.rest) / plans;
        console.log(
          `server CPU per plan printed (with the cheap questions of the phase): ${(eventLoop + rest).toFixed(0)} ms — ` +
            `event loop ${eventLoop.toFixed(0)} ms, render workers and V8's helper threads ${rest.toFixed(0)} ms`,
        );
      }
      console.log(
        `printers: ${printed.requests.total} answers in ${SECONDS + 4} s (${(printed.requests.total / (SECONDS + 4)).toFixed(1)}/s), ` +
          `${statuses}; p50 ${printed.latency.p50} ms, p99 ${printed.latency.p99} ms`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
