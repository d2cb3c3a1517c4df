import type { Page } from 'playwright-core';
import {
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
  withinWidth,
} from './harness';
import { postGql } from '../support/post-gql';
import { E2eTokenLaosDocument, MeUsernameRoleDocument } from '../gql/graphql';

jest.setTimeout(90_000);

/** Waits out dialogs and messages moving in. */
const settle = (page: Page) =>
  page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );

/** Whether the (first) element is wholly within the window's width and drawn on top at its middle (not under a sticky column). */
async function reachable(page: Page, selector: string): Promise<boolean> {
  // Scrolled to vertically only: scrolling it into view sideways would hide what is being checked.
  await page
    .locator(selector)
    .first()
    .evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - innerHeight / 2));
  await settle(page);
  if (!(await withinWidth(page, selector))) return false;
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !!hit && el.contains(hit);
    });
}

describeE2E('administration and password reset, in Chromium', () => {
  const e2e = e2eSuite();

  it('sends a signed-out user to sign-in and back to the page asked for', async () => {
    const { context, page } = await e2e.open();
    await page.goto('/admin/users');
    await page.waitForURL(/\/login\?redirect=/);
    await signIn(page, 'admin', 'Admin@2567');
    await page.waitForURL(/\/admin\/users/);
    await expectText(page.getByTestId('org-name'), 'สำนักพัฒนาและส่งเสริมธรรมาภิบาล');
    const menu = await page.getByTestId('menu').innerText();
    for (const label of ['จัดการผู้ใช้งาน', 'ทะเบียน อปท.', 'กล่องจดหมายออก', 'คำขอรอการอนุมัติ', 'ออกจากระบบ']) expect(menu).toContain(label);
    expect(menu).not.toContain('สร้างโครงการ');
    await context.close();
  });

  it('keeps LAO officers out of the administration pages', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, '6800707', 'Lao@2567');
    await page.goto('/admin/users');
    await expectText(page.locator('h1'), 'ท่านไม่มีสิทธิ์เข้าถึงหน้านี้');
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    expect(await page.getByTestId('users-table').count()).toBe(0);
    await page.getByTestId('missing-home').click();
    await expectText(page.getByTestId('home-welcome'), 'ยินดีต้อนรับสู่ระบบ e-PlanNACC');
    await context.close();
  });

  it('lets the admin create a province officer, who can then sign in to its province', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, 'admin', 'Admin@2567');
    await openMenu(page, 'admin-users');
    await expectText(page.getByTestId('users-table'), '6800707');

    // A username already taken: the server's message under the username field.
    await page.getByTestId('users-create').click();
    await choose(page, 'cu-role', 'เจ้าหน้าที่ สำนักงาน ป.ป.ช. ประจำจังหวัด');
    await choose(page, 'cu-province', 'สุราษฎร์ธานี');
    await page.getByTestId('cu-username').fill('nacc80');
    await page.getByTestId('cu-display-name').fill('นายสมชาย ใจดี');
    await page.getByTestId('cu-email').fill('nacc84@example.go.th');
    await page.getByTestId('cu-password').fill('Surat2568ok');
    await page.getByTestId('cu-confirm').fill('Surat2568ok');
    await page.getByTestId('cu-submit').click();
    await expectText(page.locator('.el-form-item', { has: page.getByTestId('cu-username') }), 'มีชื่อผู้ใช้งานนี้ในระบบแล้ว');
    await screenshot(page, 'create-user-error');

    await page.getByTestId('cu-username').fill('nacc84');
    await page.getByTestId('cu-submit').click();
    await expectText(page.locator('.el-message'), 'สร้างบัญชีผู้ใช้งาน nacc84 แล้ว');
    const row = page.getByTestId('users-table').locator('tr', { hasText: 'nacc84' });
    await expectText(row, 'สำนักงาน ป.ป.ช. ประจำจังหวัดสุราษฎร์ธานี');
    await expectText(row, 'นายสมชาย ใจดี');
    await screenshot(page, 'users');
    await context.close();

    const officer = await e2e.open();
    await signIn(officer.page, 'nacc84', 'Surat2568ok');
    await expectText(officer.page.getByTestId('org-name'), 'สำนักงาน ป.ป.ช. ประจำจังหวัดสุราษฎร์ธานี');
    await expectText(officer.page.getByTestId('org-place'), 'จังหวัดสุราษฎร์ธานี');
    const menu = await officer.page.getByTestId('menu').innerText();
    expect(menu).toContain('คำขอรอการอนุมัติ');
    expect(menu).not.toContain('สร้างโครงการ');
    expect(menu).not.toContain('จัดการผู้ใช้งาน');
    await officer.context.close();
  });

  it('disables an account: its open session ends and it can no longer sign in', async () => {
    const lao = await e2e.open();
    await signIn(lao.page, '6810251', 'Lao@2567');
    await openMenu(lao.page, 'change-password');

    const { context, page } = await e2e.open();
    await signIn(page, 'admin', 'Admin@2567');
    await openMenu(page, 'admin-users');
    await page.getByTestId('user-actions-6810251').click();
    await page.getByRole('menuitem', { name: 'ระงับการใช้งาน', exact: true }).click();
    await expectText(page.locator('.el-message-box'), 'ระงับการใช้งานบัญชี 6810251?');
    await page.locator('.el-message-box').getByRole('button', { name: 'ระงับการใช้งาน' }).click();
    const row = page.getByTestId('users-table').locator('tr', { hasText: '6810251' });
    await expectText(row, 'ระงับการใช้งาน');
    await context.close();

    // The officer's next request finds the session over and lands on the sign-in page.
    await lao.page.getByTestId('cp-current').fill('Lao@2567');
    await lao.page.getByTestId('cp-new').fill('Another2568');
    await lao.page.getByTestId('cp-confirm').fill('Another2568');
    await lao.page.getByTestId('cp-submit').click();
    await lao.page.waitForURL(/\/login/);
    await expectText(lao.page.locator('.el-message'), 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบใหม่อีกครั้ง');
    await lao.page.getByTestId('login-username').fill('6810251');
    await lao.page.getByTestId('login-password').fill('Lao@2567');
    await lao.page.getByTestId('login-submit').click();
    await expectText(lao.page.getByTestId('login-error'), 'บัญชีผู้ใช้งานนี้ถูกระงับ');
    await lao.context.close();
  });

  it('issues a scoped API token to a SERVICE account, shows the secret once, rotates and revokes it', async () => {
    const { context, page } = await e2e.open(LAPTOP);
    await signIn(page, 'admin', 'Admin@2567');
    await openMenu(page, 'admin-users');
    await page.getByTestId('users-create').click();
    await choose(page, 'cu-role', 'ระบบงานภายนอก (API)');
    await expect(page.getByTestId('cu-password').count()).resolves.toBe(0);
    await page.getByTestId('cu-username').fill('svc-report');
    await page.getByTestId('cu-display-name').fill('ระบบรายงานผู้บริหาร');
    await page.getByTestId('cu-submit').click();
    await expectText(page.getByTestId('users-table').locator('tr', { hasText: 'svc-report' }), 'ระบบงานภายนอก');

    await page.getByTestId('user-actions-svc-report').click();
    await page.getByRole('menuitem', { name: 'API token', exact: true }).click();
    const dialog = page.getByTestId('api-tokens-dialog');
    await expectText(dialog, 'read:registry');
    await expectText(dialog, 'อ่านทะเบียน อปท.');
    // A token needs at least one scope; a wrong address is refused in Thai.
    await page.getByTestId('token-name').fill('ระบบรายงานผู้บริหาร');
    await page.getByTestId('token-create').click();
    await expectText(dialog.getByTestId('token-form'), 'กรุณาเลือกขอบเขตอย่างน้อยหนึ่งรายการ');
    await page.getByTestId('token-scope-READ_REGISTRY').click();
    await page.getByTestId('token-scope-READ_SCORES').click();
    await page.getByTestId('token-ips').fill('127.0.0.1\n10.0.0.0/33');
    await page.getByTestId('token-create').click();
    await expectText(dialog.getByTestId('token-form'), 'ไม่ใช่ที่อยู่ IP');
    await choose(page, 'token-province', 'กระบี่');
    await choose(page, 'token-expires', '90 วัน');
    await page.getByTestId('token-ips').fill('127.0.0.1\n::1\n::ffff:127.0.0.1');
    await screenshot(page, 'api-token-form');
    await page.getByTestId('token-create').click();
    const secret = (await expectText(page.getByTestId('token-secret'), /\S{20,}/)).trim();
    await screenshot(page, 'api-token');

    // The secret works as a bearer token, within its scopes and its province.
    const res = await postGql(e2e.server.url, MeUsernameRoleDocument, {}, { token: secret });
    expect(res.data!.me).toEqual({ username: 'svc-report', role: 'SERVICE' });
    const krabi = await postGql(e2e.server.url, E2eTokenLaosDocument, { province: '81' }, { token: secret });
    expect(krabi.data!.laos.length).toBeGreaterThan(0);
    const other = await postGql(e2e.server.url, E2eTokenLaosDocument, { province: '80' }, { token: secret });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await page.getByRole('dialog', { name: 'API token ใหม่' }).getByRole('button', { name: 'ปิด', exact: true }).click();
    await page.getByTestId('token-secret').waitFor({ state: 'hidden' });
    const tokenRow = page.getByTestId('token-table').locator('tbody tr', { hasText: 'ระบบรายงานผู้บริหาร' });
    await expectText(tokenRow.first(), 'ใช้งานได้');
    for (const shown of ['read:registry', 'read:scores', 'กระบี่', '127.0.0.1', 'ยังไม่เคยใช้']) await expectText(tokenRow.first(), shown);

    // Rotation: a new secret, the old one works 24 more hours.
    await tokenRow.first().getByRole('button', { name: 'ออก secret ใหม่' }).click();
    await page.locator('.el-message-box').getByRole('button', { name: 'ออก secret ใหม่' }).click();
    const rotated = (await expectText(page.getByTestId('token-secret'), /\S{20,}/)).trim();
    expect(rotated).not.toBe(secret);
    await expectText(page.getByTestId('token-grace'), 'secret เดิมยังใช้ได้ถึง');
    await screenshot(page, 'api-token-rotated');
    expect((await postGql(e2e.server.url, MeUsernameRoleDocument, {}, { token: secret })).data!.me).not.toBeNull();
    expect((await postGql(e2e.server.url, MeUsernameRoleDocument, {}, { token: rotated })).data!.me).not.toBeNull();
    await page.getByRole('dialog', { name: 'API token ใหม่' }).getByRole('button', { name: 'ปิด', exact: true }).click();
    await expect(tokenRow.count()).resolves.toBe(2);
    const oldRow = page.getByTestId('token-table').locator('tbody tr', { hasText: 'ออก secret ใหม่แล้ว' });
    await expectText(oldRow, 'secret นี้ใช้ได้ถึง');
    expect(await oldRow.innerText()).not.toContain('ยังไม่เคยใช้');

    const newRow = page.getByTestId('token-table').locator('tbody tr', { hasText: 'ใช้งานได้' });
    await newRow.getByRole('button', { name: 'ยกเลิก token' }).click();
    await page.locator('.el-message-box').getByRole('button', { name: 'ยกเลิก token' }).click();
    await expectText(page.getByTestId('token-table'), 'ยกเลิกแล้วเมื่อ');
    expect((await postGql(e2e.server.url, MeUsernameRoleDocument, {}, { token: rotated })).data!.me).toBeNull();
    await screenshot(page, 'api-token-list');
    await context.close();

    // On a phone: every field of the form and the list stay within the screen.
    const phone = await e2e.open(PHONE);
    await signIn(phone.page, 'admin', 'Admin@2567');
    await phone.page.goto('/admin/users');
    await phone.page.getByTestId('user-actions-svc-report').click();
    await phone.page.getByRole('menuitem', { name: 'API token', exact: true }).click();
    await expectText(phone.page.getByTestId('token-table'), 'ระบบรายงานผู้บริหาร');
    await settle(phone.page);
    for (const id of [
      'token-name',
      'token-scope-WRITE_WEBHOOKS',
      'token-province',
      'token-expires',
      'token-ips',
      'token-create',
      'token-table',
    ]) {
      await phone.page.getByTestId(id).first().scrollIntoViewIfNeeded();
      expect([id, await withinWidth(phone.page, `[data-testid="${id}"]`)]).toEqual([id, true]);
    }
    expect(await scrollsSideways(phone.page)).toBe(false);
    await screenshot(phone.page, 'phone-api-tokens');
    await phone.context.close();
  });

  it('lists the LAO registry of a province and adds an LAO to it', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, 'admin', 'Admin@2567');
    await openMenu(page, 'admin-laos');
    await choose(page, 'laos-province', 'กระบี่');
    await expectText(page.getByTestId('laos-table'), 'องค์การบริหารส่วนตำบลคลองยาง');

    await page.getByTestId('laos-create').click();
    await page.getByTestId('cl-code').fill('6810399');
    await page.getByTestId('cl-name').fill('องค์การบริหารส่วนตำบลทดสอบลันตา');
    await choose(page, 'cl-province', 'กระบี่');
    await choose(page, 'cl-district', 'เกาะลันตา');
    await page.getByTestId('cl-submit').click();
    const row = page.getByTestId('laos-table').locator('tr', { hasText: '6810399' });
    await expectText(row, 'องค์การบริหารส่วนตำบลทดสอบลันตา');
    await expectText(row, 'เกาะลันตา');
    await screenshot(page, 'lao-registry');
    await context.close();
  });

  it('edits an LAO of the registry, with the server’s message under its field, and retires it after saying what that does', async () => {
    const { context, page } = await e2e.open();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, 'admin', 'Admin@2567');
    await openMenu(page, 'admin-laos');
    await choose(page, 'laos-province', 'กระบี่');
    const table = page.getByTestId('laos-table');
    const row = table.locator('tr', { hasText: 'องค์การบริหารส่วนตำบลคลองยาง' });
    const code = (await row.locator('.mono').innerText()).trim();
    expect(code).toMatch(/^\d{7}$/);

    await page.getByTestId(`lao-edit-${code}`).click();
    const dialog = page.getByTestId('lao-dialog');
    await expectText(dialog, `แก้ไขข้อมูล อปท. รหัส ${code}`);
    expect(await page.getByTestId('cl-name').inputValue()).toBe('องค์การบริหารส่วนตำบลคลองยาง');
    expect(await page.getByTestId('cl-code').isDisabled()).toBe(true);
    // Too long a name: the server's words under the name field, nothing saved.
    await page.getByTestId('cl-name').fill('ก'.repeat(201));
    await page.getByTestId('cl-submit').click();
    await expectText(page.locator('.el-form-item', { has: page.getByTestId('cl-name') }), 'ชื่อ อปท. ต้องไม่เกิน 200 ตัวอักษร');
    await screenshot(page, 'lao-edit-error');
    await page.getByTestId('cl-name').fill('องค์การบริหารส่วนตำบลคลองยางใหม่');
    await page.getByTestId('cl-address').fill('หมู่ 3 ตำบลคลองยาง');
    await page.getByTestId('cl-submit').click();
    await expectText(page.locator('.el-message'), 'บันทึกข้อมูล องค์การบริหารส่วนตำบลคลองยางใหม่ แล้ว');
    const edited = table.locator('tr', { hasText: code });
    await expectText(edited, 'องค์การบริหารส่วนตำบลคลองยางใหม่');
    await expectText(edited, 'หมู่ 3 ตำบลคลองยาง');

    // Retiring asks first and says the data stay; cancelling changes nothing.
    await page.getByTestId(`lao-retire-${code}`).click();
    const box = page.locator('.el-message-box');
    await expectText(box, 'ข้อมูลและประวัติทั้งหมดของ อปท. นี้ยังเก็บไว้');
    await expectText(box, 'ไม่แสดงและไม่นับในตารางผลระดับจังหวัดและระดับประเทศ');
    await screenshot(page, 'lao-retire-confirm');
    await box.getByRole('button', { name: 'ยกเลิก', exact: true }).click();
    await box.waitFor({ state: 'hidden' });
    expect((await edited.locator('.el-tag').innerText()).trim()).toBe('ใช้งาน');
    await page.getByTestId(`lao-retire-${code}`).click();
    await box.getByRole('button', { name: 'ยุบรวม/ยกเลิก' }).click();
    await expectText(page.locator('.el-message--success'), 'ยุบรวม/ยกเลิก องค์การบริหารส่วนตำบลคลองยางใหม่ แล้ว');
    await page.getByTestId(`lao-restore-${code}`).waitFor();
    // The status tag changes with a transition: the old one leaves while the new one enters.
    await edited.locator('.el-tag').nth(1).waitFor({ state: 'detached' });
    expect((await edited.locator('.el-tag').innerText()).trim()).toBe('ยุบรวม/ยกเลิก');
    await screenshot(page, 'lao-registry-retired');
    await context.close();
  });

  it('mails a reset link for a forgotten password; the admin finds it in the outbox and it sets a new password', async () => {
    const visitor = await e2e.open();
    await visitor.page.goto('/login');
    await visitor.page.getByTestId('link-forgot-password').click();
    await visitor.page.getByTestId('forgot-username').fill('6810302');
    await visitor.page.getByTestId('forgot-email').fill('6810302@example.go.th');
    await visitor.page.getByTestId('forgot-submit').click();
    await expectText(visitor.page.getByTestId('forgot-sent'), 'ระบบได้ส่งลิงก์สำหรับตั้งรหัสผ่านใหม่');
    await screenshot(visitor.page, 'forgot-password');

    const admin = await e2e.open();
    await signIn(admin.page, 'admin', 'Admin@2567');
    await openMenu(admin.page, 'admin-outbox');
    const row = admin.page.getByTestId('outbox-table').locator('tr', { hasText: '6810302@example.go.th' }).first();
    await expectText(row, 'e-PlanNACC: ตั้งรหัสผ่านใหม่');
    await row.locator('.el-table__expand-icon').click();
    const body = await expectText(admin.page.getByTestId('outbox-body'), '/reset-password?token=');
    expect(body).toContain('ชื่อผู้ใช้งาน 6810302');
    await screenshot(admin.page, 'outbox');
    await admin.context.close();

    const link = body.match(/https?:\/\/\S+\/reset-password\?token=\S+/)![0];
    await visitor.page.goto(link);
    await visitor.page.getByTestId('reset-new').fill('Noi2568reset');
    await visitor.page.getByTestId('reset-confirm').fill('Noi2568reset');
    await visitor.page.getByTestId('reset-submit').click();
    await expectText(visitor.page.getByTestId('reset-done'), 'ตั้งรหัสผ่านใหม่เรียบร้อยแล้ว');

    // The link works once.
    await visitor.page.goto(link);
    await visitor.page.getByTestId('reset-new').fill('Noi2568again');
    await visitor.page.getByTestId('reset-confirm').fill('Noi2568again');
    await visitor.page.getByTestId('reset-submit').click();
    await expectText(visitor.page.getByTestId('reset-error'), 'ลิงก์ตั้งรหัสผ่านใหม่ไม่ถูกต้อง');

    await visitor.page.goto('/login');
    await signIn(visitor.page, '6810302', 'Noi2568reset');
    await expectText(visitor.page.getByTestId('org-name'), 'องค์การบริหารส่วนตำบลเกาะลันตาน้อย');
    await visitor.context.close();
  });

  it('fits the admin pages on a phone: the registry with its buttons and dialogs, the reopenings, the national table and its exports, the import page', async () => {
    const { context, page } = await e2e.open(PHONE);
    await signIn(page, 'admin', 'Admin@2567');

    // The LAO registry: the name and the edit/retire buttons stay on screen however far the table is scrolled.
    await page.goto('/admin/laos');
    await choose(page, 'laos-province', 'กระบี่');
    const table = page.getByTestId('laos-table');
    await expectText(table, 'องค์การบริหารส่วนตำบลเขาพนม');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await reachable(page, '[data-testid="laos-create"]')).toBe(true);
    const row = table.locator('tr', { hasText: 'องค์การบริหารส่วนตำบลเขาพนม' });
    const code = (await row.locator('.mono').innerText()).trim();
    for (const left of [0, 10_000]) {
      await table
        .locator('.el-scrollbar__wrap')
        .first()
        .evaluate((el, x) => (el.scrollLeft = x), left);
      await page.waitForTimeout(200);
      expect(await reachable(page, `[data-testid="lao-edit-${code}"]`)).toBe(true);
      expect(await reachable(page, `[data-testid="lao-retire-${code}"]`)).toBe(true);
      expect(await withinWidth(page, `[data-testid="lao-name-${code}"]`)).toBe(true);
    }
    await screenshot(page, 'phone-lao-registry');

    await page.getByTestId(`lao-edit-${code}`).click();
    await page.getByTestId('cl-submit').waitFor();
    await settle(page);
    for (const id of ['lao-dialog', 'cl-code', 'cl-type', 'cl-name', 'cl-size', 'cl-province', 'cl-district', 'cl-address', 'cl-submit']) {
      await page.getByTestId(id).first().scrollIntoViewIfNeeded();
      expect([id, await withinWidth(page, `[data-testid="${id}"]`)]).toEqual([id, true]);
    }
    await screenshot(page, 'phone-lao-dialog');
    await page.getByTestId('lao-dialog').getByRole('button', { name: 'ยกเลิก', exact: true }).click();
    await page.getByTestId('lao-dialog').waitFor({ state: 'hidden' });

    await page.getByTestId(`lao-retire-${code}`).click();
    const box = page.locator('.el-message-box');
    await box.waitFor();
    await settle(page);
    expect(await withinWidth(page, '.el-message-box')).toBe(true);
    await screenshot(page, 'phone-lao-retire');
    await box.getByRole('button', { name: 'ยกเลิก', exact: true }).click();
    await box.waitFor({ state: 'hidden' });

    // Reopen a round for one LAO, then find it in the list and end it there.
    await page.goto('/admin/years');
    const year = Number((await page.getByTestId('fiscal-year').innerText()).match(/25\d\d/)![0]);
    const nextYear = String(new Date().getFullYear() + 543 + 1);
    await page.getByTestId('reopen-lao').fill(code);
    await choose(page, 'reopen-round', 'รอบ 6 เดือน');
    await choose(page, 'reopen-until-year', nextYear);
    await choose(page, 'reopen-until-month', 'ธันวาคม');
    await choose(page, 'reopen-until-day', '31');
    expect(await reachable(page, '[data-testid="reopen-submit"]')).toBe(true);
    await page.getByTestId('reopen-submit').click();
    await expectText(page.locator('.el-message'), `ให้ อปท. รหัส ${code} รายงานผลได้ถึง`);
    const end = `[data-testid="reopening-end-${year}-SIX_MONTHS"]`;
    await page.locator(end).scrollIntoViewIfNeeded();
    expect(await scrollsSideways(page)).toBe(false);
    expect(await withinWidth(page, '[data-testid="reopenings"]')).toBe(true);
    expect(await reachable(page, end)).toBe(true);
    await screenshot(page, 'phone-reopenings');
    await page.locator(end).click();
    await box.waitFor();
    await settle(page);
    expect(await withinWidth(page, '.el-message-box')).toBe(true);
    await box.getByRole('button', { name: 'ปิดการเปิดรอบ' }).click();
    await page.locator(end).waitFor({ state: 'detached' });

    // The national table with its PDF and Excel buttons.
    await page.goto('/results/province?year=2567');
    await page.getByTestId('scores-show').click();
    await page.getByTestId('national-table').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    for (const id of ['national-export-pdf', 'national-export-xlsx']) {
      expect([id, await reachable(page, `[data-testid="${id}"]`)]).toEqual([id, true]);
    }
    // The whole table, its last shown column (LAOs at the low level) included, within the screen.
    expect(await withinWidth(page, '[data-testid="national-table"]')).toBe(true);
    expect(await withinWidth(page, '[data-testid^="national-row-"] td.level-low-count')).toBe(true);
    expect(await reachable(page, '[data-testid^="national-open-"]')).toBe(true);
    await screenshot(page, 'phone-national-scores');

    // The import page: the kinds, the file and the start button on screen.
    await page.goto('/admin/imports');
    await page.getByTestId('import-kind').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    for (const id of ['import-kind', 'import-file-name', 'import-start']) {
      expect([id, await withinWidth(page, `[data-testid="${id}"]`)]).toEqual([id, true]);
    }
    // Each kind inside the card, not only the window.
    const card = (await page.locator('.card').first().boundingBox())!;
    const kinds = page.locator('[data-testid^="import-kind-"]');
    for (let i = 0; i < (await kinds.count()); i++) {
      const box = (await kinds.nth(i).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width);
    }
    await screenshot(page, 'phone-imports');
    await context.close();
  });

  it('keeps the same admin pages within a laptop’s screen', async () => {
    const { context, page } = await e2e.open(LAPTOP);
    await signIn(page, 'admin', 'Admin@2567');
    for (const [path, name] of [
      ['/admin/laos', 'laptop-lao-registry'],
      ['/admin/years', 'laptop-year-settings'],
      ['/results/province?year=2567', 'laptop-national-scores'],
      ['/admin/imports', 'laptop-imports'],
    ]) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      if (path === '/admin/laos') {
        await choose(page, 'laos-province', 'กระบี่');
        await expectText(page.getByTestId('laos-table'), 'องค์การบริหารส่วนตำบลเขาพนม');
      }
      if (path.startsWith('/results')) {
        await page.getByTestId('scores-show').click();
        await page.getByTestId('national-table').waitFor();
      }
      expect([path, await scrollsSideways(page)]).toEqual([path, false]);
      await screenshot(page, name);
    }
    await context.close();
  });
});
