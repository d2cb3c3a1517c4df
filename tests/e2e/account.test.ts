import { choose, describeE2E, e2eSuite, expectText, openMenu, screenshot, signIn } from './harness';

jest.setTimeout(90_000);

describeE2E('accounts and sign-in, in Chromium', () => {
  const e2e = e2eSuite();

  it('signs an LAO officer in and shows the shell with the LAO, its district and province and the LAO menu', async () => {
    const { context, page } = await e2e.open();
    await page.goto('/');
    await page.waitForURL(/\/login$/);
    await expectText(page.locator('h1'), 'เข้าสู่ระบบ');
    await expectText(page.getByTestId('link-username-lookup'), 'ค้นหาชื่อผู้ใช้งาน (username)');
    await expectText(page.getByTestId('link-forgot-password'), 'ลืมรหัสผ่าน ?');
    await screenshot(page, 'login');

    await signIn(page, '6800707', 'Lao@2567');
    await expectText(page.getByTestId('org-name'), 'องค์การบริหารส่วนตำบลขอนหาด');
    const place = await expectText(page.getByTestId('org-place'), 'ชะอวด');
    expect(place).toContain('นครศรีธรรมราช');
    await expectText(page.getByTestId('user-name'), 'นางสาวอนุศาสน์ อภัยรัตน์');
    await expectText(page.getByTestId('fiscal-year'), /พ\.ศ\. 25\d\d/);

    const menu = await page.getByTestId('menu').innerText();
    for (const label of [
      'หน้าหลัก',
      'ข้อมูลพื้นฐาน',
      'เปลี่ยนรหัสผ่าน',
      'จัดการโครงการ',
      'สร้างโครงการ',
      'แก้ไขโครงการ',
      'พิมพ์แผนปฏิบัติการป้องกันการทุจริต',
      'บันทึกรายงานผลโครงการ',
      'ขอเพิ่ม/ลดโครงการ',
      'ดูผลการดำเนินงาน',
      'ภาพรวมของการดำเนินงานตามแผนราย อปท.',
      'ผลการดำเนินงานตามแผน',
      'คะแนน SAR',
      'ออกจากระบบ',
    ]) {
      expect(menu).toContain(label);
    }
    expect(menu).not.toContain('จัดการผู้ใช้งาน');
    // An LAO reads its own LAO, and its own province's score table (PRODUCT.md §1); reviews are NACC's.
    expect(menu).toContain('ผลการนำแผนฯไปปฏิบัติระดับจังหวัด');
    expect(menu).not.toContain('คำขอรอการอนุมัติ');

    const current = (await page.getByTestId('fiscal-year').innerText()).trim();
    await expectText(page.getByTestId('home-year'), `สถานะการดำเนินงานของปีงบประมาณ ${current}`);
    await screenshot(page, 'home-lao');

    // Another fiscal year: it goes into the URL and follows the user to the next page.
    await page.getByTestId('fiscal-year').click();
    const options = (await page.getByRole('option').allInnerTexts()).map((o) => o.trim());
    expect(options).toContain(current);
    const other = options.find((o) => o !== current)!;
    expect(other).toMatch(/^พ\.ศ\. 25\d\d$/);
    await page.getByRole('option', { name: other, exact: true }).click();
    const year = other.replace('พ.ศ. ', '');
    await page.waitForURL(new RegExp(`[?&]year=${year}`));
    await expectText(page.getByTestId('home-year'), `สถานะการดำเนินงานของปีงบประมาณ ${other}`);

    // The chosen year follows the user from page to page.
    await openMenu(page, 'project-list');
    expect(new URL(page.url()).searchParams.get('year')).toBe(year);
    await expectText(page.getByTestId('fiscal-year'), other);

    // The session survives a reload (cookie), and signing out ends it.
    await page.reload();
    await expectText(page.getByTestId('org-name'), 'องค์การบริหารส่วนตำบลขอนหาด');
    await page.getByTestId('header-sign-out').click();
    await page.waitForURL(/\/login/);
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await context.close();
  });

  it('locks an account after five wrong passwords and counts down the time left in Thai', async () => {
    const { context, page } = await e2e.open();
    await page.goto('/login');
    await page.getByTestId('login-username').fill('6810303');
    for (let attempt = 1; attempt <= 4; attempt++) {
      await page.getByTestId('login-password').fill(`Wrong${attempt}pass`);
      await page.getByTestId('login-submit').click();
      await expectText(page.getByTestId('login-error'), `เหลือโอกาสอีก ${5 - attempt} ครั้ง`);
    }
    await page.getByTestId('login-password').fill('Wrong5pass');
    await page.getByTestId('login-submit').click();
    const message = await expectText(page.getByTestId('login-error'), 'ถูกล็อกชั่วคราว');
    expect(message).toContain('กรอกรหัสผ่านผิดครบ 5 ครั้ง');
    // The wait is said once, by the countdown.
    expect(message.match(/อีก \d+ นาที/g)).toHaveLength(1);
    const first = await expectText(page.getByTestId('lock-countdown'), /เข้าสู่ระบบได้อีกครั้งในอีก 4 นาที \d\d วินาที/);
    await screenshot(page, 'locked');
    await expect(page.getByTestId('login-submit').isDisabled()).resolves.toBe(true);

    // The countdown is live: it moves on by itself (within a few seconds).
    let later = first;
    for (const deadline = Date.now() + 5_000; later === first && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 100));
      later = await page.getByTestId('lock-countdown').innerText();
    }
    expect(later).not.toBe(first);
    expect(later).toMatch(/เข้าสู่ระบบได้อีกครั้งในอีก \d+ นาที \d\d วินาที/);

    // Even the right password is refused while the lock lasts (another tab, same account).
    const other = await e2e.open();
    await other.page.goto('/login');
    await other.page.getByTestId('login-username').fill('6810303');
    await other.page.getByTestId('login-password').fill('Lao@2567');
    await other.page.getByTestId('login-submit').click();
    await expectText(other.page.getByTestId('login-error'), 'ถูกล็อกชั่วคราว');
    await other.context.close();
    await context.close();
  });

  it('looks up a username by province and district, signed out', async () => {
    const { context, page } = await e2e.open();
    await page.goto('/login');
    await page.getByTestId('link-username-lookup').click();
    await page.waitForURL(/\/username-lookup$/);
    await expectText(page.getByTestId('lookup-table'), 'กรุณาเลือกจังหวัดและอำเภอ');

    await choose(page, 'lookup-province', 'กระบี่');
    await choose(page, 'lookup-district', 'เกาะลันตา');
    const row = page.getByTestId('lookup-table').locator('tr', { hasText: 'องค์การบริหารส่วนตำบลคลองยาง' });
    await expectText(row, '6810304');
    const table = await page.getByTestId('lookup-table').innerText();
    expect(table).toContain('เทศบาลตำบลเกาะลันตาใหญ่');
    expect(table).not.toContain('เขาพนม');
    await screenshot(page, 'username-lookup');
    await context.close();
  });

  it('changes a password: current once, new twice, then signs in again with the new one', async () => {
    const { context, page } = await e2e.open();
    await signIn(page, '6810301', 'Lao@2567');
    await openMenu(page, 'change-password');
    await page.waitForURL(/\/account\/password/);

    // The two new passwords must match (checked before anything is sent).
    await page.getByTestId('cp-current').fill('Lao@2567');
    await page.getByTestId('cp-new').fill('Lanta2568ok');
    await page.getByTestId('cp-confirm').fill('Lanta2568no');
    await page.getByTestId('cp-submit').click();
    await expectText(page.locator('.el-form-item', { has: page.getByTestId('cp-confirm') }), 'รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน');

    // A wrong current password: the server's message under that field.
    await page.getByTestId('cp-current').fill('NotMine123');
    await page.getByTestId('cp-confirm').fill('Lanta2568ok');
    await page.getByTestId('cp-submit').click();
    await expectText(page.locator('.el-form-item', { has: page.getByTestId('cp-current') }), 'รหัสผ่านเดิมไม่ถูกต้อง');

    // A new password the server's rule refuses.
    await page.getByTestId('cp-current').fill('Lao@2567');
    await page.getByTestId('cp-new').fill('short');
    await page.getByTestId('cp-confirm').fill('short');
    await page.getByTestId('cp-submit').click();
    await expectText(page.locator('.el-form-item', { has: page.getByTestId('cp-new') }), 'รหัสผ่านต้องมี 8');

    await page.getByTestId('cp-new').fill('Lanta2568ok');
    await page.getByTestId('cp-confirm').fill('Lanta2568ok');
    await page.getByTestId('cp-submit').click();
    await expectText(page.getByTestId('cp-done'), 'กรุณาออกจากระบบ แล้วเข้าสู่ระบบใหม่ด้วยรหัสผ่านที่ตั้งใหม่');
    await screenshot(page, 'change-password');

    await page.getByTestId('cp-sign-out').click();
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-username').fill('6810301');
    await page.getByTestId('login-password').fill('Lao@2567');
    await page.getByTestId('login-submit').click();
    await expectText(page.getByTestId('login-error'), 'ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง');

    await signIn(page, '6810301', 'Lanta2568ok');
    await expectText(page.getByTestId('org-name'), 'องค์การบริหารส่วนตำบลเกาะลันตาใหญ่');
    await context.close();
  });
});

describeE2E('sign-in under a rate limit, in Chromium', () => {
  const e2e = e2eSuite({ RATE_LIMIT_LOGIN_ADDRESS: '2/10m' });

  it('says in Thai that there were too many tries and how long to wait, and holds the button until then', async () => {
    const { context, page } = await e2e.open();
    await page.goto('/login');
    await page.getByTestId('login-username').fill('6810304');
    for (let attempt = 1; attempt <= 2; attempt++) {
      await page.getByTestId('login-password').fill(`Wrong${attempt}pass`);
      await page.getByTestId('login-submit').click();
      await expectText(page.getByTestId('login-error'), `เหลือโอกาสอีก ${5 - attempt} ครั้ง`);
    }
    await page.getByTestId('login-password').fill('Lao@2567');
    await page.getByTestId('login-submit').click();
    const message = await expectText(page.getByTestId('login-error'), 'บ่อยเกินกำหนด');
    expect(message).toContain('มีการเข้าสู่ระบบจากเครือข่ายนี้บ่อยเกินกำหนด');
    expect(message).not.toContain('กรุณาลองใหม่ในอีก');
    await expectText(page.getByTestId('lock-countdown'), /เข้าสู่ระบบได้อีกครั้งในอีก (10 นาที|9 นาที \d+ วินาที)/);
    await expect(page.getByTestId('login-submit').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'rate-limited');
    await context.close();
  });
});
