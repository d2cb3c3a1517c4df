import type { Browser, Page } from 'playwright-core';
import { describeE2E, e2eSuite, signIn } from './harness';

jest.setTimeout(120_000);

/**
 * What an officer on a slow rural link downloads before the first pages can be used (issue: the client on
 * a slow link): the scripts and stylesheets, as gzip (what every browser and proxy takes), from a cold
 * cache. A budget, in KB, that a change must not break without saying so here: `signInFirst`, what the
 * sign-in page's HTML names (all it waits for: `npm run slow-link` measures the time); `signIn`, that with
 * the home page's code, which the sign-in page fetches while the officer types; `home`, a signed-in officer's
 * home page opened from a cold cache, with what it fetches for the next page once it has arrived (the GraphQL client,
 * the progress reports page's code and its report form).
 */
const BUDGET_KB = { signInFirst: 70, signIn: 120, home: 200 };

/** A fresh browser context (cold cache) that asks for gzip only, with its scripts' and stylesheets' bytes as sent. */
async function counting(browser: Browser, baseURL: string, cookies: Array<{ name: string; value: string; url: string }> = []) {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'accept-encoding': 'gzip' } });
  if (cookies.length) await context.addCookies(cookies);
  const page = await context.newPage();
  const sizes: Array<Promise<{ url: string; bytes: number; gzip: boolean } | null>> = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    sizes.push(
      (async () => ({
        url: response.url(),
        bytes: (await response.request().sizes()).responseBodySize,
        gzip: (await response.headerValue('content-encoding')) === 'gzip',
      }))().catch(() => null), // a file still arriving when the test closes the page is in no total it reads
    );
  });
  const total = async () => {
    const all = (await Promise.all(sizes)).filter((s): s is { url: string; bytes: number; gzip: boolean } => s !== null);
    return { kb: all.reduce((n, s) => n + s.bytes, 0) / 1024, files: all };
  };
  return { context, page, total };
}

const settled = (page: Page) => page.waitForLoadState('networkidle');
/** Every file worth compressing came as gzip (the few tiny ones are sent as they are): the sizes are what a gzip-only browser gets. */
const compressed = (files: Array<{ bytes: number; gzip: boolean }>) => files.filter((f) => f.bytes > 1024).every((f) => f.gzip);

describeE2E('page weight on a slow link, in Chromium', () => {
  const e2e = e2eSuite();

  it(`the sign-in page comes in ≤ ${BUDGET_KB.signInFirst} KB of gzip scripts and styles (≤ ${BUDGET_KB.signIn} KB with the home page's code), an officer's home in ≤ ${BUDGET_KB.home} KB, from a cold cache`, async () => {
    const signInPage = await counting(e2e.browser, e2e.server.url);
    await signInPage.page.goto('/login');
    await signInPage.page.getByTestId('login-submit').waitFor();
    await settled(signInPage.page);
    const login = await signInPage.total();
    expect(login.files.length).toBeGreaterThan(0);
    expect(compressed(login.files)).toBe(true);
    console.log(`sign-in page with the home page's code ${login.kb.toFixed(1)} KB (gzip scripts and styles)`);
    expect(login.kb).toBeLessThanOrEqual(BUDGET_KB.signIn);
    // The files the page's HTML names: the sign-in page shows once they have arrived.
    const html = await (await fetch(`${e2e.server.url}/login`)).text();
    const named = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    const first = login.files.filter((f) => named.includes(new URL(f.url).pathname));
    expect(first.length).toBe(named.length);
    const firstKb = first.reduce((n, f) => n + f.bytes, 0) / 1024;
    console.log(`sign-in page ${firstKb.toFixed(1)} KB`);
    expect(firstKb).toBeLessThanOrEqual(BUDGET_KB.signInFirst);

    // Signed in, the officer opens the home page from a cold cache.
    await signIn(signInPage.page, '6800707', 'Lao@2567');
    const cookies = (await signInPage.context.cookies(e2e.server.url)).map((c) => ({ name: c.name, value: c.value, url: e2e.server.url }));
    await signInPage.context.close();
    const homePage = await counting(e2e.browser, e2e.server.url, cookies);
    await homePage.page.goto('/');
    await homePage.page.getByTestId('shell-header').waitFor();
    await settled(homePage.page);
    const home = await homePage.total();
    console.log(`home ${home.kb.toFixed(1)} KB`);
    expect(compressed(home.files)).toBe(true);
    expect(home.kb).toBeLessThanOrEqual(BUDGET_KB.home);
    await homePage.context.close();
  });
});
