import type { Locator, Page } from 'playwright-core';
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

const SIGNED_OUT: Visit[] = [
  { path: '/login' },
  { path: '/username-lookup' },
  { path: '/forgot-password' },
  // The public pages (server-rendered, no session).
  { path: '/public' },
  { path: `/public?q=${encodeURIComponent('ขอนหาด')}` },
  { path: '/public?district=8104&year=2563' },
  { path: '/public/lao/6810453/2563' },
  { path: '/public/province/81/2563/SIX_MONTHS' },
  { path: '/public/district/8104/2563/SIX_MONTHS' },
  { path: '/public/national/2563/SIX_MONTHS' },
];
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
  { path: '/notifications?year=2567' },
  { path: '/notifications/settings?year=2567' },
];
const PROVINCE_PAGES: Visit[] = [
  { path: '/?year=2567' },
  { path: '/review?year=2567' },
  { path: '/review/compliance?year=2567' },
  { path: '/province/laos?year=2567' },
  { path: '/results/province?year=2567' },
  { path: '/review/audit?year=2567' },
  { path: '/follow-up?year=2567&round=SIX_MONTHS' },
  { path: '/red-flags?year=2567&round=SIX_MONTHS' },
  { path: '/notifications?year=2567' },
  { path: '/notifications/settings?year=2567' },
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
  { path: '/follow-up?year=2567&round=TWELVE_MONTHS' },
  { path: '/follow-up?year=2567&round=SIX_MONTHS&province=81' },
  { path: '/red-flags?year=2567&round=SIX_MONTHS&province=81' },
  { path: '/admin/reminders' },
  { path: '/notifications/settings' },
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

  it('keeps every coloured button legible when hovered, focused and pressed (≥ 4.5:1; axe reads only the resting state)', async () => {
    const found: string[] = [];
    const checked = new Set<string>();
    for (const [account, visits] of [
      [null, [{ path: '/login' }]],
      [LAO, [{ path: '/reports?year=2567' }, { path: '/results/overview?year=2567' }, { path: '/baseline?year=2567' }]],
      [PROVINCE, [{ path: '/review?year=2567' }, { path: '/review/compliance?year=2567' }]],
      [ADMIN, [{ path: '/admin/users' }, { path: '/admin/laos' }, { path: '/admin/imports' }, { path: '/results/province?year=2567' }]],
    ] as const) {
      const context = await e2e.browser.newContext({
        baseURL: e2e.server.url,
        viewport: { width: 1366, height: 900 },
        locale: 'th-TH',
        timezoneId: 'Asia/Bangkok',
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      if (account) await signIn(page, account.username, account.password);
      for (const visit of visits as readonly Visit[]) {
        await page.goto(visit.path);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        if (visit.path.startsWith('/results/province')) {
          // The country's table, then a province's: its link back to the country.
          await page.getByTestId('scores-show').click();
          await page.getByTestId('national-table').waitFor();
          await page.locator('[data-testid^="national-open-"]').first().click();
          await page.getByTestId('scores-country').waitFor();
        }
        for (const { kind, button } of await colouredButtons(page)) {
          if (checked.has(kind)) continue;
          checked.add(kind);
          for (const [state, ratio] of await statesContrast(page, button)) {
            if (ratio < 4.5) found.push(`${visit.path} ${kind} ${state}: ${ratio.toFixed(2)}:1 (${await button.innerText()})`);
          }
        }
      }
      await context.close();
    }
    // The kinds the app uses, at least: solid, plain and link buttons.
    expect([...checked]).toEqual(expect.arrayContaining(['primary', 'success plain', 'danger plain', 'primary link']));
    expect(found).toEqual([]);
  });
});

/** One visible, enabled Element Plus button of each colour and kind on the page (`primary`, `success plain`, `danger link`…). */
async function colouredButtons(page: Page): Promise<Array<{ kind: string; button: Locator }>> {
  const buttons = page.locator('.el-button:visible:not(.is-disabled)');
  const out = new Map<string, Locator>();
  for (let i = 0, n = await buttons.count(); i < n; i++) {
    const button = buttons.nth(i);
    const cls = (await button.getAttribute('class')) ?? '';
    const colour = /el-button--(primary|success|warning|danger|info)\b/.exec(cls)?.[1];
    if (!colour) continue;
    const kind = [colour, ...['plain', 'link', 'text'].filter((k) => cls.includes(`is-${k}`))].join(' ');
    if (!out.has(kind)) out.set(kind, button);
  }
  return [...out].map(([kind, button]) => ({ kind, button }));
}

/**
 * The contrast of a button's text against what is behind it (its own background, or the first opaque one
 * under it), hovered, focused from the keyboard and pressed; the transitions waited out.
 */
async function statesContrast(page: Page, button: Locator): Promise<Array<[string, number]>> {
  const measure = () =>
    button.evaluate((el) => {
      const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r, g, b]: number[]) => {
        const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      let bg: number[] = [255, 255, 255];
      for (let node: Element | null = el; node; node = node.parentElement) {
        const c = rgba(getComputedStyle(node).backgroundColor);
        if (c.length >= 3 && (c[3] ?? 1) > 0.5) {
          bg = c;
          break;
        }
      }
      const fg = rgba(getComputedStyle(el).color);
      const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    });
  const settle = () => page.waitForTimeout(300);
  const out: Array<[string, number]> = [];
  await button.scrollIntoViewIfNeeded();
  await button.hover();
  await settle();
  out.push(['hover', await measure()]);
  await page.mouse.down();
  await settle();
  out.push(['active', await measure()]);
  // Released away from the button, so nothing is clicked.
  await page.mouse.move(0, 0);
  await page.mouse.up();
  await button.focus();
  await settle();
  out.push(['focus', await measure()]);
  await button.blur();
  return out;
}
