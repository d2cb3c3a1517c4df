import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describeE2E, e2eSuite, expectText, LAPTOP, PHONE, screenshot, scrollsSideways, seriousA11yViolations, signIn } from './harness';
import { exe, pdfOf } from '../support/attachments';

jest.setTimeout(120_000);

/** The memo's LAO: every project of 2567 reported at six months; the demo keeps 2567's rounds open. */
const LAO = '6800707';
const PASSWORD = 'Lao@2567';
const FILE_NAME = 'หลักฐานการจัดอบรม 6 เดือน.pdf';

async function openReportedProject(page: Page): Promise<void> {
  await page.goto('/reports?year=2567');
  const reported = page.locator('[data-round="SIX_MONTHS"][data-reported="true"]').first();
  await reported.click();
  await page.getByTestId('report-dialog').waitFor();
  await page.getByTestId('attachments').waitFor();
}

describeE2E('evidence files on the report form, in Chromium', () => {
  const e2e = e2eSuite();
  const pdf = pdfOf(40_000);

  it('an LAO officer attaches a PDF to a saved report, sees it listed, publishes it and downloads it whole', async () => {
    const { context, page } = await e2e.open(LAPTOP);
    await signIn(page, LAO, PASSWORD);
    await openReportedProject(page);
    const panel = page.getByTestId('attachments');
    await expectText(panel, 'ไฟล์หลักฐานประกอบรายงานผล');
    await expectText(panel, 'ยังไม่มีไฟล์หลักฐาน');

    // A program renamed report.pdf is refused by its content, in Thai, naming the file.
    await page.getByTestId('attachment-file').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: exe() });
    await expectText(page.getByTestId('attachments-error'), 'ไฟล์ “report.pdf” ไม่ใช่ PDF, JPEG หรือ PNG');

    await page.getByTestId('attachment-file').setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: pdf });
    const item = panel.locator('[data-testid^="attachment-"]', { has: page.getByTestId('attachment-download') }).first();
    await expectText(item, FILE_NAME);
    await expectText(item, 'PDF · 39 KB · แนบเมื่อ');
    expect(await page.getByTestId('attachments-error').count()).toBe(0);
    await expectText(page.getByTestId('attachments-usage'), 'ใช้พื้นที่ไปแล้ว 39 KB จาก 200 MB');

    await item.getByTestId('attachment-public').click();
    await expectText(page.locator('.el-message'), `ไฟล์ “${FILE_NAME}” จะเผยแพร่เมื่อปิดรอบการรายงาน`);
    await screenshot(page, 'report-form-attachments');
    // The switch, the links and the buttons have names a screen reader says; the contrast holds.
    expect(await seriousA11yViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), item.getByTestId('attachment-download').click()]);
    expect(download.suggestedFilename()).toBe(FILE_NAME);
    expect(fs.readFileSync(await download.path()).equals(pdf)).toBe(true);
    await context.close();
  });

  it('on a phone: the form with its files fits the screen’s width', async () => {
    const { context, page } = await e2e.open(PHONE);
    await signIn(page, LAO, PASSWORD);
    await openReportedProject(page);
    await expectText(page.getByTestId('attachments'), FILE_NAME);
    await page.getByTestId('attachments').scrollIntoViewIfNeeded();
    expect(await scrollsSideways(page)).toBe(false);
    const box = await page.getByTestId('attachments').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width + 0.5);
    await screenshot(page, 'report-form-attachments-phone');
    await context.close();
  });

  it('the province office reads the round’s files beside the results, and may only download them', async () => {
    const { context, page } = await e2e.open(LAPTOP);
    await signIn(page, 'nacc80', 'Province@2567');
    await page.goto(`/results/plan?lao=${LAO}&year=2567&round=SIX_MONTHS`);
    const panel = page.getByTestId('attachments');
    await expectText(panel, FILE_NAME);
    await expectText(panel, 'ท่านดูและดาวน์โหลดไฟล์ได้อย่างเดียว');
    await expectText(panel.getByTestId('attachment-project'), 'โครงการที่');
    expect(await panel.getByTestId('attachment-delete').count()).toBe(0);
    expect(await panel.getByTestId('attachment-upload').count()).toBe(0);
    await expectText(panel.getByTestId('attachment-public-tag'), 'เผยแพร่');
    await screenshot(page, 'plan-results-attachments');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('attachment-download').first().click()]);
    expect(fs.readFileSync(await download.path()).equals(pdf)).toBe(true);
    await context.close();
  });

  it('the LAO officer deletes the file after confirming', async () => {
    const { context, page } = await e2e.open(LAPTOP);
    await signIn(page, LAO, PASSWORD);
    await openReportedProject(page);
    const panel = page.getByTestId('attachments');
    await expectText(panel, FILE_NAME);
    await panel.getByTestId('attachment-delete').first().click();
    await page.locator('.el-message-box').getByRole('button', { name: 'ลบ' }).click();
    await expectText(panel, 'ยังไม่มีไฟล์หลักฐาน');
    await context.close();
  });
});
