import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { choose, describeE2E, e2eSuite, expectText, openMenu, PHONE, screenshot, scrollsSideways, signIn, withinWidth } from './harness';

jest.setTimeout(180_000);

/** อบต.ขอนหาด (นครศรีธรรมราช, province 80) and the two province offices of the demo. */
const LAO = { username: '6800707', password: 'Lao@2567', name: 'องค์การบริหารส่วนตำบลขอนหาด' };
const NAKHON = { username: 'nacc80', password: 'Province@2567' };
const KRABI = { username: 'nacc81', password: 'Province@2567' };
/** อบต.คลองยาง, an LAO of Krabi. */
const KHLONG_YANG = { username: '6810304', password: 'Lao@2567' };
const ADMIN = { username: 'admin', password: 'Admin@2567' };

/** The Element Plus tag's colour type (success = green, warning = amber, danger = red). */
async function tagType(tag: Locator): Promise<string> {
  const classes = (await tag.getAttribute('class')) ?? '';
  return classes.match(/el-tag--(success|warning|danger|info|primary)/)?.[1] ?? '';
}

/** Run in the page: true once no transition or animation is running (endless spinners aside), so what the user sees has settled. */
function settled(): boolean {
  type Running = { playState: string; effect: { getComputedTiming(): { iterations?: number } } | null };
  const { document } = globalThis as unknown as { document: { getAnimations(): Running[] } };
  return document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);
}

/** A screenshot once dialogs and messages have finished moving in (endless spinners aside). */
async function snap(page: Page, name: string): Promise<void> {
  await page.waitForFunction(settled);
  await screenshot(page, name);
}

/** The Element Plus form item around a field, where the message for that field shows. */
const fieldOf = (page: Page, testId: string) => page.locator('.el-form-item', { has: page.getByTestId(testId) });

/** Waits until an input holds `expected`; fails with what it held. */
async function expectValue(input: Locator, expected: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await input.inputValue();
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${String(input)} to hold ${JSON.stringify(expected)}, but it held ${JSON.stringify(last)}`);
}

/** The row of the review queue that shows `text` for the LAO. */
function queueRow(page: Page, text: string): Locator {
  return page.getByTestId('queue-table').locator('tr.el-table__row', { hasText: text }).filter({ hasText: LAO.name });
}

/** The current fiscal year, as the header's year selector shows it ("พ.ศ. 2570" → 2570). */
async function currentYear(page: Page): Promise<number> {
  const text = await expectText(page.getByTestId('fiscal-year'), /พ\.ศ\. 25\d\d/);
  return Number(text.match(/25\d\d/)![0]);
}

describeE2E('plan-change requests, NACC review, province scores and data administration, in Chromium', () => {
  const e2e = e2eSuite();

  it('an LAO asks for a new baseline; the province office rejects it with a reason, the LAO asks again, the office approves', async () => {
    const lao = await e2e.open();
    await signIn(lao.page, LAO.username, LAO.password);
    const year = await currentYear(lao.page);

    // LAO officers ask for changes; reviewing them is NACC's.
    const menu = await lao.page.getByTestId('menu').innerText();
    expect(menu).toContain('ขอเพิ่ม/ลดโครงการ');
    expect(menu).not.toContain('คำขอรอการอนุมัติ');

    await openMenu(lao.page, 'baseline-requests');
    await lao.page.waitForURL(/\/baseline/);
    await expectText(lao.page.getByTestId('baseline-legend'), 'หมายถึง ไม่มีการขอปรับเพิ่ม/ลด');
    await expectText(lao.page.getByTestId(`baseline-standing-${year}`), 'ปกติ');
    // Past years cannot be adjusted.
    await expectText(lao.page.getByTestId(`baseline-closed-${year - 1}`), 'ไม่สามารถเพิ่ม/ลดโครงการได้');
    const before = (await lao.page.getByTestId(`baseline-count-${year}`).innerText()).trim();

    await lao.page.getByTestId(`baseline-request-${year}`).click();
    const dialog = lao.page.getByTestId('baseline-dialog');
    await expectText(dialog, `ขอปรับจำนวนโครงการตั้งต้น ปีงบประมาณ พ.ศ. ${year}`);
    await expectText(dialog, '* กรอกจำนวนโครงการที่ต้องการทำในปีงบประมาณนั้น ๆ ไม่ใช่จำนวนที่จะขอลดหรือขอเพิ่ม');
    expect((await lao.page.getByTestId('bd-baseline').innerText()).trim()).toBe(before);
    // Not a whole number: said under the field, nothing sent.
    await lao.page.getByTestId('bd-count').fill('12.5');
    await lao.page.getByTestId('bd-submit').click();
    await expectText(dialog.locator('.el-form-item'), 'กรุณากรอกเป็นตัวเลขจำนวนเต็ม');
    await lao.page.getByTestId('bd-count').fill('12');
    await snap(lao.page, 'baseline-dialog');
    await lao.page.getByTestId('bd-submit').click();
    await expectText(lao.page.locator('.el-message'), `เป็น 12 โครงการแล้ว (รอการอนุมัติ)`);
    await expectText(lao.page.getByTestId(`baseline-standing-${year}`), 'รอการอนุมัติ');
    await expectText(lao.page.getByTestId(`baseline-standing-${year}`), 'ขอปรับเป็น 12 โครงการ');
    await lao.page.getByTestId(`baseline-cancel-${year}`).waitFor();
    await snap(lao.page, 'baseline-pending');

    // The province office rejects it: a reason is required, and the server says so under the field.
    const office = await e2e.open();
    await signIn(office.page, NAKHON.username, NAKHON.password);
    await openMenu(office.page, 'review-queue');
    await office.page.waitForURL(/\/review$/);
    const first = queueRow(office.page, `ขอปรับจำนวนโครงการตั้งต้นจาก ${before} เป็น 12 โครงการ`);
    await expectText(first, String(year));
    await expectText(first, 'อำเภอชะอวด');
    await snap(office.page, 'review-queue');
    await first.getByTestId('queue-reject').click();
    const reject = office.page.getByTestId('decision-dialog');
    await expectText(reject, LAO.name);
    await office.page.getByTestId('reject-submit').click();
    await expectText(reject.locator('.el-form-item', { has: office.page.getByTestId('reject-reason') }), 'กรุณาระบุเหตุผลที่ไม่อนุมัติ');
    await snap(office.page, 'review-reject-error');
    await office.page.getByTestId('reject-reason').fill('จำนวนโครงการน้อยกว่าที่บรรจุในข้อบัญญัติ กรุณาตรวจสอบอีกครั้ง');
    await office.page.getByTestId('reject-submit').click();
    await expectText(office.page.locator('.el-message'), `ไม่อนุมัติคำขอของ ${LAO.name} แล้ว`);
    await first.waitFor({ state: 'detached' });

    // The LAO reads the reason and sends the request again with another number.
    await lao.page.reload();
    await expectText(lao.page.getByTestId(`baseline-standing-${year}`), 'ไม่อนุมัติ');
    await lao.page.getByTestId(`baseline-details-${year}`).click();
    await expectText(lao.page.getByTestId('bd-reason'), 'จำนวนโครงการน้อยกว่าที่บรรจุในข้อบัญญัติ');
    await expectText(lao.page.getByTestId('bd-rejected'), 'คำขอเดิม 12 โครงการ');
    await lao.page.getByTestId('bd-cancel-request').waitFor();
    await snap(lao.page, 'baseline-rejected-details');
    await expectText(lao.page.getByTestId('bd-submit'), 'บันทึกคำขอแก้ไขโครงการตั้งต้นอีกครั้ง');
    await lao.page.getByTestId('bd-count').fill('15');
    await lao.page.getByTestId('bd-submit').click();
    await expectText(lao.page.locator('.el-message').last(), 'เป็น 15 โครงการแล้ว');
    await expectText(lao.page.getByTestId(`baseline-standing-${year}`), 'ขอปรับเป็น 15 โครงการ');

    // The office approves it with the batch button (checkbox, then อนุมัติที่เลือก).
    await office.page.reload();
    const second = queueRow(office.page, `ขอปรับจำนวนโครงการตั้งต้นจาก ${before} เป็น 15 โครงการ`);
    await second.locator('.el-checkbox').click();
    await expectText(office.page.getByTestId('queue-approve-selected'), 'อนุมัติที่เลือก (1)');
    await office.page.getByTestId('queue-approve-selected').click();
    await office.page.locator('.el-message-box').getByRole('button', { name: 'อนุมัติ', exact: true }).click();
    await expectText(office.page.locator('.el-message'), 'อนุมัติแล้ว 1 รายการ');
    await second.waitFor({ state: 'detached' });

    // The audit log of the province shows the decision.
    await openMenu(office.page, 'province-audit');
    await office.page.waitForURL(/\/review\/audit/);
    // As a Thai sentence, and field by field before → after (the raw record is the ADMIN's).
    await expectText(office.page.getByTestId('audit-table'), 'อนุมัติ คำขอปรับจำนวนโครงการตั้งต้น');
    await office.page
      .getByTestId('audit-table')
      .locator('tr.el-table__row', { hasText: 'อนุมัติ คำขอปรับจำนวนโครงการตั้งต้น' })
      .first()
      .locator('.el-table__expand-icon')
      .click();
    await expectText(office.page.getByTestId('audit-field-status'), 'อนุมัติแล้ว');
    expect(await office.page.getByTestId('audit-raw').count()).toBe(0);
    await snap(office.page, 'audit-province');
    await office.context.close();

    // The LAO's baseline is the approved number and the year stands ปกติ again.
    await lao.page.reload();
    await expectText(lao.page.getByTestId(`baseline-count-${year}`), '15');
    await expectText(lao.page.getByTestId(`baseline-standing-${year}`), 'ปกติ');
    await lao.page.getByTestId(`baseline-request-${year}`).waitFor();
    await snap(lao.page, 'baseline-approved');

    // The review queue is not theirs to open.
    await lao.page.goto('/review');
    await expectText(lao.page.locator('h1'), 'ท่านไม่มีสิทธิ์เข้าถึงหน้านี้');
    await lao.context.close();
  });

  it('the province office marks a project non-compliant with a reason, and compliant again', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, NAKHON.username, NAKHON.password);
    // ข้อมูล อปท. ในจังหวัด: the province's LAOs, each opening the pages of one LAO.
    await openMenu(page, 'province-laos');
    const laoRow = page.getByTestId('province-laos-table').locator('tr.el-table__row', { hasText: LAO.name });
    await expectText(laoRow, 'ชะอวด');
    await snap(page, 'province-laos');
    await page.goto(`/review/compliance?lao=${LAO.username}&year=2567`);
    await expectText(page.getByTestId('compliance-table'), 'สอดคล้อง');
    const row = page.getByTestId('compliance-table').locator('tr.el-table__row').first();
    const name = (await row.getByTestId('compliance-name').innerText()).trim();
    await row.getByTestId('compliance-mark-non').click();
    await page.getByTestId('noncompliant-submit').click();
    await expectText(page.getByTestId('noncompliant-dialog').locator('.el-form-item'), 'กรุณาระบุเหตุผล');
    await page.getByTestId('noncompliant-reason').fill('ไม่สอดคล้องกับมิติที่ 1');
    await page.getByTestId('noncompliant-submit').click();
    await expectText(page.locator('.el-message'), `ระบุโครงการ “${name}” ว่าไม่สอดคล้องแล้ว`);
    await expectText(row, 'ไม่สอดคล้อง');
    await expectText(row, 'เหตุผล: ไม่สอดคล้องกับมิติที่ 1');
    await snap(page, 'compliance');
    await row.getByTestId('compliance-mark-ok').click();
    await page.locator('.el-message-box').getByRole('button', { name: 'ระบุว่าสอดคล้อง', exact: true }).click();
    await expectText(page.locator('.el-message').last(), 'ว่าสอดคล้องแล้ว');
    await row.getByTestId('compliance-mark-non').waitFor();
    await context.close();
  });

  it('the province office enters SAR scores and the LAO reads them', async () => {
    const office = await e2e.open();
    await signIn(office.page, NAKHON.username, NAKHON.password);
    await office.page.goto(`/sar?lao=${LAO.username}&year=2567`);
    await expectText(office.page.getByTestId('sar-title'), 'คะแนน SAR ปีงบประมาณ พ.ศ. 2567');
    await office.page.getByTestId('sar-self-1').fill('85.5');
    await office.page.getByTestId('sar-evaluated-1').fill('101');
    await office.page.getByTestId('sar-budget-1').fill('12,500');
    await office.page.getByTestId('sar-count-1').fill('3');
    await office.page.getByTestId('sar-self-2').fill('150');
    await office.page.getByTestId('sar-save').click();
    // Over 100: the server names the row and the column of each score, and its message shows under that cell only.
    await expectText(fieldOf(office.page, 'sar-evaluated-1').locator('.el-form-item__error'), 'คะแนนต้องอยู่ระหว่าง 0–100');
    await expectText(fieldOf(office.page, 'sar-self-2').locator('.el-form-item__error'), 'คะแนนต้องอยู่ระหว่าง 0–100');
    await expect(office.page.getByTestId('sar-table').locator('.el-form-item__error').count()).resolves.toBe(2);
    expect(await office.page.getByTestId('sar-error').count()).toBe(0);
    await snap(office.page, 'sar-office-errors');
    await office.page.getByTestId('sar-evaluated-1').fill('80');
    await office.page.getByTestId('sar-self-2').fill('');
    await office.page.getByTestId('sar-save').click();
    await expectText(office.page.locator('.el-message'), 'บันทึกคะแนน SAR ปีงบประมาณ พ.ศ. 2567 เรียบร้อยแล้ว');
    // The messages leave with the errors they were about.
    await fieldOf(office.page, 'sar-evaluated-1').locator('.el-form-item__error').waitFor({ state: 'detached' });
    await fieldOf(office.page, 'sar-self-2').locator('.el-form-item__error').waitFor({ state: 'detached' });
    expect(await office.page.getByTestId('sar-table').locator('.el-form-item__error').count()).toBe(0);
    await snap(office.page, 'sar-office');
    await office.context.close();

    const lao = await e2e.open();
    await signIn(lao.page, LAO.username, LAO.password);
    await openMenu(lao.page, 'sar');
    await choose(lao.page, 'sar-year', 'พ.ศ. 2567');
    await expectText(lao.page.getByTestId('sar-self-1'), '85.50');
    await expectText(lao.page.getByTestId('sar-evaluated-1'), '80.00');
    await expectText(lao.page.getByTestId('sar-budget-1'), '12,500.00');
    await expectText(lao.page.getByTestId('sar-count-1'), '3');
    expect(await lao.page.getByTestId('sar-save').count()).toBe(0);
    await snap(lao.page, 'sar-lao');
    await lao.context.close();
  });

  it('shows Krabi’s table of FY 2563, six months, as the manual does, and serves its PDF to the office', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, KRABI.username, KRABI.password);
    await openMenu(page, 'province-scores');
    await page.waitForURL(/\/results\/province/);
    await choose(page, 'scores-year', 'พ.ศ. 2563');
    await choose(page, 'scores-round', 'รอบ 6 เดือน');
    await page.getByTestId('scores-show').click();
    await expectText(page.getByTestId('scores-title'), 'ประจำปีงบประมาณ พ.ศ. 2563 รอบ 6 เดือน');
    await expectText(page.getByTestId('scores-place'), 'จังหวัดกระบี่');

    const table = page.getByTestId('province-table');
    await expect(table.locator('tbody tr[data-level]').count()).resolves.toBe(19);
    const khlongYang = page.getByTestId('province-row-6810304');
    await expectText(khlongYang.getByTestId('province-row-name'), 'องค์การบริหารส่วนตำบลคลองยาง');
    await expectText(khlongYang.getByTestId('province-row-score'), '70.51');
    await expectText(khlongYang.getByTestId('province-row-level'), 'มาก');
    expect(await tagType(khlongYang.getByTestId('province-row-level').locator('.el-tag'))).toBe('success');

    const khaoPhanom = page.getByTestId('province-row-5810201');
    await expectText(khaoPhanom.getByTestId('province-row-name'), 'เทศบาลตำบลเขาพนม');
    expect((await khaoPhanom.getByTestId('province-row-score').innerText()).trim()).toBe('100.00*');
    await expect(khaoPhanom.getByTestId('province-row-score').getAttribute('data-raw-score')).resolves.toBe('121.43');
    await khaoPhanom.locator('.capped').hover();
    await expectText(page.locator('.el-popper:visible'), 'คำนวณได้ร้อยละ 121.43');
    await expectText(khaoPhanom.getByTestId('province-row-level'), 'มาก');

    const thepha = page.getByTestId('province-row-6810453');
    await expectText(thepha.getByTestId('province-row-name'), 'องค์การบริหารส่วนตำบลเทพา');
    await expectText(thepha.getByTestId('province-row-score'), '34.67');
    await expectText(thepha.getByTestId('province-row-level'), 'กลาง');
    expect(await tagType(thepha.getByTestId('province-row-level').locator('.el-tag'))).toBe('warning');
    // ที่มาของคะแนน opens in a row of its own under the LAO, with what would lift it a level.
    await expect(page.getByTestId('province-row-explanation-6810453').count()).resolves.toBe(0);
    await page.getByTestId('province-row-why-6810453').click();
    await expectText(
      page.getByTestId('province-row-explanation-6810453'),
      'ดำเนินการแล้วเสร็จ 26 × 1 + อยู่ระหว่างดำเนินการ 0 × 0.5 = 26 ÷ โครงการตั้งต้น 75 = 34.67 ระดับกลาง',
    );
    await expectText(page.getByTestId('province-row-explanation-6810453'), 'อีก 12 โครงการที่ดำเนินการแล้วเสร็จ จะได้ระดับมาก');
    await expect(page.getByTestId('province-row-why-6810453').getAttribute('aria-expanded')).resolves.toBe('true');
    const low = page.getByTestId('province-row-5810404');
    expect((await low.getByTestId('province-row-score').innerText()).trim()).toBe('10.77');
    expect(await tagType(low.getByTestId('province-row-level').locator('.el-tag'))).toBe('danger');

    await expectText(page.getByTestId('level-count-HIGH'), '11');
    await expectText(page.getByTestId('level-count-MEDIUM'), '1');
    await expectText(page.getByTestId('level-count-LOW'), '7');
    const chart = await page.getByTestId('level-chart').getAttribute('aria-label');
    expect(chart).toContain('มาก 11');
    expect(chart).toContain('กลาง 1');
    expect(chart).toContain('น้อย 7');
    await snap(page, 'province-scores');
    await page.getByTestId('scores-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(os.tmpdir(), 'eplan-e2e-province-scores-view.png') });

    // The PDF opens with the page's own session.
    const href = (await page.getByTestId('province-export-pdf').getAttribute('href'))!;
    expect(href).toBe('/export/province.pdf?province=81&year=2563&round=SIX_MONTHS');
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await page.getByTestId('province-export-xlsx').getAttribute('href')).toBe(
      '/export/province.xlsx?province=81&year=2563&round=SIX_MONTHS',
    );

    // One district: เกาะลันตา's six LAOs, and the export follows.
    await choose(page, 'scores-district', 'เกาะลันตา');
    await page.getByTestId('scores-show').click();
    await expectText(page.getByTestId('scores-place'), 'อำเภอเกาะลันตา จังหวัดกระบี่');
    await expect(table.locator('tbody tr[data-level]').count()).resolves.toBe(6);
    expect(await page.getByTestId('province-export-pdf').getAttribute('href')).toContain('&district=8103');
    await context.close();
  });

  it('shows an LAO officer its own province’s table, with its PDF', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, KHLONG_YANG.username, KHLONG_YANG.password);
    await openMenu(page, 'province-scores');
    await choose(page, 'scores-year', 'พ.ศ. 2563');
    await choose(page, 'scores-round', 'รอบ 6 เดือน');
    await page.getByTestId('scores-show').click();
    await expectText(page.getByTestId('scores-place'), 'จังหวัดกระบี่');
    await expect(page.getByTestId('province-table').locator('tbody tr[data-level]').count()).resolves.toBe(19);
    await expectText(page.getByTestId('province-row-5810201').getByTestId('province-row-name'), 'เทศบาลตำบลเขาพนม');
    // Its province only, whatever the address asks for.
    await page.goto('/results/province?year=2563&round=SIX_MONTHS&province=80');
    await expectText(page.getByTestId('scores-place'), 'จังหวัดกระบี่');
    const pdf = await page.request.get((await page.getByTestId('province-export-pdf').getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect((await page.request.get('/export/province.pdf?province=80&year=2563&round=SIX_MONTHS')).status()).toBe(403);
    await context.close();
  });

  it('gives the admin the whole country, province by province, and exports it', async () => {
    const { context, page } = await e2e.open();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, ADMIN.username, ADMIN.password);
    await openMenu(page, 'province-scores');
    await choose(page, 'scores-year', 'พ.ศ. 2563');
    await page.getByTestId('scores-show').click();
    const krabi = page.getByTestId('national-row-81');
    await expectText(krabi, 'จังหวัดกระบี่');
    const cells = (await krabi.locator('td').allInnerTexts()).map((c) => c.trim());
    expect(cells.slice(2, 6)).toEqual(['19', '11', '1', '7']);
    // ส่งออก PDF / Excel of the country's table, opened with the page's own session.
    const pdfButton = page.getByTestId('national-export-pdf');
    await expectText(pdfButton, 'ส่งออก PDF');
    await expectText(page.getByTestId('national-export-xlsx'), 'ส่งออก Excel');
    expect(await pdfButton.getAttribute('href')).toBe('/export/national-scores.pdf?year=2563&round=SIX_MONTHS');
    const pdf = await page.request.get((await pdfButton.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await page.request.get((await page.getByTestId('national-export-xlsx').getAttribute('href'))!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await snap(page, 'national-scores');
    await page.getByTestId('national-open-81').click();
    await expectText(page.getByTestId('scores-place'), 'จังหวัดกระบี่');
    await expect(page.getByTestId('province-table').locator('tbody tr[data-level]').count()).resolves.toBe(19);
    await page.getByTestId('scores-country').click();
    await page.getByTestId('national-table').waitFor();
    await context.close();
  });

  it('imports plan-year counts from a CSV file, row by row, and reports the refused row', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-import-'));
    const file = path.join(dir, 'plan-years.csv');
    fs.writeFileSync(
      file,
      ['รหัส อปท.,ปีงบประมาณ,จำนวนโครงการตั้งต้น,จำนวนโครงการขั้นต่ำ', '6810304,2570,40,20', '5810201,2570,,15', '9999999,2570,10,5', ''].join(
        '\r\n',
      ),
    );
    const { context, page } = await e2e.open();
    await signIn(page, ADMIN.username, ADMIN.password);
    const menu = await page.getByTestId('menu').innerText();
    for (const label of ['นำเข้าข้อมูล (CSV/Excel)', 'โครงการตั้งต้นและขั้นต่ำ', 'บันทึกการเปลี่ยนแปลงข้อมูล']) expect(menu).toContain(label);
    await openMenu(page, 'admin-imports');
    await page.waitForURL(/\/admin\/imports/);
    await page.getByTestId('import-kind-plan-years').click();
    await expectText(page.getByTestId('import-columns-plan-years'), 'baselineCount | จำนวนโครงการตั้งต้น');
    await page.getByTestId('import-file').setInputFiles(file);
    await expectText(page.getByTestId('import-file-name'), 'plan-years.csv');
    await snap(page, 'import-chosen');
    await page.getByTestId('import-start').click();
    await expectText(page.getByTestId('import-summary'), 'ทั้งหมด 3 แถว บันทึกแล้ว 2 แถว (เพิ่มใหม่ 2 ปรับปรุง 0) ไม่ถูกบันทึก 1 แถว');
    // What was saved and what was not, not "3 of 3 saved".
    await expectText(page.getByTestId('import-progress'), 'ตรวจแล้ว 3 จาก 3 แถว: บันทึกแล้ว 2 แถว ไม่ถูกบันทึก 1 แถว');
    const refused = page.getByTestId('import-results').locator('tr.el-table__row', { has: page.getByTestId('import-row-4') });
    await expectText(refused, 'ไม่ถูกบันทึก');
    await expectText(refused.getByTestId('import-row-messages'), 'ไม่พบ อปท. รหัสนี้');
    await expectText(page.getByTestId('import-results').locator('tr.el-table__row', { has: page.getByTestId('import-row-2') }), 'เพิ่มใหม่');
    await snap(page, 'import-report');

    // The refused rows come back as a CSV file, with the reason, to fix and import again.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download-refused').click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('9999999,2570,10,5,ไม่พบ อปท. รหัสนี้');
    expect(csv).not.toContain('6810304');

    // The counts are in force.
    await page.goto('/admin/plan-years?lao=6810304&year=2570');
    await expectText(page.getByTestId('plan-year-baseline'), '40');
    await expectText(page.getByTestId('plan-year-minimum'), '20');
    // The form starts from the counts in force; an emptied field clears its count, and the page says so.
    await expectValue(page.getByTestId('plan-year-new-baseline'), '40');
    await expectValue(page.getByTestId('plan-year-new-minimum'), '20');
    await expectText(page.getByTestId('plan-year-hint'), 'ช่องที่เว้นว่างจะล้างค่าที่กำหนดไว้');
    await page.getByTestId('plan-year-new-minimum').fill('25');
    await page.getByTestId('plan-year-save').click();
    await expectText(page.locator('.el-message'), 'บันทึกจำนวนโครงการของปี พ.ศ. 2570 เรียบร้อยแล้ว');
    await expectText(page.getByTestId('plan-year-minimum'), '25');
    await expectText(page.getByTestId('plan-year-baseline'), '40');
    await expectValue(page.getByTestId('plan-year-new-baseline'), '40');
    await expectValue(page.getByTestId('plan-year-new-minimum'), '25');
    await snap(page, 'plan-years');
    // Emptying the minimum clears it (the score counts from the baseline again); the baseline stays.
    await page.getByTestId('plan-year-new-minimum').fill('');
    await page.getByTestId('plan-year-save').click();
    await expectText(page.getByTestId('plan-year-minimum'), 'ยังไม่กำหนด');
    await expectText(page.getByTestId('plan-year-baseline'), '40');
    await expectValue(page.getByTestId('plan-year-new-minimum'), '');
    await expectValue(page.getByTestId('plan-year-new-baseline'), '40');
    await snap(page, 'plan-years-cleared');

    // …and the audit log has the import: each saved row with its values before and after, and the summary.
    await openMenu(page, 'admin-audit');
    await choose(page, 'audit-action', 'นำเข้าจำนวนโครงการ');
    await page.getByTestId('audit-search').click();
    await expectText(page.getByTestId('audit-total'), 'ทั้งหมด 3 รายการ');
    await expectText(page.getByTestId('audit-table'), 'admin');
    await snap(page, 'audit-admin');
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives a phone the review queue as cards with every button on screen, and the office decides from them', async () => {
    // The demo's live year: Krabi's office has อบต.วังป่วน's additional project and baseline request waiting.
    const { context, page } = await e2e.open(PHONE);
    await signIn(page, KRABI.username, KRABI.password);
    await page.goto('/review');
    const cards = page.getByTestId('queue-card');
    await cards.first().waitFor();
    const count = await cards.count();
    expect(count).toBeGreaterThanOrEqual(2);
    expect(await scrollsSideways(page)).toBe(false);
    for (let i = 0; i < count; i++) {
      for (const id of ['queue-approve', 'queue-reject', 'queue-item-title']) {
        const box = (await cards.nth(i).getByTestId(id).boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      }
    }
    expect(await withinWidth(page, '[data-testid="queue-approve-selected"]')).toBe(true);
    await snap(page, 'phone-review-queue');

    // Approve the additional project: the dialog and its button on screen.
    const addition = cards.filter({ hasText: 'โครงการเสริมสร้างความโปร่งใสในการจัดซื้อจัดจ้าง' });
    await addition.getByTestId('queue-approve').click();
    await page.getByTestId('approve-submit').waitFor();
    await page.waitForFunction(settled);
    expect(await withinWidth(page, '[data-testid="decision-dialog"]')).toBe(true);
    expect(await withinWidth(page, '[data-testid="approve-submit"]')).toBe(true);
    await snap(page, 'phone-review-approve');
    await page.getByTestId('approve-submit').click();
    await expectText(page.locator('.el-message'), 'อนุมัติคำขอของ องค์การบริหารส่วนตำบลวังป่วน แล้ว');
    await addition.waitFor({ state: 'detached' });

    // The baseline request by its checkbox and the batch button.
    const baseline = cards.filter({ hasText: 'ขอปรับจำนวนโครงการตั้งต้นจาก 20 เป็น 22 โครงการ' });
    await baseline.getByTestId('queue-card-select').click();
    await expectText(page.getByTestId('queue-approve-selected'), 'อนุมัติที่เลือก (1)');
    await page.getByTestId('queue-approve-selected').click();
    await page.locator('.el-message-box').getByRole('button', { name: 'อนุมัติ', exact: true }).click();
    await expectText(page.locator('.el-message').last(), 'อนุมัติแล้ว 1 รายการ');
    await baseline.waitFor({ state: 'detached' });
    await expectText(page.getByTestId('queue-approve-selected'), 'อนุมัติที่เลือก (0)');
    await context.close();
  });
});
