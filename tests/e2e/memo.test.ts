import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { pdfText, squash } from '../support/pdf-text';
import { discPng } from '../support/png';
import { choose, describeE2E, e2eSuite, expectText, openMenu, screenshot, signIn } from './harness';

jest.setTimeout(120_000);

/** The memo's LAO (อบต.ขอนหาด), FY 2567, six months. */
const LAO = '6800707';
const PASSWORD = 'Lao@2567';
const PHONE = { width: 390, height: 844 };

/** The dialog (or any element) fits the screen's width. */
async function fitsWidth(page: Page, testId: string): Promise<void> {
  const box = (await page.getByTestId(testId).locator('visible=true').first().boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

describeE2E('the memo (บันทึกข้อความ) and its ครุฑ, in Chromium', () => {
  const e2e = e2eSuite();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-e2e-memo-'));

  it('lets the admin upload the ครุฑ, see it as the memo prints it, be told in Thai what is wrong with a bad file, and clear it', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, 'admin', 'Admin@2567');
    await openMenu(page, 'admin-memo-emblem');
    await expectText(page.getByTestId('emblem-empty'), 'ยังไม่มีภาพ');

    const png = path.join(dir, 'ครุฑ.png');
    fs.writeFileSync(png, discPng(120, 130));
    await page.getByTestId('emblem-file').setInputFiles(png);
    await expectText(page.getByTestId('emblem-info'), 'ภาพ PNG ขนาด 120 × 130 พิกเซล');
    const image = page.getByTestId('emblem-image');
    expect(await image.evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth, img.naturalHeight])).toEqual([true, 120, 130]);
    await screenshot(page, 'memo-emblem');

    const text = path.join(dir, 'ครุฑ.jpg');
    fs.writeFileSync(text, 'นี่ไม่ใช่ภาพ');
    await page.getByTestId('emblem-file').setInputFiles(text);
    await expectText(page.getByTestId('emblem-error'), 'ไม่ใช่ภาพ PNG หรือ JPEG');
    // The image set before is kept.
    await expectText(page.getByTestId('emblem-info'), '120 × 130');

    // On a phone: the page fits the screen, the ครุฑ shown.
    const phone = await e2e.open();
    await phone.page.setViewportSize(PHONE);
    await signIn(phone.page, 'admin', 'Admin@2567');
    await phone.page.goto('/admin/memo-emblem');
    await expectText(phone.page.getByTestId('emblem-info'), '120 × 130');
    await fitsWidth(phone.page, 'emblem-preview');
    await fitsWidth(phone.page, 'emblem-upload');
    await screenshot(phone.page, 'memo-emblem-phone');
    await phone.context.close();

    await page.getByTestId('emblem-clear').click();
    await page.getByRole('button', { name: 'ยืนยัน' }).click();
    await expectText(page.getByTestId('emblem-empty'), 'ยังไม่มีภาพ');
    await context.close();
  });

  it('keeps the ครุฑ page from LAO officers', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, LAO, PASSWORD);
    expect(await page.getByTestId('menu-admin-memo-emblem').count()).toBe(0);
    await context.close();
  });

  it('downloads the memo of the shown report with the date the officer chose, on a phone', async () => {
    const { context, page } = await e2e.open();
    await page.setViewportSize(PHONE);
    await signIn(page, LAO, PASSWORD);
    await page.goto('/results/overview?year=2567&round=SIX_MONTHS');
    await expectText(page.getByTestId('report-title'), 'รายงานผลการนำแผนไปปฏิบัติ ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือน');

    await page.getByTestId('export-memo-pdf').click();
    const dialog = page.getByTestId('memo-dialog');
    await expectText(dialog, 'ลงวันที่');
    await fitsWidth(page, 'memo-dialog');
    // A date before the fiscal year began: the server's reason, in the dialog, and no file.
    await choose(page, 'memo-date-year', '2566');
    await choose(page, 'memo-date-month', 'มกราคม');
    await choose(page, 'memo-date-day', '5');
    await page.getByTestId('memo-download').click();
    await expectText(page.getByTestId('memo-error'), 'วันที่ของบันทึกข้อความต้องไม่ก่อนวันเริ่มปีงบประมาณ พ.ศ. 2567 (1 ตุลาคม 2566)');
    await choose(page, 'memo-date-year', '2567');
    await choose(page, 'memo-date-month', 'พฤษภาคม');
    await choose(page, 'memo-date-day', '7');
    await page.getByTestId('memo-ref').fill('นศ 73601/256');
    await screenshot(page, 'memo-dialog-phone');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('memo-download').click()]);
    expect(download.suggestedFilename()).toBe('บันทึกข้อความ-2567-6เดือน-6800707.pdf');
    const file = path.join(dir, 'memo.pdf');
    await download.saveAs(file);
    const pdf = fs.readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = squash(pdfText(pdf));
    for (const part of ['ที่ นศ ๗๓๖๐๑/๒๕๖', 'วันที่ ๗ พฤษภาคม ๒๕๖๗', '(นายประยงค์ หนูบุญคง)', 'เอกสารแนบท้ายบันทึกข้อความ'])
      expect([part, text.includes(squash(part))]).toEqual([part, true]);
    await dialog.waitFor({ state: 'hidden' });
    await context.close();
  });
});
