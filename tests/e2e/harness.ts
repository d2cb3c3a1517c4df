import 'reflect-metadata';
import { Console } from 'node:console';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { createApp } from '../../server/src/app';
import { loadConfig, NO_RATE_LIMITS, type AppConfig } from '../../server/src/core/config';
import { openDatabase } from '../../server/src/core/database';
import { loadDemoDataIfEmpty } from '../../server/src/demo/demo-data';
import type { GqlAuth } from '../support/post-gql';
import { SESSION_COOKIE } from '../../server/src/modules/account/authentication';

/** Debian's Chromium, driven by playwright-core (no browser download). */
export const CHROMIUM = '/usr/bin/chromium';
export const CLIENT_DIST = path.resolve(__dirname, '../../client/dist');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What the e2e suite needs that this machine may lack, each with how to get it. */
export function missingForE2E(): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(path.join(CLIENT_DIST, 'index.html')))
    missing.push('the built client (client/dist/index.html): run `npm run build:client`');
  if (!fs.existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\``);
  return missing;
}

const missing = missingForE2E();
const required = process.env.REQUIRE_E2E === '1';
if (missing.length && !required) {
  // Jest buffers a test file's console and drops it when every test is skipped: warn on stderr itself.
  new Console(process.stderr).warn(`e2e tests SKIPPED — missing ${missing.join('; ')}. Set REQUIRE_E2E=1 to make this a failure.`);
}

/** `describe` when the suite can run (or must: REQUIRE_E2E=1, then a missing piece fails it); `describe.skip` otherwise. */
export const describeE2E: jest.Describe = missing.length && !required ? describe.skip : describe;

/** The real server (GraphQL + built client) on a free port over a fresh embedded database with the demo data. */
export class E2EServer {
  url = '';
  db!: DataSource;
  config!: AppConfig;
  private server!: Server;
  private stopApollo!: () => Promise<void>;
  private dir = '';

  /**
   * No rate limit is reached (a browser driven by a test clicks far faster than an official), unless
   * `env` sets one; `env` adds to the environment of the server.
   */
  static async start(env: Record<string, string> = {}): Promise<E2EServer> {
    if (missing.length) throw new Error(`e2e tests cannot run: missing ${missing.join('; ')}`);
    const s = new E2EServer();
    s.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-e2e-'));
    s.config = loadConfig({
      DB_URL: `sqlite:${path.join(s.dir, 'e2e.sqlite')}`,
      PORT: '0',
      LOG_LEVEL: 'silent',
      ...NO_RATE_LIMITS,
      ...env,
    });
    s.db = await openDatabase(s.config.db);
    await loadDemoDataIfEmpty(s.db);
    const { listen, stop } = await createApp({ db: s.db, config: s.config, clientDir: CLIENT_DIST });
    s.stopApollo = stop;
    s.server = await listen(0, '127.0.0.1');
    s.url = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
    // Links in mails (password reset) point at the port the server actually got.
    s.config.publicUrl = s.url;
    return s;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
    await this.stopApollo?.();
    await this.db?.destroy();
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The two screens every page is tried on: a small laptop and a phone. */
export const LAPTOP = { width: 1366, height: 900 };
export const PHONE = { width: 375, height: 812 };

/**
 * Whether the (first) element lies wholly inside the window's width and, sideways, inside every ancestor
 * that clips or scrolls it (a table scrolled within its card): all of it can be seen without scrolling sideways.
 */
export async function withinWidth(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const width = page.viewportSize()!.width;
  if (!box || box.x < 0 || box.x + box.width > width + 0.5) return false;
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX === 'visible') continue;
        const c = a.getBoundingClientRect();
        if (r.left < c.left - 0.5 || r.right > c.right + 0.5) return false;
      }
      return true;
    });
}

/** Whether the page itself scrolls sideways (something wider than the window). */
export const scrollsSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 0.5);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A fresh browser session (own cookies) on a small laptop screen, in Thai and Thailand's time. */
/**
 * One suite's fixture: a server over fresh demo data (with `env` added to its settings) and Chromium, started
 * before the suite's tests and stopped after them; `open()` gives a new signed-out page on that server.
 */
export function e2eSuite(env: Record<string, string> = {}) {
  const suite = {} as {
    server: E2EServer;
    browser: Browser;
    /** A new signed-out page, on a laptop's screen or the size given (`PHONE`). */
    open: (size?: { width: number; height: number }) => ReturnType<typeof openPage>;
  };
  beforeAll(async () => {
    suite.server = await E2EServer.start(env);
    suite.browser = await launchBrowser();
    suite.open = (size) => openPage(suite.browser, suite.server, size);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}

export async function openPage(
  browser: Browser,
  server: E2EServer,
  viewport = { width: 1366, height: 768 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
}

/**
 * The browser's session for `postGql` (tests/support/post-gql.ts): its secret as a bearer token, the same
 * session the signed-in page holds. (With the cookie itself the server runs only the web client's trusted
 * documents, and the tests' operations are not among them.)
 */
export async function browserAuth(context: BrowserContext, server: E2EServer): Promise<GqlAuth> {
  const session = (await context.cookies(server.url)).find((c) => c.name === SESSION_COOKIE);
  if (!session) throw new Error('the browser is not signed in');
  return { token: session.value };
}

/** Waits until the element's visible text contains `expected` (or matches it); fails with what was there. */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    try {
      last = await locator.first().innerText({ timeout: Math.max(1, Math.min(1000, deadline - Date.now())) });
      if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) {
      throw new Error(`expected ${String(locator)} to show ${JSON.stringify(String(expected))}, but it showed ${JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Signs in through the sign-in page and waits for the shell. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('shell-header').waitFor();
}

/** Picks an option of an Element Plus select by its visible text. */
export async function choose(page: Page, selectTestId: string, option: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Clicks an entry of the shell's left menu (by its key, e.g. `change-password`). */
export async function openMenu(page: Page, key: string): Promise<void> {
  await page.getByTestId(`menu-${key}`).click();
}

/** Saves a screenshot under the temp folder, to look at when a test fails or the layout changes. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(os.tmpdir(), `eplan-e2e-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** axe-core's source, handed to the page by the browser's own channel (no network, no CDN, no CSP exception). */
let axeSource: string | null = null;

/** An accessibility failure axe-core finds, with the elements it names: `rule: help — element (what fails)`. */
export type A11yViolation = { rule: string; impact: string; help: string; nodes: string[] };

/**
 * The serious and critical violations axe-core (WCAG 2.x A and AA rules and its best practices) finds on what
 * the page shows now — contrast, names of controls, ARIA roles and states, landmarks.
 */
export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = {
      id: string;
      impact: string | null;
      help: string;
      nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
    };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.html.slice(0, 160)} (${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)})`),
      }));
  });
}
