import { Lao } from '../../server/src/modules/lao/lao.entity';
import { KHON_HAT } from '../../server/src/demo/demo-data';
import { describeE2E, e2eSuite, expectText, PHONE, withinWidth } from './harness';

jest.setTimeout(120_000);

/** The demo LAO's coordinator, set for this test: no public page may show any of it (PDPA). */
const COORDINATOR = {
  coordinatorName: 'นางสาวทดสอบ ผู้ประสานงาน',
  coordinatorPosition: 'นักวิเคราะห์นโยบายและแผนชำนาญการ',
  coordinatorDepartment: 'สำนักปลัดทดสอบ',
  coordinatorPhone: '075-000-111',
  coordinatorMobile: '081-234-5678',
  coordinatorFax: '075-000-112',
  coordinatorEmail: 'coordinator.khonhat@example.org',
};

describeE2E('the public pages in Chromium, with no session', () => {
  const e2e = e2eSuite();

  it('the memo’s LAO: its plan, no open round, and none of its coordinator’s values anywhere in the page', async () => {
    await e2e.server.db.getRepository(Lao).update({ code: KHON_HAT.code }, COORDINATOR);
    const { context, page } = await e2e.open();
    expect(await context.cookies()).toEqual([]);
    const res = await page.goto(`/public/lao/${KHON_HAT.code}/2567`);
    expect(res!.status()).toBe(200);
    await expectText(page.locator('h1'), 'องค์การบริหารส่วนตำบลขอนหาด');
    await expectText(page.locator('body'), 'แผนปฏิบัติการป้องกันการทุจริต (49 โครงการ)');
    await expectText(page.locator('body'), 'ยังไม่มีรอบการรายงานที่ปิดแล้ว');
    const html = await page.content();
    expect(Object.values(COORDINATOR).filter((value) => html.includes(value))).toEqual([]);
    await context.close();
  });

  it('a closed round of Krabi 2563 with its score, level and ที่มาของคะแนน, readable on a phone', async () => {
    const { context, page } = await e2e.open(PHONE);
    await page.goto('/public/lao/6810453/2563');
    await expectText(page.locator('h1'), 'องค์การบริหารส่วนตำบลเทพา');
    await expectText(page.getByTestId('public-explanation-SIX_MONTHS'), '= 26 ÷ โครงการตั้งต้น 75 = 34.67 ระดับกลาง');
    await expectText(page.getByTestId('public-explanation-SIX_MONTHS'), 'อีก 12 โครงการที่ดำเนินการแล้วเสร็จ จะได้ระดับมาก');
    expect(await withinWidth(page, 'h1')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });

  it('the province table of Krabi, 2563, six months: each LAO linked to its page, 121.43 shown 100.00*, no coordinator value', async () => {
    const { context, page } = await e2e.open();
    const res = await page.goto('/public/province/81/2563/SIX_MONTHS');
    expect(res!.status()).toBe(200);
    await expectText(page.locator('h1'), 'จังหวัดกระบี่ ประจำปีงบประมาณ พ.ศ. 2563 รอบ 6 เดือน');
    await expectText(page.locator('tr[data-lao="5810201"]'), '100.00*');
    await expectText(page.locator('tr[data-lao="5810201"]'), '= 17 ÷ โครงการตั้งต้น 14 = 121.43 → แสดง 100.00*');
    const html = await page.content();
    expect(Object.values(COORDINATOR).filter((value) => html.includes(value))).toEqual([]);
    await page.locator('a[href="/public/lao/6810453/2563"]').click();
    await expectText(page.locator('h1'), 'องค์การบริหารส่วนตำบลเทพา');
    await context.close();
  });
});
