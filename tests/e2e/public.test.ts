import { Lao } from '../../server/src/modules/lao/lao.entity';
import { KHON_HAT } from '../../server/src/demo/demo-data';
import type { Page } from 'playwright-core';
import { describeE2E, e2eSuite, expectText, LAPTOP, PHONE, screenshot, scrollsSideways, signIn, withinWidth } from './harness';

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

  /** The page is read without scrolling sideways; a screenshot of it is kept to look at. */
  async function looked(page: Page, name: string): Promise<void> {
    expect([name, await scrollsSideways(page)]).toEqual([name, false]);
    await screenshot(page, name);
  }

  it.each([
    ['laptop', LAPTOP],
    ['phone', PHONE],
  ])('from /public to an LAO’s page by province → district → LAO, signed out, on a %s', async (name, size) => {
    const { context, page } = await e2e.open(size);
    const res = await page.goto('/public');
    expect(res!.status()).toBe(200);
    expect(await context.cookies()).toEqual([]);
    await expectText(page.locator('h1'), 'ข้อมูลเผยแพร่');
    await expectText(page.locator('[data-testid="public-published"]'), 'ปีงบประมาณ พ.ศ. 2563: รอบ 6 เดือน · รอบ 12 เดือน');
    await looked(page, `public-${name}-search`);
    await page.getByTestId('public-province').selectOption({ label: 'จังหวัดกระบี่' });
    await page.getByTestId('public-year').selectOption('2563');
    await page.getByTestId('public-search-submit').click();
    await expectText(page.locator('[data-section="districts"] h2'), 'อำเภอในจังหวัดกระบี่');
    await looked(page, `public-${name}-province`);
    await page.locator('[data-section="districts"]').getByRole('link', { name: 'อำเภอคลองท่อม' }).click();
    await expectText(page.locator('[data-section="laos"] h2'), 'อปท. ในอำเภอคลองท่อม (แผนปีงบประมาณ พ.ศ. 2563)');
    await looked(page, `public-${name}-district`);
    await page.locator('[data-section="laos"]').getByRole('link', { name: 'องค์การบริหารส่วนตำบลเทพา' }).click();
    await expectText(page.locator('h1'), 'องค์การบริหารส่วนตำบลเทพา');
    expect(new URL(page.url()).pathname).toBe('/public/lao/6810453/2563');
    await expectText(page.getByTestId('public-explanation-SIX_MONTHS'), '= 26 ÷ โครงการตั้งต้น 75 = 34.67 ระดับกลาง');
    await looked(page, `public-${name}-lao`);
    // Back up by the breadcrumbs, to the district's table of the closed round, and the country's.
    await page.locator('nav.crumbs').getByRole('link', { name: 'อำเภอคลองท่อม' }).click();
    await page.locator('[data-section="published"] li', { hasText: 'พ.ศ. 2563' }).getByRole('link', { name: 'รอบ 6 เดือน' }).click();
    await expectText(page.locator('h1'), 'ระดับอำเภอ อำเภอคลองท่อม จังหวัดกระบี่ ประจำปีงบประมาณ พ.ศ. 2563 รอบ 6 เดือน');
    await looked(page, `public-${name}-district-table`);
    await page
      .locator('nav.crumbs')
      .getByRole('link', { name: /^ทั้งประเทศ/ })
      .click();
    await expectText(page.locator('tr[data-province="81"]'), 'จังหวัดกระบี่');
    await expectText(page.locator('tr[data-province="total"]'), 'รวมทั้งประเทศ');
    await looked(page, `public-${name}-national`);
    await page.locator('tr[data-province="81"]').getByRole('link').click();
    await expectText(page.locator('h1'), 'จังหวัดกระบี่ ประจำปีงบประมาณ พ.ศ. 2563 รอบ 6 เดือน');
    await looked(page, `public-${name}-province-table`);
    await context.close();
  });

  it('finds an LAO by part of its name typed in the search box', async () => {
    const { context, page } = await e2e.open(PHONE);
    await page.goto('/public');
    await page.getByTestId('public-search-q').fill('อบต.ขอนหาด');
    await page.getByTestId('public-search-submit').click();
    await expectText(page.getByTestId('public-found'), 'องค์การบริหารส่วนตำบลขอนหาด');
    await looked(page, 'public-phone-found');
    await page.getByTestId('public-found').getByRole('link', { name: 'องค์การบริหารส่วนตำบลขอนหาด' }).click();
    await expectText(page.locator('h1'), 'องค์การบริหารส่วนตำบลขอนหาด');
    await context.close();
  });

  it('ADMIN withdraws a round on the year settings screen: its public table is gone until it is published again', async () => {
    const admin = await e2e.open(LAPTOP);
    await signIn(admin.page, 'admin', 'Admin@2567');
    await admin.page.goto('/admin/years?year=2563');
    const six = admin.page.getByTestId('publication-SIX_MONTHS');
    await expectText(admin.page.getByTestId('publication-SIX_MONTHS-state'), 'เผยแพร่แล้ว');
    await admin.page.getByTestId('publication-SIX_MONTHS-withdraw').click();
    await expectText(admin.page.getByTestId('publication-SIX_MONTHS-error'), 'กรุณาระบุเหตุผลที่ถอนการเผยแพร่');
    await six.locator('textarea').fill('พบข้อมูลคลาดเคลื่อน อยู่ระหว่างตรวจสอบ');
    await admin.page.getByTestId('publication-SIX_MONTHS-withdraw').click();
    await expectText(admin.page.getByTestId('publication-SIX_MONTHS-state'), 'ถอนการเผยแพร่');
    await expectText(admin.page.getByTestId('publication-SIX_MONTHS-reason'), 'เหตุผล: พบข้อมูลคลาดเคลื่อน อยู่ระหว่างตรวจสอบ');
    await looked(admin.page, 'year-settings-publication-laptop');

    const visitor = await e2e.open(PHONE);
    const gone = await visitor.page.goto('/public/province/81/2563/SIX_MONTHS');
    expect(gone!.status()).toBe(404);
    await expectText(visitor.page.locator('body'), 'ถอนการเผยแพร่');

    await admin.page.getByTestId('publication-SIX_MONTHS-republish').click();
    await admin.page.getByRole('button', { name: 'เผยแพร่อีกครั้ง' }).last().click();
    await expectText(admin.page.getByTestId('publication-SIX_MONTHS-state'), 'เผยแพร่แล้ว');
    const back = await visitor.page.goto('/public/province/81/2563/SIX_MONTHS');
    expect(back!.status()).toBe(200);
    await admin.context.close();
    await visitor.context.close();

    const phone = await e2e.open(PHONE);
    await signIn(phone.page, 'admin', 'Admin@2567');
    await phone.page.goto('/admin/years?year=2563');
    await expectText(phone.page.getByTestId('publication-TWELVE_MONTHS-state'), 'เผยแพร่แล้ว');
    await looked(phone.page, 'year-settings-publication-phone');
    await phone.context.close();
  });
});
