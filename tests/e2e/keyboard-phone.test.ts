import type { Page } from 'playwright-core';
import { describeE2E, e2eSuite, expectText, LAPTOP, PHONE, screenshot, withinWidth } from './harness';

jest.setTimeout(180_000);

/** The memo's LAO (อบต.ขอนหาด, อำเภอชะอวด จังหวัดนครศรีธรรมราช): 49 projects in FY 2567. */
const LAO = '6800707';
const PASSWORD = 'Lao@2567';

/** Presses Tab until the focused element is (or is inside) `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => !!document.activeElement?.closest(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element's outline as drawn: style and width in px. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });

describeE2E('keyboard, phone and the pages that are not there, in Chromium', () => {
  const e2e = e2eSuite();

  const open = (size: { width: number; height: number }) => e2e.open(size);

  it('lets an LAO officer sign in, open progress reports, report a project and see it reported with the keyboard alone', async () => {
    const { context, page } = await open(LAPTOP);
    await page.goto('/login');
    await tabTo(page, '[data-testid="login-username"]');
    await page.keyboard.type(LAO);
    await tabTo(page, '[data-testid="login-password"]');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('shell-header').waitFor();
    await page.getByTestId('home-year').waitFor();

    // The first Tab offers the skip link, shown on screen; Enter puts the keyboard in the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-link');
    const skip = await page.getByTestId('skip-link').boundingBox();
    expect(skip!.y).toBeGreaterThanOrEqual(0);
    await expectText(page.getByTestId('skip-link'), 'ข้ามไปยังเนื้อหาหลัก');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // The fiscal year, from its list with the arrow keys.
    await tabTo(page, '[data-testid="fiscal-year"] [role="combobox"]');
    await page.keyboard.press('Enter');
    const hovered = page.locator('[data-testid="fiscal-year"] ~ * .is-hovering, .fy__list .is-hovering');
    for (let i = 0; i < 20 && !(await hovered.innerText()).includes('2567'); i++) await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 20 && !(await hovered.innerText()).includes('2567'); i++) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForURL(/[?&]year=2567/);

    // A menu group folds and unfolds with Enter; every link is reached with Tab, with a ring that shows.
    await tabTo(page, '[data-testid="menu-group-projects"]');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('menu-group-projects').getAttribute('aria-expanded')).resolves.toBe('false');
    expect(await page.getByTestId('menu-progress-reports').isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('menu-group-projects').getAttribute('aria-expanded')).resolves.toBe('true');
    await tabTo(page, '[data-testid="menu-progress-reports"]', 10);
    const ring = await focusRing(page);
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'keyboard-menu-focus');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/reports\?.*year=2567/);
    await page.locator('[data-testid^="report-"][data-round]').first().waitFor();

    // The first project waiting for its twelve-month report: Enter opens its dialog.
    const waiting = page.locator('[data-round="TWELVE_MONTHS"][data-reported="false"]').first();
    const testId = (await waiting.getAttribute('data-testid'))!;
    await tabTo(page, `[data-testid="${testId}"]`, 300);
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('report-dialog'), 'รายงานผลการดำเนินงาน รอบ 12 เดือน');
    await page.getByTestId('rf-status').waitFor();

    if (await page.getByTestId('rf-ordinance-budget').count()) {
      await tabTo(page, '[data-testid="rf-ordinance-budget"]', 30);
      await page.keyboard.type('10000');
      await tabTo(page, '[data-testid="rf-disbursed"]', 5);
      await page.keyboard.type('8500');
    }
    await tabTo(page, '[data-testid="rf-in-ordinance"]', 30);
    await page.keyboard.press('Space');
    await tabTo(page, '[data-testid="rf-status"]', 10);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('rf-status-DONE').getAttribute('class')).resolves.toContain('is-checked');
    await tabTo(page, '[data-testid="rf-note"]', 20);
    await page.keyboard.type('รายงานด้วยแป้นพิมพ์');
    await tabTo(page, '[data-testid="rf-submit"]', 10);
    await page.keyboard.press('Enter');
    await expectText(page.locator('.el-message'), 'บันทึกรายงานผลรอบ 12 เดือน เรียบร้อยแล้ว');
    await expectText(page.getByTestId(testId), 'รายงานแล้ว');
    await context.close();
  });

  it('shows a phone the whole LAO name, a report dialog within the screen and the project name beside the round buttons', async () => {
    const { context, page } = await open(PHONE);
    await page.goto('/login');
    await page.getByTestId('login-username').fill(LAO);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('shell-header').waitFor();

    const name = page.getByTestId('org-name');
    await expectText(name, 'องค์การบริหารส่วนตำบลขอนหาด');
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await withinWidth(page, '[data-testid="org-name"]')).toBe(true);
    await expectText(page.getByTestId('org-place'), 'จังหวัดนครศรีธรรมราช');
    await screenshot(page, 'phone-header');

    await page.goto('/reports?year=2567');
    const first = page.locator('[data-round="TWELVE_MONTHS"]').first();
    await first.waitFor();
    // Scrolled to the round buttons, the row still says which project they are for.
    await page
      .getByTestId('reports-table')
      .locator('.el-table__inner-wrapper')
      .evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await first.scrollIntoViewIfNeeded();
    const nameCell = page.locator('tbody td.col-name').first();
    expect(await withinWidth(page, 'tbody td.col-name')).toBe(true);
    expect(await withinWidth(page, '[data-round="TWELVE_MONTHS"]')).toBe(true);
    const nameBox = (await nameCell.boundingBox())!;
    const buttonBox = (await first.boundingBox())!;
    expect(nameBox.x + nameBox.width).toBeLessThanOrEqual(buttonBox.x);
    // …and is drawn above the cells that scroll beneath it.
    // (Waited for: the table may still be settling after the scroll.)
    const nameOnTop = await page
      .waitForFunction(
        (td) => {
          if (!td) return false;
          const r = td.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 20));
          return !!hit && td.contains(hit);
        },
        await nameCell.elementHandle(),
        { timeout: 5_000 },
      )
      .then(
        () => true,
        () => false,
      );
    expect(nameOnTop).toBe(true);
    // The status says which round it is of.
    await expectText(page.locator('[data-testid^="status-round-"]').first(), /รอบ (6|12) เดือน/);
    await screenshot(page, 'phone-reports-scrolled');

    await page.locator('[data-round="TWELVE_MONTHS"][data-reported="false"]').first().click();
    await page.getByTestId('rf-status').waitFor();
    await page.waitForTimeout(400);
    expect(await withinWidth(page, '[data-testid="report-dialog"]')).toBe(true);
    await page.getByTestId('rf-submit').scrollIntoViewIfNeeded();
    expect(await withinWidth(page, '[data-testid="rf-submit"]')).toBe(true);
    if (await page.getByTestId('rf-disbursed').count()) expect(await withinWidth(page, '[data-testid="rf-disbursed"]')).toBe(true);
    expect(await withinWidth(page, '[data-testid="rf-status-CANNOT_DO"]')).toBe(true);
    // Element Plus's controls are read out in Thai.
    await expect(page.getByTestId('report-dialog').locator('.el-dialog__headerbtn').getAttribute('aria-label')).resolves.toBe('ปิดหน้าต่างนี้');
    await screenshot(page, 'phone-report-dialog');
    await context.close();
  });

  for (const size of [LAPTOP, PHONE]) {
    it(`keeps Thai words whole in table headers and statuses (${size.width} px)`, async () => {
      const { context, page } = await open(size);
      await page.goto('/login');
      await page.getByTestId('login-username').fill(LAO);
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('shell-header').waitFor();
      /** How many lines each element whose whole text is one of `words` takes. */
      const lines = (words: string[]) =>
        page.evaluate((list) => {
          const out: Array<[string, number]> = [];
          for (const el of Array.from(document.querySelectorAll('th .cell, .status'))) {
            const text = (el.textContent ?? '').trim();
            if (!list.includes(text)) continue;
            const range = document.createRange();
            range.selectNodeContents(el);
            const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
            out.push([text, tops.size]);
          }
          return out;
        }, words);

      await page.goto('/baseline?year=2567');
      await page.locator('th').first().waitFor();
      const headers = await lines(['ปีงบประมาณ']);
      expect(headers.length).toBeGreaterThan(0);
      expect(headers.filter(([, n]) => n > 1)).toEqual([]);

      await page.goto('/reports?year=2567');
      await page.locator('.status').first().waitFor();
      const statuses = await lines(['ไม่สามารถดำเนินการได้', 'ดำเนินการแล้วเสร็จ', 'อยู่ระหว่างดำเนินการ']);
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.filter(([, n]) => n > 1)).toEqual([]);
      await context.close();
    });
  }

  it('answers an unknown address and a forbidden page with a Thai page that keeps the fiscal year', async () => {
    for (const size of [LAPTOP, PHONE]) {
      const { context, page } = await open(size);
      await page.goto('/login');
      await page.getByTestId('login-username').fill(LAO);
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('shell-header').waitFor();

      await page.goto('/no-such-page?year=2567');
      await expectText(page.locator('h1'), 'ไม่พบหน้าที่ต้องการ');
      expect(new URL(page.url()).pathname).toBe('/no-such-page');
      expect(await page.title()).toContain('ไม่พบหน้าที่ต้องการ');
      await screenshot(page, `not-found-${size.width}`);
      await page.getByTestId('missing-home').click();
      await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('year') === '2567');

      // Opened from within the app (a link without the year), an admin page an LAO may not open.
      await page.evaluate(() => {
        const app = (
          document.querySelector('#app') as unknown as {
            __vue_app__: { config: { globalProperties: { $router: { push: (to: string) => void } } } };
          }
        ).__vue_app__;
        app.config.globalProperties.$router.push('/admin/users');
      });
      await expectText(page.locator('h1'), 'ท่านไม่มีสิทธิ์เข้าถึงหน้านี้');
      const url = new URL(page.url());
      expect(url.pathname).toBe('/admin/users');
      expect(url.searchParams.get('year')).toBe('2567');
      await expectText(page.getByTestId('page-forbidden'), 'กรุณาติดต่อผู้ดูแลระบบ');
      await screenshot(page, `forbidden-${size.width}`);
      await context.close();
    }
  });
});
