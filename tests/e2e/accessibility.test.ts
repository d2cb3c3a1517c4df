import type { Page } from 'playwright-core';
import { describeE2E, e2eSuite, screenshot, seriousA11yViolations, signIn, type A11yViolation } from './harness';

jest.setTimeout(600_000);

/**
 * axe-core over every page a user reaches, as each role reaches it, on a laptop and on a phone: no serious or
 * critical violation (contrast, unnamed controls, wrong ARIA, English where Thai is read out).
 */
const LAO = { username: '6800707', password: 'Lao@2567' };
const PROVINCE = { username: 'nacc80', password: 'Province@2567' };
const ADMIN = { username: 'admin', password: 'Admin@2567' };

const SIZES = [
  { name: 'laptop', width: 1366, height: 900 },
  { name: 'phone', width: 375, height: 812 },
] as const;

/** A page and, where the page shows more after a click, what to do before scanning. */
type Visit = { path: string; then?: (page: Page) => Promise<void> };

const SIGNED_OUT: Visit[] = [{ path: '/login' }, { path: '/username-lookup' }, { path: '/forgot-password' }];
const LAO_PAGES: Visit[] = [
  { path: '/?year=2567' },
  { path: '/projects?year=2567' },
  { path: '/projects/new?year=2567' },
  {
    path: '/projects?year=2567',
    then: async (page) => {
      await page.getByTestId('project-edit').first().click();
      await page.waitForURL(/\/projects\/\d+\/edit/);
    },
  },
  { path: '/projects/print?year=2567' },
  { path: '/reports?year=2567' },
  {
    path: '/reports?year=2567',
    then: async (page) => {
      await page.locator('[data-round="TWELVE_MONTHS"][data-reported="false"]').first().click();
      await page.getByTestId('report-dialog').waitFor();
    },
  },
  { path: '/results/overview?year=2567' },
  { path: '/results/plan?year=2567' },
  { path: '/results/province?year=2567' },
  { path: '/baseline?year=2567' },
  { path: '/lao/profile?year=2567' },
  { path: '/account/password?year=2567' },
  { path: '/sar?year=2567' },
  { path: '/no-such-page?year=2567' },
  { path: '/admin/users?year=2567' },
];
const PROVINCE_PAGES: Visit[] = [
  { path: '/?year=2567' },
  { path: '/review?year=2567' },
  { path: '/review/compliance?year=2567' },
  { path: '/province/laos?year=2567' },
  { path: '/results/province?year=2567' },
  { path: '/review/audit?year=2567' },
];
const ADMIN_PAGES: Visit[] = [
  { path: '/admin/users' },
  { path: '/admin/laos' },
  { path: '/admin/outbox' },
  { path: '/admin/years' },
  { path: '/admin/memo-emblem' },
  { path: '/admin/imports' },
  { path: '/admin/plan-years' },
  { path: '/admin/audit' },
  { path: '/results/province?year=2567' },
];

async function scan(page: Page, visits: Visit[], label: string): Promise<string[]> {
  const found: string[] = [];
  for (const visit of visits) {
    await page.goto(visit.path);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await visit.then?.(page);
    // Let transitions (dialogs fading in) finish: axe reads the colours on screen.
    await page.waitForTimeout(400);
    const violations: A11yViolation[] = await seriousA11yViolations(page);
    if (violations.length) {
      await screenshot(page, `a11y-${label}-${visit.path.replace(/\W+/g, '-')}`);
      found.push(...violations.map((v) => `${label} ${visit.path}: [${v.impact}] ${v.rule} — ${v.help}\n    ${v.nodes.join('\n    ')}`));
    }
  }
  return found;
}

describeE2E('accessibility of every page (axe-core), in Chromium', () => {
  const e2e = e2eSuite();

  for (const size of SIZES) {
    it(`has no serious or critical violation on any page, ${size.name} (${size.width}×${size.height})`, async () => {
      const found: string[] = [];
      for (const [who, account, pages] of [
        ['signed-out', null, SIGNED_OUT],
        ['lao', LAO, LAO_PAGES],
        ['province', PROVINCE, PROVINCE_PAGES],
        ['admin', ADMIN, ADMIN_PAGES],
      ] as const) {
        const context = await e2e.browser.newContext({
          baseURL: e2e.server.url,
          viewport: { width: size.width, height: size.height },
          locale: 'th-TH',
          timezoneId: 'Asia/Bangkok',
        });
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        if (account) await signIn(page, account.username, account.password);
        found.push(...(await scan(page, pages, `${size.name} ${who}`)));
        await context.close();
      }
      expect(found).toEqual([]);
    });
  }
});
