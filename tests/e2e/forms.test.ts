import os from 'node:os';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { fiscalYearOf } from '../../server/src/core/fiscal-year';
import { AskProjectReductionDocument, CreateProjectDocument } from '../gql/graphql';
import { postGql } from '../support/post-gql';
import { browserAuth, choose, describeE2E, e2eSuite, expectText, signIn } from './harness';

jest.setTimeout(180_000);

/** อบต.ขอนหาด, its province office (นครศรีธรรมราช) and the admin of the demo. */
const LAO = { username: '6800707', password: 'Lao@2567', name: 'องค์การบริหารส่วนตำบลขอนหาด' };
const OFFICE = { username: 'nacc80', password: 'Province@2567' };
const ADMIN = { username: 'admin', password: 'Admin@2567' };

/** The two screens officials use: a small laptop and a phone. */
const DESKTOP = { name: 'desktop', width: 1366, height: 900 };
const PHONE = { name: 'phone', width: 375, height: 812 };
type Size = typeof DESKTOP;

/** The Element Plus form item around a field, where the message for that field shows. */
const fieldOf = (page: Page, testId: string) => page.locator('.el-form-item', { has: page.getByTestId(testId) });

/** Run in the page: true once no transition or animation is running (endless spinners aside). */
function settled(): boolean {
  type Running = { playState: string; effect: { getComputedTiming(): { iterations?: number } } | null };
  const { document } = globalThis as unknown as { document: { getAnimations(): Running[] } };
  return document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);
}

/** What the user sees at this size, once it has settled, under the temp folder. */
async function shot(page: Page, name: string, size: Size): Promise<void> {
  await page.waitForFunction(settled);
  await page.screenshot({ path: path.join(os.tmpdir(), `eplan-e2e-${name}-${size.name}.png`), fullPage: true });
}

/** The variables of every GraphQL operation the page sends with this name, as sent. */
function sentOperations(page: Page, operationName: string): Array<Record<string, unknown>> {
  const sent: Array<Record<string, unknown>> = [];
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/graphql')) return;
    const body = request.postDataJSON() as { operationName?: string; variables?: Record<string, unknown> } | null;
    if (body?.operationName === operationName) sent.push(body.variables ?? {});
  });
  return sent;
}

describeE2E('forms and review as officials use them, in Chromium at 1366×900 and 375×812', () => {
  const e2e = e2eSuite();
  // The real clock: new projects go in today's fiscal year.
  const current = fiscalYearOf(new Date());

  async function openAt(size: Size) {
    const context = await e2e.browser.newContext({
      baseURL: e2e.server.url,
      viewport: { width: size.width, height: size.height },
      locale: 'th-TH',
      timezoneId: 'Asia/Bangkok',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return { context, page };
  }

  it.each([DESKTOP, PHONE])('create project from a past year’s page ticks and sends only a year it shows ($name)', async (size) => {
    const { context, page } = await openAt(size);
    await signIn(page, LAO.username, LAO.password);
    const sent = sentOperations(page, 'CreateProject');
    for (const reload of [false, true]) {
      if (reload) await page.reload();
      else await page.goto('/projects/new?year=2567');
      // The year looked at cannot take a new project: the page says so and which years can, and ticks this year.
      const note = await expectText(page.getByTestId('pf-year-not-open'), 'ปีงบประมาณ 2567 สร้างโครงการใหม่ไม่ได้');
      expect(note).toContain(`เลือกได้เฉพาะปี ${current}–${current + 4}`);
      await expect(page.getByTestId(`pf-year-${current}`).locator('input').isChecked()).resolves.toBe(true);
      expect(await page.getByTestId('pf-year-2567').count()).toBe(0);
      await expectText(page.getByTestId('pf-closed-years'), `ปี ${current - 1} เป็นปีงบประมาณที่ผ่านมาแล้ว จึงเลือกเพิ่มหรือนำออกไม่ได้`);
      const ticked = await page.getByTestId('pf-years').locator('input:checked').count();
      expect(ticked).toBe(1);
    }
    await shot(page, 'project-create-past-year', size);

    await page.getByTestId('pf-name').fill(`โครงการสร้างจากหน้าปี 2567 (${size.name})`);
    await page.getByTestId('pf-category-ACTIVITY').click();
    await page.getByTestId('pf-quarter-1').click();
    await page.getByTestId('pf-dimension-1').click();
    await page.getByTestId('pf-target-LOCAL_STAFF').click();
    await page.getByTestId('pf-objective').fill('เพื่อทดสอบว่าแบบฟอร์มส่งเฉพาะปีที่แสดง');
    await page.getByTestId('pf-save').click();
    await expectText(page.locator('.el-message'), 'เรียบร้อยแล้ว');
    expect(sent).toHaveLength(1);
    expect((sent[0].input as { fiscalYears: number[] }).fiscalYears).toEqual([current]);
    await context.close();
  });

  it('the project form names every missing field on the first press, sends nothing, and groups the budget', async () => {
    const { context, page } = await openAt(DESKTOP);
    await signIn(page, LAO.username, LAO.password);
    const sent = sentOperations(page, 'CreateProject');
    await page.goto('/projects/new');
    await page.getByTestId(`pf-year-${current}`).click(); // untick this year: no year at all
    await page.getByTestId('pf-with-budget').click();
    await page.getByTestId('pf-budget').fill('12.345');
    await page.getByTestId('pf-save').click();
    const expected: Array<[string, string]> = [
      ['pf-name', 'กรุณากรอกชื่อโครงการ'],
      ['pf-years', 'กรุณาเลือกปีงบประมาณที่ดำเนินการอย่างน้อย 1 ปี'],
      ['pf-category', 'กรุณาเลือกประเภท โครงการ/กิจกรรม/มาตรการ/แนวปฏิบัติงาน'],
      ['pf-quarters', 'กรณีไม่ทราบให้เลือกไตรมาส 1'],
      ['pf-dimension', 'กรุณาเลือกมิติของโครงการ'],
      ['pf-budget', 'จำนวนเงินไม่ถูกต้อง: กรอกเป็นตัวเลข ทศนิยมไม่เกิน 2 ตำแหน่ง'],
      ['pf-target-groups', 'กรุณาเลือกกลุ่มเป้าหมายอย่างน้อย 1 กลุ่ม'],
      ['pf-objective', 'กรุณากรอกวัตถุประสงค์'],
    ];
    for (const [field, message] of expected) await expectText(fieldOf(page, field).locator('.el-form-item__error'), message);
    expect(await page.getByTestId('project-form').locator('.el-form-item__error').count()).toBe(expected.length);
    expect(sent).toHaveLength(0);
    await shot(page, 'project-create-all-errors', DESKTOP);

    // Amounts: typed with or without commas, shown grouped on leaving the field, sent to the satang.
    await page.getByTestId('pf-budget').fill('1234567.89');
    await page.getByTestId('pf-name').click();
    await expect(page.getByTestId('pf-budget').inputValue()).resolves.toBe('1,234,567.89');
    await page.getByTestId('pf-budget').fill('๑,๒๐๐.๕');
    await page.getByTestId('pf-name').click();
    await expect(page.getByTestId('pf-budget').inputValue()).resolves.toBe('1,200.50');
    await page.getByTestId('pf-budget').fill('1234567.89');
    await page.getByTestId(`pf-year-${current}`).click();
    await page.getByTestId('pf-name').fill('โครงการทดสอบงบประมาณ');
    await page.getByTestId('pf-category-PROJECT').click();
    await page.getByTestId('pf-quarter-2').click();
    await page.getByTestId('pf-dimension-2').click();
    await page.getByTestId('pf-target-CITIZENS_CIVIL_SOCIETY').click();
    await page.getByTestId('pf-objective').fill('เพื่อทดสอบจำนวนเงิน');
    await page.getByTestId('pf-save').click();
    await expectText(page.locator('.el-message'), 'สร้างโครงการ “โครงการทดสอบงบประมาณ” เรียบร้อยแล้ว');
    expect(sent).toHaveLength(1);
    expect((sent[0].input as { budget: string }).budget).toBe('1234567.89');
    await context.close();
  });

  it.each([DESKTOP, PHONE])('the LAO profile checks every format in the browser at once, in the server’s words ($name)', async (size) => {
    const { context, page } = await openAt(size);
    await signIn(page, LAO.username, LAO.password);
    const sent = sentOperations(page, 'UpdateLaoProfile');
    await page.goto('/lao/profile');
    await expectText(page.getByTestId('profile-lao-name'), LAO.name);
    await page.getByTestId('profile-area').fill('12.3456');
    await page.getByTestId('profile-population').fill('10457.5');
    await page.getByTestId('profile-revenue').fill('1,000.123');
    await page.getByTestId('profile-phone').fill('โทร 075-123456');
    await page.getByTestId('profile-mobile').fill('08x-1234567');
    await page.getByTestId('profile-email').fill('khonhat@');
    await page.getByTestId('profile-website').fill('khonhat');
    await page.getByTestId('profile-save').click();
    const expected: Array<[string, string]> = [
      ['profile-area', 'ขนาดพื้นที่ใส่ทศนิยมได้ไม่เกิน 3 ตำแหน่ง'],
      ['profile-population', 'ประชากรต้องเป็นจำนวนเต็ม'],
      ['profile-revenue', 'จำนวนเงินไม่ถูกต้อง'],
      ['profile-phone', 'หมายเลขโทรศัพท์ใช้ได้เฉพาะตัวเลข + - ( ) และคำว่า "ต่อ" ไม่เกิน 32 ตัว'],
      ['profile-mobile', 'หมายเลขโทรศัพท์ใช้ได้เฉพาะตัวเลข'],
      ['profile-email', 'รูปแบบอีเมลไม่ถูกต้อง'],
      ['profile-website', 'รูปแบบเว็บไซต์ไม่ถูกต้อง เช่น www.khonhat.go.th'],
    ];
    for (const [field, message] of expected) await expectText(fieldOf(page, field).locator('.el-form-item__error'), message);
    expect(sent).toHaveLength(0);
    await shot(page, 'lao-profile-all-errors', size);

    await page.getByTestId('profile-area').fill('12.345');
    await page.getByTestId('profile-population').fill('10457');
    await page.getByTestId('profile-revenue').fill('60845400.5');
    await page.getByTestId('profile-phone').click();
    await expect(page.getByTestId('profile-revenue').inputValue()).resolves.toBe('60,845,400.50');
    await page.getByTestId('profile-phone').fill('075-123456 ต่อ 12');
    await page.getByTestId('profile-mobile').fill('081-2345678');
    await page.getByTestId('profile-email').fill('khonhat@example.go.th');
    await page.getByTestId('profile-website').fill('www.khonhat.go.th');
    await page.getByTestId('profile-save').click();
    await expectText(page.locator('.el-message'), 'บันทึกข้อมูลพื้นฐานเรียบร้อยแล้ว');
    expect(sent).toHaveLength(1);
    expect((sent[0].input as { revenue: string }).revenue).toBe('60845400.50');
    await context.close();
  });

  it('create-user says everything on the first press, words the password for a new account, and shows the server’s field errors', async () => {
    const { context, page } = await openAt(DESKTOP);
    await signIn(page, ADMIN.username, ADMIN.password);
    const sent = sentOperations(page, 'CreateUser');
    await page.goto('/admin/users');
    await page.getByTestId('users-create').click();
    await choose(page, 'cu-role', 'เจ้าหน้าที่ อปท.');
    const dialog = page.getByTestId('create-user-dialog');
    await page.getByTestId('cu-email').fill('officer@');
    await page.getByTestId('cu-password').fill('short');
    await page.getByTestId('cu-confirm').fill('shorter');
    await page.getByTestId('cu-submit').click();
    await expectText(fieldOf(page, 'cu-lao-code'), 'กรุณาระบุ อปท. ของผู้ใช้งาน');
    await expectText(fieldOf(page, 'cu-username'), 'กรุณากรอกชื่อผู้ใช้งาน');
    await expectText(fieldOf(page, 'cu-email'), 'รูปแบบอีเมลไม่ถูกต้อง');
    await expectText(fieldOf(page, 'cu-password'), 'รหัสผ่านต้องมี 8–128 ตัวอักษร และมีทั้งตัวอักษรและตัวเลข');
    await expectText(fieldOf(page, 'cu-confirm'), 'ยืนยันรหัสผ่านไม่ตรงกับรหัสผ่าน');
    // A new account has no "new" password: nothing in the dialog says so.
    expect(await dialog.innerText()).not.toContain('รหัสผ่านใหม่');
    expect(sent).toHaveLength(0);
    await shot(page, 'create-user-all-errors', DESKTOP);

    // What only the server knows comes back under its field.
    await page.getByTestId('cu-lao-code').fill(LAO.username);
    await page.getByTestId('cu-email').fill('officer@example.go.th');
    await page.getByTestId('cu-password').fill('Khonhat2570x');
    await page.getByTestId('cu-confirm').fill('Khonhat2570x');
    await page.getByTestId('cu-submit').click();
    await expectText(fieldOf(page, 'cu-username'), 'มีชื่อผู้ใช้งานนี้ในระบบแล้ว');
    expect(sent).toHaveLength(1);
    await context.close();
  });

  it.each([DESKTOP, PHONE])(
    'review: the queue shows why an LAO drops a project and opens it; approving asks first ($name)',
    async (size) => {
      const lao = await openAt(size);
      await signIn(lao.page, LAO.username, LAO.password);
      const auth = await browserAuth(lao.context, e2e.server);
      const name = `โครงการที่ขอลด (${size.name})`;
      const created = await postGql(
        e2e.server.url,
        CreateProjectDocument,
        {
          lao: LAO.username,
          input: {
            origin: 'PLANNED',
            name,
            fiscalYears: [current],
            category: 'PROJECT',
            quarters: [1],
            dimension: 1,
            targetGroups: ['LOCAL_STAFF'],
            objective: 'เพื่อทดสอบการขอลด',
          },
        },
        auth,
      );
      const id = created.data!.createProject.id;
      const asked = await postGql(e2e.server.url, AskProjectReductionDocument, { id, y: current, note: 'ไม่ได้รับจัดสรรงบประมาณ' }, auth);
      expect(asked.data!.requestProjectReduction.planStatus).toBe('REDUCE_PENDING');

      // The LAO's baseline request equal to the baseline it has: said before sending.
      const sentBaseline = sentOperations(lao.page, 'RequestBaselineChange');
      await lao.page.goto('/baseline');
      const baseline = (await expectText(lao.page.getByTestId(`baseline-count-${current}`), /\d/)).trim();
      await lao.page.getByTestId(`baseline-request-${current}`).click();
      await lao.page.getByTestId('bd-count').fill(baseline);
      await lao.page.getByTestId('bd-submit').click();
      await expectText(fieldOf(lao.page, 'bd-count'), `จำนวนที่ขอปรับ ${baseline} โครงการ เท่ากับจำนวนโครงการตั้งต้นเดิม จึงไม่ต้องขอปรับ`);
      expect(sentBaseline).toHaveLength(0);
      await shot(lao.page, 'baseline-same-count', size);
      await lao.context.close();

      const { context, page } = await openAt(size);
      await signIn(page, OFFICE.username, OFFICE.password);
      await page.goto('/review');
      // A table on a laptop, a card for each request on a phone.
      const row =
        size === PHONE
          ? page.getByTestId('queue-card').filter({ hasText: name })
          : page.getByTestId('queue-table').locator('tr.el-table__row', { hasText: name });
      await expectText(row.getByTestId('queue-item-note'), 'เหตุผลที่ อปท. ขอลด: ไม่ได้รับจัดสรรงบประมาณ');
      await shot(page, 'review-queue', size);

      // Approve asks first, naming the LAO, the project and what approving does; cancelling changes nothing.
      await row.getByTestId('queue-approve').click();
      const dialog = page.getByTestId('decision-dialog');
      await expectText(dialog, LAO.name);
      await expectText(dialog, name);
      await expectText(page.getByTestId('decision-effect'), `โครงการนี้จะถูกลดออกจากแผนฯ ของปี ${current}`);
      await shot(page, 'review-approve-confirm', size);
      await dialog.getByRole('button', { name: 'ยกเลิก', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expectText(row, name);

      // The project opens from the queue, read-only and titled for what it is.
      await row.getByTestId('queue-item-title').click();
      await page.waitForURL(new RegExp(`/projects/${id}/edit\\?`));
      expect(new URL(page.url()).searchParams.get('lao')).toBe(LAO.username);
      await expectText(page.locator('.page-title'), 'ดูโครงการ');
      await expect(page.title()).resolves.toContain('ดูโครงการ');
      await expect(page.getByTestId('pf-name').inputValue()).resolves.toBe(name);
      await shot(page, 'project-view', size);
      await page.goBack();

      await row.getByTestId('queue-approve').click();
      await page.getByTestId('approve-submit').click();
      await expectText(page.locator('.el-message'), `อนุมัติคำขอของ ${LAO.name} แล้ว`);
      await row.waitFor({ state: 'detached' });
      await context.close();
    },
  );

  it('compliance actions look like buttons that say what they do, not like the status tags beside them', async () => {
    const { context, page } = await openAt(DESKTOP);
    await signIn(page, OFFICE.username, OFFICE.password);
    await page.goto(`/review/compliance?lao=${LAO.username}&year=2567`);
    const row = page.getByTestId('compliance-table').locator('tr.el-table__row').first();
    const button = row.getByTestId('compliance-mark-non');
    await expectText(button, 'ระบุว่าไม่สอดคล้อง');
    const tag = row.locator('.el-tag').first();
    await expectText(tag, 'สอดคล้อง');
    // A tag is a filled or tinted label; the action is an outlined button with an icon, not coloured like a status.
    const classes = (await button.getAttribute('class')) ?? '';
    expect(classes).not.toMatch(/el-button--(success|danger|warning)/);
    expect(await button.locator('svg').count()).toBe(1);
    const looks = await Promise.all(
      [button, tag].map((el) => el.evaluate((node) => getComputedStyle(node).backgroundColor + ' ' + getComputedStyle(node).color)),
    );
    expect(looks[0]).not.toBe(looks[1]);
    await shot(page, 'compliance', DESKTOP);
    await context.close();
  });
});
