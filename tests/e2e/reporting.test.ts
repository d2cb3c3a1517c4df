import type { Locator, Page } from 'playwright-core';
import { browserAuth, choose, describeE2E, e2eSuite, expectText, openMenu, screenshot, signIn } from './harness';
import { postGql } from '../support/post-gql';
import { CreateProjectDocument } from '../gql/graphql';

jest.setTimeout(120_000);

/** The memo's LAO (อบต.ขอนหาด): 49 projects in FY 2567, all reported in the six-month round (31 done, 18 in progress). */
const LAO = '6800707';
const PASSWORD = 'Lao@2567';

async function chooseYear(page: Page, year: number): Promise<void> {
  await choose(page, 'fiscal-year', `พ.ศ. ${year}`);
  await page.waitForURL(new RegExp(`[?&]year=${year}`));
}

/** The Element Plus button's colour type (info = grey, success = green). */
async function buttonType(button: Locator): Promise<string> {
  const classes = (await button.getAttribute('class')) ?? '';
  return classes.match(/el-button--(info|success|primary|default)/)?.[1] ?? '';
}

async function openReports(page: Page, year: number): Promise<void> {
  await openMenu(page, 'progress-reports');
  await page.waitForURL(/\/reports/);
  if (!new URL(page.url()).searchParams.get('year')) await chooseYear(page, year);
  await expectText(page.getByTestId('reports-year'), `ปีงบประมาณ พ.ศ. ${year}`);
  await page.locator('[data-testid^="report-"][data-round]').first().waitFor();
}

describeE2E('progress reports, the home dashboard and the LAO’s reports, in Chromium', () => {
  const e2e = e2eSuite();

  it('shows FY 2567 on the home page as the manual words it, with the memo’s figures', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, LAO, PASSWORD);
    await chooseYear(page, 2567);
    await expectText(page.getByTestId('home-year'), 'สถานะการดำเนินงานของปีงบประมาณ พ.ศ. 2567');
    await expectText(page.getByTestId('home-lao'), 'องค์การบริหารส่วนตำบลขอนหาด');

    await expectText(page.getByTestId('dashboard-rate-SIX_MONTHS'), 'รอบการดำเนินการ 6 เดือน คิดเป็นการรายงานผลร้อยละ 100');
    await expectText(page.getByTestId('dashboard-score-SIX_MONTHS'), 'ผลการนำแผนฯ ไปสู่การปฏิบัติร้อยละ 100.00* จากโครงการขั้นต่ำ 15 โครงการ');
    expect((await page.getByTestId('dashboard-created-SIX_MONTHS').innerText()).trim()).toBe('49');
    expect((await page.getByTestId('dashboard-reported-SIX_MONTHS').innerText()).trim()).toBe('49');
    expect((await page.getByTestId('dashboard-waiting-SIX_MONTHS').innerText()).trim()).toBe('0');
    await expectText(page.getByTestId('dashboard-level-SIX_MONTHS'), 'มาก');
    await expectText(page.getByTestId('dashboard-capped-SIX_MONTHS'), 'ร้อยละ 266.67');
    await page.getByTestId('dashboard-explanation-SIX_MONTHS').locator('summary').click();
    await expectText(
      page.getByTestId('dashboard-explanation-SIX_MONTHS'),
      'ดำเนินการแล้วเสร็จ 31 × 1 + อยู่ระหว่างดำเนินการ 18 × 0.5 = 40 ÷ โครงการขั้นต่ำ 15 = 266.67 → แสดง 100.00* ระดับมาก',
    );
    await expectText(page.getByTestId('dashboard-window-SIX_MONTHS'), 'เปิดรับรายงานผล');
    const chart = await page.getByTestId('dashboard-SIX_MONTHS').locator('svg').getAttribute('aria-label');
    expect(chart).toContain('ดำเนินการแล้วเสร็จ 31');
    expect(chart).toContain('อยู่ระหว่างดำเนินการ 18');

    // Twelve months: the 31 done projects were carried over; 31 of 49 → 63.27 % → shown as 63.
    await expectText(page.getByTestId('dashboard-rate-TWELVE_MONTHS'), 'รอบการดำเนินการ 12 เดือน คิดเป็นการรายงานผลร้อยละ 63');
    expect((await page.getByTestId('dashboard-reported-TWELVE_MONTHS').innerText()).trim()).toBe('31');
    expect((await page.getByTestId('dashboard-waiting-TWELVE_MONTHS').innerText()).trim()).toBe('18');
    await screenshot(page, 'home-dashboard');
    await context.close();
  });

  it('reports a waiting project DONE in the twelve-month round: the button turns green and the home page counts it', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, LAO, PASSWORD);
    await chooseYear(page, 2567);
    await openReports(page, 2567);
    await expectText(page.getByTestId('reports-table'), 'กิจกรรมส่งเสริมและพัฒนาศักยภาพสมาชิกสภาท้องถิ่น');
    await screenshot(page, 'progress-reports');

    // A carried twelve-month report says where it came from.
    await page.locator('[data-round="TWELVE_MONTHS"][data-reported="true"]').first().click();
    await expectText(page.getByTestId('rf-carried'), 'ระบบบันทึกให้จากรอบ 6 เดือน');
    await page.getByTestId('report-dialog').getByRole('button', { name: 'ยกเลิก' }).click();
    await page.getByTestId('report-dialog').waitFor({ state: 'hidden' });

    const grey = page.locator('[data-round="TWELVE_MONTHS"][data-reported="false"]').first();
    const testId = (await grey.getAttribute('data-testid'))!;
    const button = page.getByTestId(testId);
    await expectText(button, 'รอรายงาน');
    expect(await buttonType(button)).toBe('info');
    await button.click();

    const dialog = page.getByTestId('report-dialog');
    await expectText(dialog, 'รายงานผลการดำเนินงาน รอบ 12 เดือน');
    const budgetLine = await expectText(page.getByTestId('rf-budget'), 'ดำเนินการโดย');
    const budgeted = (await page.getByTestId('rf-ordinance-budget').count()) > 0;
    expect(budgeted).toBe(budgetLine.includes('ดำเนินการโดยมีงบประมาณ จำนวน'));

    // Cannot do, reason "other" without its text: the form says what is missing.
    await page.getByTestId('rf-status-CANNOT_DO').click();
    await page.getByTestId('rf-reason-OTHER').click();
    await page.getByTestId('rf-submit').click();
    await expectText(dialog.locator('.el-form-item', { has: page.getByTestId('rf-reason-text') }), 'กรุณากรอกเหตุผลที่ไม่สามารถดำเนินการได้');
    await screenshot(page, 'report-form-errors');

    if (budgeted) {
      await page.getByTestId('rf-ordinance-budget').fill('10,000');
      await page.getByTestId('rf-disbursed').fill('8500.5');
    }
    await page.getByTestId('rf-in-ordinance-yes').click();
    await page.getByTestId('rf-status-DONE').click();
    await page.getByTestId('rf-note').fill('ดำเนินการครบทุกกิจกรรมแล้ว');
    await page.getByTestId('rf-submit').click();
    await expectText(page.locator('.el-message'), 'บันทึกรายงานผลรอบ 12 เดือน เรียบร้อยแล้ว');
    await expectText(button, 'รายงานแล้ว');
    expect(await buttonType(button)).toBe('success');

    // "รายงานแล้ว" opens the saved report again.
    await button.click();
    await expect(page.getByTestId('rf-status-DONE').getAttribute('class')).resolves.toContain('is-checked');
    await expect(page.getByTestId('rf-note').inputValue()).resolves.toBe('ดำเนินการครบทุกกิจกรรมแล้ว');
    if (budgeted) await expect(page.getByTestId('rf-disbursed').inputValue()).resolves.toBe('8500.50');
    expect(await page.getByTestId('rf-carried').count()).toBe(0);
    await screenshot(page, 'report-form');
    await page.getByTestId('report-dialog').getByRole('button', { name: 'ยกเลิก' }).click();

    await openMenu(page, 'home');
    await expectText(page.getByTestId('dashboard-reported-TWELVE_MONTHS'), '32');
    expect((await page.getByTestId('dashboard-waiting-TWELVE_MONTHS').innerText()).trim()).toBe('17');
    await context.close();
  });

  it('shows the overview of 2567, six months, as the memo’s tables and serves it as PDF and Excel (the memo: memo.test.ts)', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, LAO, PASSWORD);
    await openMenu(page, 'lao-overview');
    await choose(page, 'report-year', 'พ.ศ. 2567');
    await choose(page, 'report-round', 'รอบ 6 เดือน');
    await page.getByTestId('report-show').click();
    await expectText(page.getByTestId('report-title'), 'รายงานผลการนำแผนไปปฏิบัติ ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือน');

    const total = (await expectText(page.getByTestId('overview-total-row'), '112,652.00')).split(/\s+/);
    expect(total).toEqual(['รวม', '49', '31', '370,000.00', '0.00', '112,652.00', '63.27', '30.45']);
    const fourth = (await page.getByTestId('overview-dimension-4').innerText()).split(/\s+/);
    expect(fourth).toEqual(['4', '7', '4', '230,000.00', '0.00', '112,652.00', '57.14', '48.98']);
    const status = (await page.getByTestId('overview-status-row').innerText()).split(/\s+/);
    expect(status).toEqual(['15', '49', '3', '18', '31', '0', '0', '100.00*', 'มาก']);
    await expectText(page.getByTestId('overview-capped-note'), '266.67');
    await page.getByTestId('overview-explanation').locator('summary').click();
    await expectText(page.getByTestId('overview-explanation'), '= 40 ÷ โครงการขั้นต่ำ 15 = 266.67 → แสดง 100.00*');
    await expectText(page.getByTestId('overview-planned-table'), '370,000.00');
    await screenshot(page, 'overview');

    for (const [testId, type] of [
      ['export-overview-pdf', 'application/pdf'],
      ['export-overview-xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]) {
      const href = (await page.getByTestId(testId).getAttribute('href'))!;
      expect(href).toContain(`lao=${LAO}&year=2567&round=SIX_MONTHS`);
      const res = await page.request.get(href);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe(type);
      if (type === 'application/pdf') expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    await context.close();
  });

  it('lists the plan results of a round and keeps the problems, suggestions and reporter for the PDF', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, LAO, PASSWORD);
    await chooseYear(page, 2567);
    await openMenu(page, 'plan-results');
    await page.getByTestId('report-show').click();
    await expectText(page.getByTestId('report-title'), 'พ.ศ. 2567 ของ องค์การบริหารส่วนตำบลขอนหาด รอบ 6 เดือน');
    const row48 = page.getByTestId('plan-result-48');
    await expectText(row48, '112,652.00');
    await expectText(row48.locator('[data-status="DONE"]'), '✓');
    expect((await row48.locator('[data-status="WAITING"]').innerText()).trim()).toBe('');
    await expect(page.getByTestId('plan-results-table').locator('tbody tr').count()).resolves.toBe(49);
    const summary = await page.getByTestId('plan-results-summary').innerText();
    expect(summary).toContain('มีโครงการ/กิจกรรม/มาตรการ จำนวน 49 โครงการ');
    expect(summary).toContain('ดำเนินการแล้วเสร็จ 31 โครงการ');
    expect(summary).toContain('เบิกจ่ายงบประมาณ 112,652.00 บาท คิดเป็นร้อยละ 30.45');
    expect(summary).toContain('มีการนำแผนฯ ไปปฏิบัติ ระดับ มาก ร้อยละ 100.00');

    await page.getByTestId('prn-problems').fill('ขาดงบประมาณในการสนับสนุนการดำเนินการ');
    await page.getByTestId('prn-suggestions').fill('หน่วยงานหลักควรสนับสนุนงบประมาณ');
    await page.getByTestId('prn-name').fill('นางสาวอนุศาสน์ อภัยรัตน์');
    await page.getByTestId('prn-position').fill('นิติกร');
    await page.getByTestId('prn-save').click();
    await expectText(page.locator('.el-message'), 'บันทึกปัญหา อุปสรรค และข้อเสนอแนะ เรียบร้อยแล้ว');
    await screenshot(page, 'plan-results');

    await page.reload();
    await expect(page.getByTestId('prn-position').inputValue()).resolves.toBe('นิติกร');
    const href = (await page.getByTestId('export-plan-results-pdf').getAttribute('href'))!;
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    await context.close();
  });

  it('greys out a project whose standing does not count, with its standing, and offers no report for it', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, LAO, PASSWORD);
    const current = Number((await page.getByTestId('fiscal-year').innerText()).replace(/\D/g, ''));
    // An additional project waits for NACC's approval (ADD_PENDING) and is not reported on until then.
    const res = await postGql(
      e2e.server.url,
      CreateProjectDocument,
      {
        lao: LAO,
        input: {
          origin: 'ADDITIONAL',
          name: 'กิจกรรมเปิดบ้านให้ประชาชนตรวจสอบการจัดซื้อจัดจ้าง',
          fiscalYears: [current],
          category: 'ACTIVITY',
          quarters: [2],
          dimension: 3,
          targetGroups: ['CITIZENS_CIVIL_SOCIETY'],
          objective: 'ให้ประชาชนมีส่วนร่วมตรวจสอบการจัดซื้อจัดจ้าง',
        },
      },
      await browserAuth(context, e2e.server),
    );
    expect(res.errors).toBeUndefined();
    const id = res.data!.createProject.id;

    await openMenu(page, 'progress-reports');
    await expectText(page.getByTestId('reports-year'), `ปีงบประมาณ พ.ศ. ${current}`);
    await expectText(page.getByTestId(`standing-${id}`), 'รอการอนุมัติเพิ่ม');
    expect(await page.locator(`[data-testid^="report-${id}-"]`).count()).toBe(0);
    await screenshot(page, 'progress-reports-not-counted');
    await context.close();
  });

  it('lets the admin close a round: the LAO then reads but cannot save, until the admin reopens it for that LAO', async () => {
    // The officer has a six-month report open while NACC closes the round.
    const lao = await e2e.open();
    await signIn(lao.page, LAO, PASSWORD);
    await chooseYear(lao.page, 2567);
    await openReports(lao.page, 2567);
    const sixMonths = lao.page.locator('[data-round="SIX_MONTHS"][data-reported="true"]').first();
    await sixMonths.click();
    await lao.page.getByTestId('rf-submit').waitFor();

    const admin = await e2e.open();
    await admin.page.setViewportSize({ width: 1366, height: 900 });
    await signIn(admin.page, 'admin', 'Admin@2567');
    await chooseYear(admin.page, 2567);
    await openMenu(admin.page, 'admin-years');
    await expectText(admin.page.getByTestId('settings-year'), 'ปีงบประมาณ พ.ศ. 2567');
    // Closed since 1 April 2567 (BE), 23:59 Bangkok time: in the past.
    await choose(admin.page, 'window-SIX_MONTHS-closes-year', '2567');
    await choose(admin.page, 'window-SIX_MONTHS-closes-month', 'เมษายน');
    await choose(admin.page, 'window-SIX_MONTHS-closes-day', '1');
    await admin.page.getByTestId('window-SIX_MONTHS-save').click();
    await expectText(admin.page.locator('.el-message'), 'บันทึกช่วงเวลารายงานผลรอบ 6 เดือน ปีงบประมาณ พ.ศ. 2567 แล้ว');
    await screenshot(admin.page, 'year-settings');

    // The officer's save is refused with the server's message, and the form turns read-only.
    await lao.page.getByTestId('rf-submit').click();
    await expectText(lao.page.getByTestId('rf-closed'), 'ขณะนี้ไม่อยู่ในช่วงเวลารายงานผลรอบ 6 เดือน ปีงบประมาณ พ.ศ. 2567');
    expect(await lao.page.getByTestId('rf-submit').count()).toBe(0);
    await expect(lao.page.getByTestId('rf-note').isDisabled()).resolves.toBe(true);
    await screenshot(lao.page, 'report-round-closed');
    await lao.page.getByTestId('report-dialog').getByRole('button', { name: 'ปิด', exact: true }).click();
    await expectText(lao.page.getByTestId('round-closed-SIX_MONTHS'), 'รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2567: ไม่อยู่ในช่วงเวลารายงานผล');
    await openMenu(lao.page, 'home');
    await expectText(lao.page.getByTestId('dashboard-window-SIX_MONTHS'), 'ไม่อยู่ในช่วงเวลารายงานผล');
    await expectText(lao.page.getByTestId('dashboard-window-TWELVE_MONTHS'), 'เปิดรับรายงานผล');

    // NACC reopens the round for this LAO only, until the end of next year.
    const nextYear = String(new Date().getFullYear() + 543 + 1);
    await admin.page.getByTestId('reopen-lao').fill(LAO);
    await choose(admin.page, 'reopen-round', 'รอบ 6 เดือน');
    await choose(admin.page, 'reopen-until-year', nextYear);
    await choose(admin.page, 'reopen-until-month', 'ธันวาคม');
    await choose(admin.page, 'reopen-until-day', '31');
    await admin.page.getByTestId('reopen-submit').click();
    await expectText(admin.page.locator('.el-message'), `ให้ อปท. รหัส ${LAO} รายงานผลได้ถึง 31 ธ.ค. ${nextYear} 23:59 น. แล้ว`);
    // The card lists the LAO's reopenings still open, to end one there.
    const reopening = admin.page.getByTestId('reopening-2567-SIX_MONTHS');
    await expectText(admin.page.getByTestId('reopenings'), `รอบที่เปิดให้ อปท. รหัส ${LAO} เป็นกรณีพิเศษและยังเปิดอยู่`);
    await expectText(reopening, 'พ.ศ. 2567');
    await expectText(reopening, 'รอบ 6 เดือน');
    await expectText(reopening, `31 ธ.ค. ${nextYear} 23:59 น.`);
    await screenshot(admin.page, 'year-settings-reopenings');

    await lao.page.reload();
    await expectText(lao.page.getByTestId('dashboard-window-SIX_MONTHS'), `เปิดให้รายงานผลเป็นกรณีพิเศษถึง 31 ธ.ค. ${nextYear}`);
    await openReports(lao.page, 2567);
    expect(await lao.page.getByTestId('round-closed-SIX_MONTHS').count()).toBe(0);
    await lao.page.locator('[data-round="SIX_MONTHS"][data-reported="true"]').first().click();
    await lao.page.getByTestId('rf-submit').click();
    // The memo's first project is done with 10,000 baht planned and nothing disbursed: the form asks to confirm first.
    await expectText(lao.page.getByTestId('rf-warning-DONE_WITHOUT_DISBURSEMENT'), 'แต่ไม่มีการเบิกจ่ายงบประมาณ');
    await lao.page.getByTestId('rf-warnings-confirm').click();
    await expectText(lao.page.locator('.el-message'), 'บันทึกรายงานผลรอบ 6 เดือน เรียบร้อยแล้ว');

    // NACC ends the reopening from the card (after saying what it does): the LAO's round is closed again.
    await admin.page.getByTestId('reopening-end-2567-SIX_MONTHS').click();
    const box = admin.page.locator('.el-message-box');
    await expectText(box, `ปิดการเปิดรอบ 6 เดือน ปีงบประมาณ พ.ศ. 2567 ของ อปท. รหัส ${LAO}`);
    await box.getByRole('button', { name: 'ปิดการเปิดรอบ' }).click();
    await expectText(admin.page.locator('.el-message--success'), `ปิดการเปิดรอบ 6 เดือน ปีงบประมาณ พ.ศ. 2567 ของ อปท. รหัส ${LAO} แล้ว`);
    await expectText(admin.page.getByTestId('reopenings'), 'ไม่มีรอบที่เปิดให้ อปท. นี้เป็นกรณีพิเศษ');
    await screenshot(admin.page, 'year-settings-reopening-ended');
    await admin.context.close();
    await lao.page.reload();
    await openMenu(lao.page, 'home');
    await expectText(lao.page.getByTestId('dashboard-window-SIX_MONTHS'), 'ไม่อยู่ในช่วงเวลารายงานผล');
    await lao.context.close();
  });
});
