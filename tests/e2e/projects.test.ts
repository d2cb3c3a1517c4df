import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { fiscalYearOf } from '../../server/src/core/fiscal-year';
import { choose, describeE2E, e2eSuite, expectText, openMenu, screenshot, signIn } from './harness';

jest.setTimeout(120_000);

/** The demo LAO (อบต.ขอนหาด): 49 projects of FY 2567, all with six-month reports. */
const LAO = { username: '6800707', password: 'Lao@2567', name: 'องค์การบริหารส่วนตำบลขอนหาด' };
/** The project list, whatever its query. */
const LIST_URL = /\/projects(\?|$)/;
const NAME = 'โครงการอบรมคุณธรรมจริยธรรมและความโปร่งใสให้แก่บุคลากรท้องถิ่น';
const RENAMED = 'โครงการอบรมคุณธรรมจริยธรรมและการป้องกันผลประโยชน์ทับซ้อน';
const RENAMED_ELSEWHERE = 'โครงการส่งเสริมการมีส่วนร่วมของประชาชนในการตรวจสอบ';

/** The Element Plus form item around a field, where the server's message for that field shows. */
const fieldOf = (page: Page, testId: string) => page.locator('.el-form-item', { has: page.getByTestId(testId) });
/** Run in the page: true once no transition or animation is running (endless spinners aside), so what the user sees has settled. */
function settled(): boolean {
  type Running = { playState: string; effect: { getComputedTiming(): { iterations?: number } } | null };
  const { document } = globalThis as unknown as { document: { getAnimations(): Running[] } };
  return document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);
}
/** What the user sees without scrolling, at 1366×768 (the harness's screenshots are of the whole page). */
async function screen(page: Page, name: string): Promise<void> {
  await page.waitForFunction(settled);
  await page.screenshot({ path: path.join(os.tmpdir(), `eplan-e2e-${name}-screen.png`) });
}

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
const rowOf = (page: Page, name: string) => page.getByTestId('projects-table').locator('tr.project-row', { hasText: name });

describeE2E('LAO basic data and the action plan, in Chromium', () => {
  const e2e = e2eSuite();
  // The real clock: new projects go in today's fiscal year.
  const current = fiscalYearOf(new Date());

  it('lists the 49 projects of FY 2567 with their standing, the legend, and no delete for reported ones', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, LAO.username, LAO.password);
    await openMenu(page, 'project-list');
    await page.waitForURL(LIST_URL);
    await choose(page, 'projects-year', 'พ.ศ. 2567');
    await expectText(page.getByTestId('projects-heading'), 'โครงการในปี 2567 จำนวน 49 โครงการ');
    expect(await page.getByTestId('projects-table').locator('tr.project-row').count()).toBe(49);
    const first = rowOf(page, 'โครงการส่งเสริมการดำเนินชีวิตตามหลักปรัชญาของเศรษฐกิจพอเพียง');
    const text = await expectText(first, 'สอดคล้อง');
    expect(text).toContain('2567');
    // Reported projects cannot be deleted, and the page says why.
    const disabled = first.getByTestId('project-delete-disabled');
    expect(await disabled.getAttribute('title')).toContain('มีการรายงานผลแล้ว');
    expect(await disabled.locator('button').isDisabled()).toBe(true);
    const legend = await page.getByTestId('plan-status-legend').innerText();
    for (const label of ['คำอธิบายสถานะ', 'ไม่สอดคล้อง', 'รอการอนุมัติเพิ่ม', 'ไม่อนุมัติการขอเพิ่ม', 'รอการอนุมัติลด', 'ลดโครงการสำเร็จ', 'ไม่อนุมัติการขอลด']) {
      expect(legend).toContain(label);
    }
    await choose(page, 'projects-year', 'ทุกปีงบประมาณ');
    await expectText(page.getByTestId('projects-heading'), 'โครงการทุกปีงบประมาณ จำนวน 49 โครงการ');
    expect(new URL(page.url()).searchParams.get('years')).toBe('all');
    await choose(page, 'projects-year', 'พ.ศ. 2567');
    await expectText(page.getByTestId('projects-heading'), 'โครงการในปี 2567 จำนวน 49 โครงการ');
    await screenshot(page, 'project-list-2567');
    await screen(page, 'project-list-2567');
    await context.close();
  });

  it('creates a project in this fiscal year, edits it, refuses a stale edit, asks to drop it and deletes it', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, LAO.username, LAO.password);
    await openMenu(page, 'project-create');
    await page.waitForURL(/\/projects\/new/);
    // This year starts ticked; last year is shown but closed.
    await expect(page.getByTestId(`pf-year-${current}`).locator('input').isChecked()).resolves.toBe(true);
    await expect(
      page
        .getByTestId(`pf-year-${current - 1}`)
        .locator('input')
        .isDisabled(),
    ).resolves.toBe(true);
    await expectText(page.getByTestId('pf-dimension'), 'มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต');
    await screenshot(page, 'project-create');
    await screen(page, 'project-create');

    // What the server refuses comes back under each field.
    await page.getByTestId('pf-category-ACTIVITY').click();
    await page.getByTestId('pf-dimension-1').click();
    await page.getByTestId('pf-save').click();
    await expectText(fieldOf(page, 'pf-name'), 'กรุณากรอกชื่อโครงการ');
    await expectText(fieldOf(page, 'pf-quarters'), 'กรณีไม่ทราบให้เลือกไตรมาส 1');
    await expectText(fieldOf(page, 'pf-target-groups'), 'กรุณาเลือกกลุ่มเป้าหมายอย่างน้อย 1 กลุ่ม');
    await expectText(fieldOf(page, 'pf-objective'), 'กรุณากรอกวัตถุประสงค์');
    await screenshot(page, 'project-create-errors');
    await screen(page, 'project-create-errors');

    await page.getByTestId('pf-name').fill(NAME);
    await page.getByTestId('pf-quarter-1').click();
    await page.getByTestId('pf-quarter-2').click();
    await page.getByTestId('pf-extra-dimension-2').click();
    await page.getByTestId('pf-with-budget').click();
    await page.getByTestId('pf-budget').fill('15,000.50');
    await page.getByTestId('pf-target-LOCAL_STAFF').click();
    await page.getByTestId('pf-target-CITIZENS_CIVIL_SOCIETY').click();
    await page.getByTestId('pf-objective').fill('เพื่อให้บุคลากรมีความรู้ความเข้าใจเรื่องคุณธรรมและความโปร่งใส');
    await page.getByTestId('pf-note').fill('ร่วมกับสำนักงาน ป.ป.ช. ประจำจังหวัด');
    await page.getByTestId('pf-save').click();

    // Saved: the list of this year shows it, สอดคล้อง (a planned project).
    await page.waitForURL(LIST_URL);
    await expectText(page.locator('.el-message'), `สร้างโครงการ “${NAME}” เรียบร้อยแล้ว`);
    await expectText(page.getByTestId('projects-heading'), `โครงการในปี ${current} จำนวน 1 โครงการ`);
    await expectText(rowOf(page, NAME), 'สอดคล้อง');
    await screenshot(page, 'project-list-created');
    await screen(page, 'project-list-created');

    // Edit: change the name, see it in the list.
    await rowOf(page, NAME).getByTestId('project-edit').click();
    await page.waitForURL(/\/projects\/\d+\/edit/);
    const editUrl = page.url();
    await expect(page.getByTestId('pf-name').inputValue()).resolves.toBe(NAME);
    await expect(page.getByTestId('pf-budget').inputValue()).resolves.toBe('15,000.50');
    await expect(page.getByTestId('pf-origin-ADDITIONAL').locator('input').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'project-edit');
    await screen(page, 'project-edit');
    await page.getByTestId('pf-name').fill(RENAMED);
    await page.getByTestId('pf-save').click();
    await page.waitForURL(LIST_URL);
    await expectText(rowOf(page, RENAMED), 'สอดคล้อง');
    expect(await rowOf(page, NAME).count()).toBe(0);

    // A stale edit: two pages open the project; the second to save gets the conflict and can reload.
    await page.goto(editUrl);
    await expect(page.getByTestId('pf-name').inputValue()).resolves.toBe(RENAMED);
    const other = await e2e.open();
    await signIn(other.page, LAO.username, LAO.password);
    await other.page.goto(editUrl);
    await expect(other.page.getByTestId('pf-name').inputValue()).resolves.toBe(RENAMED);
    await other.page.getByTestId('pf-name').fill(RENAMED_ELSEWHERE);
    await other.page.getByTestId('pf-save').click();
    await other.page.waitForURL(LIST_URL);
    await other.context.close();

    await page.getByTestId('pf-note').fill('แก้ไขจากหน้าที่เปิดไว้ก่อน');
    await page.getByTestId('pf-save').click();
    await expectText(page.getByTestId('pf-error'), 'ถูกแก้ไขโดยผู้อื่น');
    expect(page.url()).toBe(editUrl);
    await screenshot(page, 'project-edit-conflict');
    await screen(page, 'project-edit-conflict');
    await page.getByTestId('pf-reload').click();
    await expectValue(page.getByTestId('pf-name'), RENAMED_ELSEWHERE);
    await expect(page.getByTestId('pf-note').inputValue()).resolves.toBe('ร่วมกับสำนักงาน ป.ป.ช. ประจำจังหวัด');
    expect(await page.getByTestId('pf-error').count()).toBe(0);

    // โครงการที่ขอปรับลดจากแผนฯ for this year: it waits as รอการอนุมัติลด.
    await page.getByTestId('pe-mode-reduce').click();
    await expectText(page.getByTestId('reduction-year'), String(current));
    await page.getByTestId('reduction-note').fill('ไม่ได้รับการจัดสรรงบประมาณ');
    await screenshot(page, 'project-reduce');
    await screen(page, 'project-reduce');
    await page.getByTestId('reduction-submit').click();
    await expectText(page.locator('.el-message'), `ส่งคำขอปรับลดโครงการในปี พ.ศ. ${current} แล้ว`);
    await page.getByTestId('pf-cancel').click();
    await page.waitForURL(LIST_URL);
    await expectText(rowOf(page, RENAMED_ELSEWHERE), 'รอการอนุมัติลด');

    // Delete (it has no reports): after a confirmation it is gone.
    await rowOf(page, RENAMED_ELSEWHERE).getByTestId('project-delete').click();
    const box = page.locator('.el-message-box');
    await expectText(box, `ลบโครงการ “${RENAMED_ELSEWHERE}”`);
    await screenshot(page, 'project-delete-confirm');
    await box.getByRole('button', { name: 'ลบ', exact: true }).click();
    await expectText(page.getByTestId('projects-heading'), `โครงการในปี ${current} จำนวน 0 โครงการ`);
    await context.close();
  });

  it('saves the basic data and the awards of a year, with the server’s messages under their fields', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, LAO.username, LAO.password);
    await openMenu(page, 'lao-profile');
    await page.waitForURL(/\/lao\/profile/);
    await expectText(page.getByTestId('profile-lao-name'), LAO.name);

    await page.getByTestId('profile-size-LARGE').click();
    await page.getByTestId('profile-address').fill('99 หมู่ 3 ตำบลขอนหาด อำเภอชะอวด จังหวัดนครศรีธรรมราช');
    await page.getByTestId('profile-area').fill('45.125');
    await page.getByTestId('profile-population').fill('10457');
    await page.getByTestId('profile-revenue').fill('60,845,400');
    await page.getByTestId('profile-subsidy-revenue').fill('22972760.50');
    await page.getByTestId('profile-executive').fill('นายสมศักดิ์ ทองดี');
    await page.getByTestId('profile-coordinator-name').fill('นางสาวอนุศาสน์ อภัยรัตน์');
    await page.getByTestId('profile-coordinator-position').fill('นักจัดการงานทั่วไปชำนาญการ');
    await page.getByTestId('profile-phone').fill('075 123 456 ต่อ 12');
    await page.getByTestId('profile-website').fill('www.khonhat.go.th');
    await page.getByTestId('profile-email').fill('not-an-email');
    await page.getByTestId('profile-save').click();
    await expectText(fieldOf(page, 'profile-email'), 'รูปแบบอีเมลไม่ถูกต้อง');
    await screenshot(page, 'lao-profile-error');
    await screen(page, 'lao-profile-error');

    await page.getByTestId('profile-email').fill('khonhat@example.go.th');
    await page.getByTestId('profile-save').click();
    await expectText(page.locator('.el-message'), 'บันทึกข้อมูลพื้นฐานเรียบร้อยแล้ว');

    // Awards of the year: OTHER needs its name (the server says so under the box).
    await page.getByTestId('award-KPI').click();
    await page.getByTestId('award-OTHER').click();
    await page.getByTestId('awards-save').click();
    await expectText(fieldOf(page, 'award-other-text'), 'กรุณาระบุชื่อรางวัลอื่น ๆ');
    await page.getByTestId('award-other-text').fill('รางวัลองค์กรโปร่งใส');
    await page.getByTestId('awards-save').click();
    await expectText(page.locator('.el-message').last(), 'บันทึกรางวัลของปีงบประมาณ');

    await page.reload();
    await expectText(page.getByTestId('profile-lao-name'), LAO.name);
    await expect(page.getByTestId('profile-population').inputValue()).resolves.toBe('10457');
    await expect(page.getByTestId('profile-revenue').inputValue()).resolves.toBe('60,845,400.00');
    await expect(page.getByTestId('profile-subsidy-revenue').inputValue()).resolves.toBe('22,972,760.50');
    await expect(page.getByTestId('profile-area').inputValue()).resolves.toBe('45.125');
    await expect(page.getByTestId('profile-email').inputValue()).resolves.toBe('khonhat@example.go.th');
    await expect(page.getByTestId('profile-size-LARGE').locator('input').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('award-KPI').locator('input').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('award-other-text').inputValue()).resolves.toBe('รางวัลองค์กรโปร่งใส');
    await expect(page.getByTestId('award-OPDC').locator('input').isChecked()).resolves.toBe(false);
    await screenshot(page, 'lao-profile');
    await screen(page, 'lao-profile');
    await context.close();
  });

  it('shows the action plan and exports it as PDF and Excel once the issuer is named', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, LAO.username, LAO.password);
    await openMenu(page, 'plan-print');
    await page.waitForURL(/\/projects\/print/);
    await choose(page, 'print-year', 'พ.ศ. 2567');
    await expectText(page.getByTestId('print-title'), `แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2567 ของ ${LAO.name}`);
    const table = page.getByTestId('action-plan-table');
    await expectText(table, 'รวม 49 โครงการ');
    await expectText(table, '370,000.00');
    expect(await table.locator('.el-table__body tr').count()).toBe(49);

    // The issuer's name is required before an export.
    await page.getByTestId('export-pdf').click();
    await expectText(fieldOf(page, 'print-issuer'), 'กรุณากรอกชื่อ-สกุล ผู้ออกรายงาน');
    expect(context.pages()).toHaveLength(1);
    await screenshot(page, 'plan-print-issuer');
    await screen(page, 'plan-print-issuer');

    await page.getByTestId('print-issuer').fill('นางสาวอนุศาสน์ อภัยรัตน์');
    await expect(page.getByTestId('export-pdf').getAttribute('target')).resolves.toBe('_blank');
    const pdfHref = (await page.getByTestId('export-pdf').getAttribute('href'))!;
    expect(pdfHref).toMatch(/^\/export\/action-plan\.pdf\?lao=6800707&year=2567&issuer=/);
    const pdf = await page.request.get(pdfHref);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    const xlsx = await page.request.get((await page.getByTestId('export-excel').getAttribute('href'))!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

    // The PDF opens in a new tab of the same session.
    const [tab] = await Promise.all([context.waitForEvent('page'), page.getByTestId('export-pdf').click()]);
    await tab.waitForURL(/\/export\/action-plan\.pdf\?lao=6800707&year=2567&issuer=/, { timeout: 10_000, waitUntil: 'commit' });
    await tab.close();
    await screenshot(page, 'plan-print');
    await context.close();
  });

  it('shows a province officer the LAO it picks, read-only', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, 'nacc80', 'Province@2567');
    await openMenu(page, 'lao-profile');
    await page.waitForURL(/\/lao\/profile/);
    await choose(page, 'lao-picker-lao', `${LAO.name} (${LAO.username})`);
    await page.waitForURL(/lao=6800707/);
    await expectText(page.getByTestId('profile-lao-name'), LAO.name);
    await expectText(page.getByTestId('profile-read-only'), 'ท่านดูข้อมูลนี้ได้อย่างเดียว');
    expect(await page.getByTestId('profile-save').count()).toBe(0);
    expect(await page.getByTestId('awards-save').count()).toBe(0);
    await expect(page.getByTestId('profile-address').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'lao-profile-province');
    await screen(page, 'lao-profile-province');

    await page.goto('/projects?lao=6800707&year=2567');
    await expectText(page.getByTestId('projects-heading'), 'โครงการในปี 2567 จำนวน 49 โครงการ');
    expect(await page.getByTestId('projects-create').count()).toBe(0);
    expect(await page.getByTestId('project-delete').count()).toBe(0);
    await expectText(page.getByTestId('project-edit').first(), 'ดู');
    await page.getByTestId('project-edit').first().click();
    await page.waitForURL(/\/projects\/\d+\/edit/);
    await expectText(page.locator('h1'), 'ดูโครงการ');
    await expect(page.title()).resolves.toContain('ดูโครงการ');
    await expect(page.getByTestId('pf-name').isDisabled()).resolves.toBe(true);
    expect(await page.getByTestId('pf-save').count()).toBe(0);
    await screenshot(page, 'project-view-province');
    await screen(page, 'project-view-province');
    await context.close();
  });
});
