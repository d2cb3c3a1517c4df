/**
 * `npm run pdf:time`: what printing costs. Serves the demo data (a fresh embedded database) in this
 * process, with the memo LAO's plan of 2567 given a 50th project (the demo plan has 49), and asks for
 * that action plan and the LAO's other documents, one at a time. For each it prints the first request
 * (fonts and dictionary loaded on first use) and the median over the next runs of the wall time and of
 * the CPU time per request: user + system of the whole process — the event loop that loads the data
 * and answers, the render worker that lays out the PDF, and the client's side of the request.
 *
 * Options: --runs N (default 20), --only <name> (e.g. action-plan) for one document, e.g. under
 * `node --cpu-prof`; --save <dir> writes each PDF there (to compare the output before and after a change).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/src/app';
import { loadConfig } from '../server/src/core/config';
import { openDatabase } from '../server/src/core/database';
import { createLogger } from '../server/src/core/logger';
import { DEMO_PASSWORDS, KHON_HAT, loadDemoDataIfEmpty } from '../server/src/demo/demo-data';
import { Lao } from '../server/src/modules/lao/lao.entity';
import { makeProject } from '../tests/fixtures/factories';
import { signIn } from './lib/sign-in';

const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(option('runs') ?? 20);
const ONLY = option('only');
const SAVE = option('save');
const PROJECTS = 50;

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The memo LAO's plan of 2567 grown to PROJECTS projects (the demo data has 49). */
async function growPlan(db: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  const lao = await db.getRepository(Lao).findOneByOrFail({ code: KHON_HAT.code });
  const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM project_year WHERE lao_code = ? AND fiscal_year = 2567', [lao.code]);
  for (let i = Number(n); i < PROJECTS; i++) {
    await makeProject(db, lao, {
      name: 'โครงการเผยแพร่ประกาศเจตจำนงสุจริตของผู้บริหารท้องถิ่นผ่านเว็บไซต์และเสียงตามสายของหมู่บ้าน',
      dimension: 1,
      budget: 2_500_000,
      quarters: [2, 3],
      fiscalYears: [2567],
      note: 'ดำเนินการร่วมกับหน่วยงานในพื้นที่',
    });
  }
}

async function main() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-pdf-time-')), 'demo.sqlite');
  const config = loadConfig({ DB_URL: `sqlite:${file}`, PORT: '0', LOG_LEVEL: 'silent', DEMO_DATA: '0' });
  const db = await openDatabase(config.db);
  await loadDemoDataIfEmpty(db);
  await growPlan(db);
  const { listen, stop } = await createApp({ db, config, log: createLogger('silent'), clientDir: null });
  const server = await listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = await signIn(base, DEMO_PASSWORDS.lao.username, DEMO_PASSWORDS.lao.password);
  const lao = KHON_HAT.code;
  const documents: Array<[string, string]> = [
    [`action-plan.pdf (${PROJECTS} projects)`, `/export/action-plan.pdf?lao=${lao}&year=2567&issuer=${encodeURIComponent('ผู้ทดสอบ')}`],
    ['plan-results.pdf', `/export/plan-results.pdf?lao=${lao}&year=2567&round=SIX_MONTHS`],
    ['overview.pdf', `/export/overview.pdf?lao=${lao}&year=2567&round=SIX_MONTHS`],
    ['memo.pdf', `/export/memo.pdf?lao=${lao}&year=2567&round=SIX_MONTHS&ref=x`],
  ].filter(([, url]) => !ONLY || url.startsWith(`/export/${ONLY}.`)) as Array<[string, string]>;
  const fetchOnce = async (url: string) => {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.toString()}`);
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - t0, cpu: (used.user + used.system) / 1000, bytes: body.length, body };
  };
  console.log(
    `${RUNS} runs per document after the first; ms; CPU = user + system of the whole process (event loop, ` +
      `render worker, the client's side) per request; ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(2)}`,
  );
  for (const [label, url] of documents) {
    const first = await fetchOnce(url);
    if (SAVE) {
      fs.mkdirSync(SAVE, { recursive: true });
      fs.writeFileSync(path.join(SAVE, url.slice('/export/'.length).split('?')[0]), first.body);
    }
    const runs = [];
    for (let n = 0; n < RUNS; n++) runs.push(await fetchOnce(url));
    console.log(
      `${label.padEnd(32)} first ${first.wall.toFixed(0)} wall / ${first.cpu.toFixed(0)} CPU;` +
        ` then median ${median(runs.map((r) => r.wall)).toFixed(1)} wall / ${median(runs.map((r) => r.cpu)).toFixed(1)} CPU` +
        ` (CPU min ${Math.min(...runs.map((r) => r.cpu)).toFixed(1)});` +
        ` ${(first.bytes / 1024).toFixed(0)} KB`,
    );
  }
  server.close();
  await stop();
  await db.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
