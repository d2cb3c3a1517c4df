/**
 * `npm run pdf:time`: what printing costs. Serves the demo data (a fresh embedded database) in this
 * process and asks for the memo LAO's action plan (49 projects) and its other documents, one at a time,
 * printing for each the first request (fonts and dictionary loaded on first use) and the median wall and
 * CPU time of the next ones. Prints only; options: --runs N (default 20).
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
import { signIn } from './lib/sign-in';

const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-pdf-time-')), 'demo.sqlite');
  const config = loadConfig({ DB_URL: `sqlite:${file}`, PORT: '0', LOG_LEVEL: 'silent', DEMO_DATA: '0' });
  const db = await openDatabase(config.db);
  await loadDemoDataIfEmpty(db);
  const { listen, stop } = await createApp({ db, config, log: createLogger('silent'), clientDir: null });
  const server = await listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = await signIn(base, DEMO_PASSWORDS.lao.username, DEMO_PASSWORDS.lao.password);
  const lao = KHON_HAT.code;
  const documents: Array<[string, string]> = [
    ['action-plan.pdf (49 projects)', `/export/action-plan.pdf?lao=${lao}&year=2567&issuer=${encodeURIComponent('ผู้ทดสอบ')}`],
    ['plan-results.pdf', `/export/plan-results.pdf?lao=${lao}&year=2567&round=SIX_MONTHS`],
    ['overview.pdf', `/export/overview.pdf?lao=${lao}&year=2567&round=SIX_MONTHS`],
    ['memo.pdf', `/export/memo.pdf?lao=${lao}&year=2567&round=SIX_MONTHS&ref=x`],
  ];
  const fetchOnce = async (url: string) => {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.toString()}`);
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - t0, cpu: (used.user + used.system) / 1000, bytes: body.length };
  };
  console.log(`runs per document: ${RUNS} (after the first); times in ms, CPU = user + system of this process`);
  for (const [label, url] of documents) {
    const first = await fetchOnce(url);
    const runs = [];
    for (let n = 0; n < RUNS; n++) runs.push(await fetchOnce(url));
    console.log(
      `${label.padEnd(30)} first ${first.wall.toFixed(0)} wall / ${first.cpu.toFixed(0)} CPU;` +
        ` then median ${median(runs.map((r) => r.wall)).toFixed(1)} wall / ${median(runs.map((r) => r.cpu)).toFixed(1)} CPU;` +
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
