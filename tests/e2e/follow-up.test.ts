import type { Page } from 'playwright-core';
import { choose, describeE2E, e2eSuite, expectText, LAPTOP, openMenu, PHONE, screenshot, scrollsSideways, signIn } from './harness';

jest.setTimeout(180_000);

/** The demo's Krabi office and its live LAO (the current year has reports in progress and a round closing soon). */
const KRABI = { username: 'nacc81', password: 'Province@2567' };
const ADMIN = { username: 'admin', password: 'Admin@2567' };
const LIVE_LAO = '6810253';

/** What the รอการรายงาน cells of the follow-up table say, top to bottom. */
async function waitingOf(page: Page): Promise<string[]> {
  return page.getByTestId('follow-up-table').locator('tbody tr.el-table__row td:nth-child(3)').allInnerTexts();
}

/**
 * ติดตามการรายงานผล in Chromium: the Krabi office sees which of its LAOs still owe reports in the live
 * round and how near the close is, narrows to the unfinished, downloads the list; NACC central starts
 * from the country and opens a province. At a laptop's and a phone's width.
 */
describeE2E('reporting follow-up, in Chromium', () => {
  const e2e = e2eSuite();

  for (const size of [LAPTOP, PHONE]) {
    it(`shows a province office who is behind in the live round, ${size.width}px`, async () => {
      const { context, page } = await e2e.open(size);
      await signIn(page, KRABI.username, KRABI.password);
      if (size === PHONE) await page.goto('/follow-up');
      else await openMenu(page, 'follow-up');
      await page.waitForURL(/\/follow-up/);
      await choose(page, 'scores-round', 'รอบ 6 เดือน');
      await page.getByTestId('scores-show').click();
      await expectText(page.getByTestId('follow-up-title'), /ติดตามการรายงานผล ประจำปีงบประมาณ พ\.ศ\. 25\d\d รอบ 6 เดือน/);
      const summary = await expectText(page.getByTestId('follow-up-summary'), /รายงานครบแล้ว \d+ จาก \d+ แห่ง/);
      const [finished, laos] = summary.match(/\d+/g)!.map(Number);
      expect(laos).toBeGreaterThanOrEqual(19);
      await expectText(page.getByTestId('follow-up-closing'), /ปิดรอบรายงานผล/);
      // The live LAO still owes reports: its count is shown in red.
      const waiting = page.getByTestId(`follow-up-waiting-${LIVE_LAO}`);
      expect(Number(await waiting.innerText())).toBeGreaterThan(0);
      expect(await waiting.getAttribute('class')).toContain('behind');
      expect(await page.getByTestId('follow-up-table').locator('tbody tr.el-table__row').count()).toBe(laos);
      if (size === PHONE) expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, `follow-up-province-${size.width}`);

      // Only the unfinished: the finished ones leave the table, the live LAO stays.
      await page.getByTestId('follow-up-unfinished').click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="follow-up-table"] tbody tr.el-table__row').length === n,
        laos - finished,
      );
      for (const cell of await waitingOf(page)) expect(cell === 'ยังไม่มีโครงการ' || Number(cell) > 0).toBe(true);
      await page.getByTestId(`follow-up-waiting-${LIVE_LAO}`).waitFor();

      // The list as a workbook, with the session of the page.
      const href = await page.getByTestId('follow-up-xlsx').getAttribute('href');
      expect(href).toContain('unfinished=1');
      const file = await context.request.get(href!);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toContain('spreadsheetml');

      // The LAO's name opens its overview for the same year and round.
      await page.getByTestId(`follow-up-open-${LIVE_LAO}`).click();
      await page.waitForURL(new RegExp(`/results/overview\\?.*lao=${LIVE_LAO}`));
      await context.close();
    });
  }

  it('starts NACC central from the country and opens a province', async () => {
    const { context, page } = await e2e.open(LAPTOP);
    await signIn(page, ADMIN.username, ADMIN.password);
    await openMenu(page, 'follow-up');
    await choose(page, 'scores-round', 'รอบ 6 เดือน');
    await page.getByTestId('scores-show').click();
    await expectText(page.getByTestId('follow-up-title'), 'ติดตามการรายงานผลรายจังหวัด');
    const rows = page.getByTestId('national-follow-up-table').locator('tbody tr.el-table__row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(77);
    await expectText(page.getByTestId('national-follow-up-summary'), /ทั้งประเทศ รายงานครบแล้ว \d+ จาก \d+ แห่ง/);
    await screenshot(page, 'follow-up-national');
    await page.getByTestId('follow-up-province-81').click();
    await expectText(page.getByTestId('follow-up-title'), 'ติดตามการรายงานผล ประจำปีงบประมาณ');
    await page.getByTestId(`follow-up-waiting-${LIVE_LAO}`).waitFor();
    await page.getByTestId('follow-up-country').click();
    await page.getByTestId('national-follow-up').waitFor();
    await context.close();
  });

  it('is not in a LAO officer’s menu, and its address says so in Thai', async () => {
    const { context, page } = await e2e.open(LAPTOP);
    await signIn(page, LIVE_LAO, 'Lao@2567');
    expect(await page.getByTestId('menu-follow-up').count()).toBe(0);
    await page.goto('/follow-up');
    await expectText(page.locator('main'), /ไม่มีสิทธิ์|ไม่พบ/);
    await context.close();
  });
});
