/**
 * `npm run slow-link`: an LAO officer on a slow rural link, from a cold cache — the sign-in page, then
 * sign in → home page → report one project — in Debian's Chromium with its network emulation (400 kbit/s
 * down and up, 400 ms round trip; `--kbps`, `--rtt` to change). The built server (`npm run build` first)
 * runs in a process of its own over the demo data. Prints when each step became usable and the bytes
 * (as sent, i.e. compressed) of JavaScript, CSS and the rest that each step fetched; `--requests` also
 * lists every response of a step (when it started and ended, its size). Not a timed test: the figures go
 * in notes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { NO_RATE_LIMITS } from '../server/src/core/config';
import { startServerProcess } from './lib/server-process';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const KBPS = option('kbps', 400);
const LIST_REQUESTS = process.argv.includes('--requests');
const RTT = option('rtt', 400);
const LAO = '6800707'; // the memo's LAO of the demo data
const PASSWORD = 'Lao@2567';

interface Step {
  step: string;
  ms: number;
  js: number;
  css: number;
  other: number;
}

async function main() {
  if (!fs.existsSync(path.resolve(__dirname, '../client/dist/index.html'))) throw new Error('build first: npm run build');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-slow-'));
  const server = await startServerProcess(
    { DB_URL: `sqlite:${path.join(dir, 'demo.sqlite')}`, DEMO_DATA: '1', ...NO_RATE_LIMITS },
    { built: true },
  );
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
  try {
    const context = await browser.newContext({ baseURL: server.url, locale: 'th-TH', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && console.error(`console: ${m.text()}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: RTT,
      downloadThroughput: (KBPS * 1000) / 8,
      uploadThroughput: (KBPS * 1000) / 8,
    });
    // Bytes on the wire per response, by kind.
    const kinds = new Map<string, string>();
    const requests = new Map<string, { url: string; sent: number }>();
    let bytes = { js: 0, css: 0, other: 0 };
    let stepStarted = Date.now();
    cdp.on('Network.requestWillBeSent', (e) => {
      // A GraphQL request is listed with its operation's name.
      const operation = /"operationName":"(\w+)"/.exec(e.request.postData ?? '')?.[1];
      requests.set(e.requestId, { url: operation ? `${e.request.url} ${operation}` : e.request.url, sent: Date.now() - stepStarted });
    });
    cdp.on('Network.responseReceived', (e) => kinds.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      const kind = kinds.get(e.requestId);
      const key = kind === 'Script' ? 'js' : kind === 'Stylesheet' ? 'css' : 'other';
      bytes[key] += e.encodedDataLength;
      const request = requests.get(e.requestId);
      if (LIST_REQUESTS && request) {
        const at = `${(request.sent / 1000).toFixed(2)}–${((Date.now() - stepStarted) / 1000).toFixed(2)} s`;
        console.log(`  ${at.padEnd(13)} ${(e.encodedDataLength / 1024).toFixed(1).padStart(6)} KB  ${request.url.replace(server.url, '')}`);
      }
    });
    const steps: Step[] = [];
    const step = async (name: string, work: (p: Page) => Promise<void>) => {
      bytes = { js: 0, css: 0, other: 0 };
      const started = (stepStarted = Date.now());
      if (LIST_REQUESTS) console.log(name);
      await work(page);
      steps.push({ step: name, ms: Date.now() - started, ...bytes });
    };

    await step('sign-in page usable (cold cache)', async (p) => {
      await p.goto('/login');
      await p.getByTestId('login-username').waitFor();
      await p.getByTestId('login-submit').waitFor();
    });
    await step('sign in → home page with its figures', async (p) => {
      await p.getByTestId('login-username').fill(LAO);
      await p.getByTestId('login-password').fill(PASSWORD);
      await p.getByTestId('login-submit').click();
      await p.getByTestId('shell-header').waitFor();
      await p.getByTestId('home-lao').waitFor();
    });
    await step('home → progress reports of 2567', async (p) => {
      await p.getByTestId('menu-progress-reports').click();
      await p.waitForURL(/\/reports/);
      if (new URL(p.url()).searchParams.get('year') !== '2567') {
        await p.getByTestId('fiscal-year').click();
        await p.getByRole('option', { name: 'พ.ศ. 2567', exact: true }).click();
      }
      await p.locator('[data-round="TWELVE_MONTHS"][data-reported="false"]').first().waitFor();
    });
    await step('report one project (form open → saved)', async (p) => {
      const waiting = p.locator('[data-round="TWELVE_MONTHS"][data-reported="false"]').first();
      const testId = (await waiting.getAttribute('data-testid'))!;
      await waiting.click();
      await p.getByTestId('rf-submit').waitFor();
      if ((await p.getByTestId('rf-ordinance-budget').count()) > 0) {
        await p.getByTestId('rf-ordinance-budget').fill('10,000');
        await p.getByTestId('rf-disbursed').fill('8500.5');
      }
      await p.getByTestId('rf-in-ordinance-yes').click();
      await p.getByTestId('rf-status-DONE').click();
      await p.getByTestId('rf-submit').click();
      await p.locator(`[data-testid="${testId}"][data-reported="true"]`).waitFor();
    });

    console.log(`\nChromium, ${KBPS} kbit/s, ${RTT} ms round trip, cold cache, desktop window`);
    console.log('| step | usable after | JS (KB on the wire) | CSS | other |\n|---|---|---|---|---|');
    const kb = (n: number) => (n / 1024).toFixed(1);
    for (const s of steps) console.log(`| ${s.step} | ${(s.ms / 1000).toFixed(2)} s | ${kb(s.js)} | ${kb(s.css)} | ${kb(s.other)} |`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
