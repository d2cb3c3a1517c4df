import { E2eReportProjectsDocument } from '../gql/graphql';
import { postGql } from '../support/post-gql';
import {
  browserAuth,
  choose,
  describeE2E,
  e2eSuite,
  expectText,
  LAPTOP,
  openMenu,
  PHONE,
  screenshot,
  scrollsSideways,
  signIn,
} from './harness';

jest.setTimeout(180_000);

/** The memo's LAO (อบต.ขอนหาด, province 80) and its province's NACC office. */
const LAO = { username: '6800707', password: 'Lao@2567', name: 'องค์การบริหารส่วนตำบลขอนหาด' };
const OFFICE = { username: 'nacc80', password: 'Province@2567' };

/**
 * Plausibility warnings and the ควรตรวจสอบ queue in Chromium, at a laptop's and a phone's width: the LAO saves
 * a twelve-month report that disbursed more than its ordinance budget — the form asks it to check first, it
 * goes back, then confirms; the province office finds the confirmed warning in its queue with the evidence,
 * dismisses it with a note, and finds it under "ไม่มีประเด็น" with who, when and the note.
 */
describeE2E('plausibility warnings and red flags, in Chromium', () => {
  const e2e = e2eSuite();
  /** Projects already used by a test of this suite (each size reports its own). */
  const used = new Set<string>();

  for (const size of [LAPTOP, PHONE]) {
    it(`asks the LAO to confirm an unlikely report, and puts it in the province office's queue, ${size.width}px`, async () => {
      const lao = await e2e.open(size);
      await signIn(lao.page, LAO.username, LAO.password);
      // A budgeted project of 2567 still waiting for its twelve-month report, planned at 2,500 baht or more.
      const { data } = await postGql(
        e2e.server.url,
        E2eReportProjectsDocument,
        { l: LAO.username, y: 2567 },
        await browserAuth(lao.context, e2e.server),
      );
      const project = data!.projects.find(
        (p) =>
          !used.has(p.id) &&
          p.budget !== null &&
          Number(p.budget) >= 2500 &&
          p.years.some((y) => y.fiscalYear === 2567 && y.counted && y.twelveMonths === null),
      )!;
      used.add(project.id);

      await lao.page.goto('/reports?year=2567');
      const button = lao.page.getByTestId(`report-${project.id}-TWELVE_MONTHS`);
      await button.click();
      const form = lao.page.getByTestId('report-dialog');
      await expectText(form.getByTestId('rf-project-name'), project.name);
      await lao.page.getByTestId('rf-ordinance-budget').fill('1,000');
      await lao.page.getByTestId('rf-disbursed').fill('2500');
      await lao.page.getByTestId('rf-in-ordinance-yes').click();
      await lao.page.getByTestId('rf-status-IN_PROGRESS').click();
      await lao.page.getByTestId('rf-submit').click();

      // ตรวจสอบก่อนบันทึก: the warning in the LAO's own figures; nothing is saved yet.
      const check = lao.page.getByTestId('rf-warnings');
      await expectText(check, 'ตรวจสอบก่อนบันทึก');
      await expectText(
        lao.page.getByTestId('rf-warning-DISBURSED_ABOVE_ORDINANCE'),
        'การเบิกจ่าย 2,500.00 บาท สูงกว่างบประมาณตามข้อบัญญัติ/เทศบัญญัติ 1,000.00 บาท',
      );
      expect(await lao.page.getByTestId('rf-warnings-list').locator('li').count()).toBe(1);
      if (size === PHONE) expect(await scrollsSideways(lao.page)).toBe(false);
      await screenshot(lao.page, `report-warnings-${size.width}`);

      // กลับไปแก้ไข: back to the form as it was typed, nothing saved.
      await lao.page.getByTestId('rf-warnings-back').click();
      await check.waitFor({ state: 'hidden' });
      expect(await lao.page.getByTestId('rf-disbursed').inputValue()).toBe('2500');
      expect(await lao.page.getByTestId('rf-error').count()).toBe(0);

      // ยืนยันบันทึก: saved with the warning confirmed.
      await lao.page.getByTestId('rf-submit').click();
      await lao.page.getByTestId('rf-warnings-confirm').click();
      await expectText(lao.page.locator('.el-message'), 'บันทึกรายงานผลรอบ 12 เดือน เรียบร้อยแล้ว');
      await form.waitFor({ state: 'hidden' });
      await expectText(button, 'รายงานแล้ว');
      await lao.context.close();

      // The province office's queue of the round.
      const office = await e2e.open(size);
      await signIn(office.page, OFFICE.username, OFFICE.password);
      // The demo's reports are of 2567, whatever year it is now.
      await office.page.goto('/?year=2567');
      if (size === PHONE) await office.page.goto('/red-flags?year=2567');
      else await openMenu(office.page, 'red-flags');
      await office.page.waitForURL(/\/red-flags\?year=2567/);
      await choose(office.page, 'scores-round', 'รอบ 12 เดือน');
      await office.page.getByTestId('scores-show').click();
      await expectText(office.page.getByTestId('red-flags-title'), 'รายการควรตรวจสอบ ประจำปีงบประมาณ พ.ศ. 2567 รอบ 12 เดือน');
      const evidence = office.page.locator('[data-testid^="red-flag-evidence-"]', { hasText: project.name });
      await expectText(evidence, `โครงการ “${project.name}”: การเบิกจ่าย 2,500.00 บาท สูงกว่างบประมาณตามข้อบัญญัติ/เทศบัญญัติ 1,000.00 บาท`);
      const id = (await evidence.getAttribute('data-testid'))!.slice('red-flag-evidence-'.length);
      await expectText(office.page.getByTestId(`red-flag-status-${id}`), 'รอพิจารณา');
      if (size === PHONE) {
        await office.page.getByTestId('red-flags-cards').waitFor();
        expect(await scrollsSideways(office.page)).toBe(false);
      } else {
        await office.page.getByTestId('red-flags-table').waitFor();
      }
      await screenshot(office.page, `red-flags-${size.width}`);

      // ไม่มีประเด็น, with the note the office must write.
      await office.page.getByTestId(`red-flag-dismiss-${id}`).click();
      const dialog = office.page.getByTestId('red-flag-dialog');
      await expectText(dialog, 'ปิดรายการ: ไม่มีประเด็น');
      await expectText(dialog, project.name);
      await office.page.getByTestId('red-flag-submit').click();
      await expectText(dialog.locator('.el-form-item'), 'กรุณากรอกบันทึกผลการพิจารณา');
      await office.page.getByTestId('red-flag-note').fill('ตรวจสอบฎีกาแล้ว เบิกจ่ายจากเงินสะสมตามมติสภา');
      if (size === PHONE) expect(await scrollsSideways(office.page)).toBe(false);
      await screenshot(office.page, `red-flag-dismiss-${size.width}`);
      await office.page.getByTestId('red-flag-submit').click();
      await expectText(office.page.locator('.el-message'), `ปิดรายการของ ${LAO.name} แล้ว (ไม่มีประเด็น)`);

      // Gone from the flags still open; listed under ไม่มีประเด็น with who, when and why.
      await office.page.getByTestId(`red-flag-evidence-${id}`).waitFor({ state: 'detached' });
      await office.page.getByTestId('red-flags-filter-DISMISSED').click();
      await expectText(office.page.getByTestId(`red-flag-status-${id}`), 'ไม่มีประเด็น');
      const card = office.page.locator(size === PHONE ? '[data-testid="red-flag-card"]' : 'tr', {
        has: office.page.getByTestId(`red-flag-evidence-${id}`),
      });
      await expectText(card, /ไม่มีประเด็น โดย .+ เมื่อ \d+ .+ 25\d\d/);
      await expectText(card, 'ตรวจสอบฎีกาแล้ว เบิกจ่ายจากเงินสะสมตามมติสภา');
      expect(await office.page.getByTestId(`red-flag-dismiss-${id}`).count()).toBe(0);
      if (size === PHONE) expect(await scrollsSideways(office.page)).toBe(false);
      // The filter's buttons change colour with a transition: the picture shows where they end.
      await office.page.waitForTimeout(400);
      await screenshot(office.page, `red-flags-dismissed-${size.width}`);
      await office.context.close();
    });
  }

  it('is not in an LAO officer’s menu, and its address says so in Thai', async () => {
    const { context, page } = await e2e.open(LAPTOP);
    await signIn(page, LAO.username, LAO.password);
    expect(await page.getByTestId('menu-red-flags').count()).toBe(0);
    await page.goto('/red-flags');
    await expectText(page.locator('main'), /ไม่มีสิทธิ์|ไม่พบ/);
    await context.close();
  });
});
