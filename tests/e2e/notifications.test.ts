import { createHmac } from 'node:crypto';
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
  seriousA11yViolations,
  scrollsSideways,
  signIn,
  withinWidth,
} from './harness';

jest.setTimeout(180_000);

/** The demo's Krabi office, its live LAO (reports still waiting in the current year) and NACC central. */
const KRABI = { username: 'nacc81', password: 'Province@2567' };
const ADMIN = { username: 'admin', password: 'Admin@2567' };
const LIVE_LAO = { username: '6810253', password: 'Lao@2567' };

/** The bell's unread count as the page says it to a screen reader, 0 when it says there is none. */
async function bellCount(page: Page): Promise<number> {
  const label = (await page.getByTestId('notification-bell').getAttribute('aria-label')) ?? '';
  if (label === 'การแจ้งเตือน ไม่มีรายการที่ยังไม่อ่าน') return 0;
  const match = /^การแจ้งเตือน ยังไม่อ่าน (\d+) รายการ$/.exec(label);
  if (!match) throw new Error(`the bell says ${JSON.stringify(label)}`);
  return Number(match[1]);
}

/** Waits until the bell shows `n` unread (its badge too). */
async function bellShows(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (count) =>
      document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ===
      (count ? `การแจ้งเตือน ยังไม่อ่าน ${count} รายการ` : 'การแจ้งเตือน ไม่มีรายการที่ยังไม่อ่าน'),
    n,
  );
  if (n) expect(await page.getByTestId('notification-bell-count').innerText()).toBe(String(n));
  else expect(await page.getByTestId('notification-bell-count').count()).toBe(0);
}

/**
 * การแจ้งเตือน in Chromium, at a laptop's and a phone's width: the Krabi office reminds its live LAO from the
 * follow-up table (once a day: the second press is refused in Thai); the LAO's bell then counts the notice,
 * its list shows it with the date in the Buddhist Era, opening it goes to the reports and lowers the count,
 * อ่านทั้งหมดแล้ว clears it. Settings are saved and read back after a reload; ADMIN sets the reminder days,
 * sees the scheduled jobs and reopens a round from the follow-up table.
 */
describeE2E('notifications, in Chromium', () => {
  const e2e = e2eSuite();

  // Each size reminds of its own round: the server sends one reminder per LAO, round and day.
  for (const [size, round, roundLabel] of [
    [LAPTOP, 'SIX_MONTHS', 'รอบ 6 เดือน'],
    [PHONE, 'TWELVE_MONTHS', 'รอบ 12 เดือน'],
  ] as const) {
    it(`lets a province office remind an LAO from the follow-up table, and the LAO's bell count it, ${size.width}px`, async () => {
      const office = await e2e.open(size);
      await signIn(office.page, KRABI.username, KRABI.password);
      await office.page.goto('/follow-up');
      await choose(office.page, 'scores-round', roundLabel);
      await office.page.getByTestId('scores-show').click();
      const remind = office.page.getByTestId(`follow-up-remind-${LIVE_LAO.username}`);
      await remind.waitFor();
      const waiting = Number(await office.page.getByTestId(`follow-up-waiting-${LIVE_LAO.username}`).innerText());
      expect(waiting).toBeGreaterThan(0);
      // A province office does not reopen rounds: that is NACC central's.
      expect(await office.page.locator('[data-testid^="follow-up-reopen-"]').count()).toBe(0);
      if (size === PHONE) {
        await remind.scrollIntoViewIfNeeded();
        expect(await withinWidth(office.page, `[data-testid="follow-up-remind-${LIVE_LAO.username}"]`)).toBe(true);
        expect(await scrollsSideways(office.page)).toBe(false);
      }
      await remind.click();
      await expectText(
        office.page.locator('.el-message--success'),
        new RegExp(`ส่งการเตือนถึงเจ้าหน้าที่ของ .+ แล้ว \\d+ คน \\(รอการรายงาน ${waiting} โครงการ\\)`),
      );
      await screenshot(office.page, `notices-remind-${size.width}`);
      expect(await seriousA11yViolations(office.page)).toEqual([]);
      // Pressed again the same day: refused, and said why in Thai.
      await remind.click();
      await expectText(office.page.locator('.el-message--error'), 'วันนี้ได้ส่งการเตือนถึง อปท. นี้สำหรับรอบนี้แล้ว (ส่งได้วันละ 1 ครั้ง)');
      await office.context.close();

      const lao = await e2e.open(size);
      await signIn(lao.page, LIVE_LAO.username, LIVE_LAO.password);
      await lao.page.getByTestId('notification-bell-count').waitFor();
      const unread = await bellCount(lao.page);
      expect(unread).toBeGreaterThanOrEqual(1);
      await bellShows(lao.page, unread);
      if (size === PHONE) expect(await withinWidth(lao.page, '[data-testid="notification-bell"]')).toBe(true);
      await screenshot(lao.page, `notices-bell-${size.width}`);

      // The list, newest first: the office's reminder on top, unread, dated in the Buddhist Era.
      await lao.page.getByTestId('notification-bell').click();
      await lao.page.waitForURL(/\/notifications/);
      const first = lao.page.getByTestId('notifications-list').locator('li').first();
      await expectText(first, new RegExp(`สำนักงาน ป\\.ป\\.ช\\. ประจำจังหวัดกระบี่ ขอให้รายงานผล${roundLabel} ปีงบประมาณ พ\\.ศ\\. 25\\d\\d`));
      await expectText(first, `เหลือ ${waiting} โครงการที่ยังไม่รายงานผล ${roundLabel}`);
      await expectText(first, 'ยังไม่อ่าน');
      const thaiYear = String(new Date().getFullYear() + 543);
      expect(await first.locator('time').innerText()).toContain(thaiYear);
      await expectText(lao.page.getByTestId('notifications-unread'), `ยังไม่อ่าน ${unread} รายการ`);
      if (size === PHONE) expect(await scrollsSideways(lao.page)).toBe(false);
      await screenshot(lao.page, `notices-list-${size.width}`);
      // The list with an unread notice and the bell with its badge: nothing axe-core calls serious.
      expect(await seriousA11yViolations(lao.page)).toEqual([]);

      // Opening it goes to the round's reports and counts it read.
      await first.getByTestId('notification-open').click();
      await lao.page.waitForURL(new RegExp(`/reports\\?.*round=${round}`));
      await bellShows(lao.page, unread - 1);
      await lao.page.goBack();
      await expectText(lao.page.getByTestId('notifications-list').locator('li').first(), 'อ่านแล้ว');

      // อ่านทั้งหมดแล้ว: nothing unread is left, on the server too (a reload asks it again).
      if (unread > 1) {
        await lao.page.getByTestId('notifications-read-all').click();
        await expectText(lao.page.locator('.el-message--success'), `ทำเครื่องหมายว่าอ่านแล้ว ${unread - 1} รายการ`);
      }
      await bellShows(lao.page, 0);
      await expectText(lao.page.getByTestId('notifications-unread'), 'อ่านทุกรายการแล้ว');
      expect(await lao.page.getByTestId('notifications-read-all').isDisabled()).toBe(true);
      await lao.page.reload();
      await lao.page.getByTestId('notifications-list').waitFor();
      await bellShows(lao.page, 0);
      expect(await lao.page.getByTestId('notification-unread').count()).toBe(0);
      await lao.context.close();
    });
  }

  for (const size of [LAPTOP, PHONE]) {
    it(`saves an officer's notification settings and shows them after a reload, ${size.width}px`, async () => {
      const { context, page } = await e2e.open(size);
      await signIn(page, LIVE_LAO.username, LIVE_LAO.password);
      if (size === PHONE) await page.goto('/notifications/settings');
      else await openMenu(page, 'notification-settings');
      await page.getByTestId('notification-settings').waitFor();
      const checked = async (testid: string) => ((await page.getByTestId(testid).getAttribute('class')) ?? '').includes('is-checked');
      const before = { email: await checked('setting-email'), deadline: await checked('setting-deadline-reminders') };
      // No LINE account is linked: its switch cannot be turned on, and the page says why.
      await expectText(page.getByTestId('setting-line-state'), 'ยังไม่ได้เชื่อมบัญชี LINE');
      expect(((await page.getByTestId('setting-line').getAttribute('class')) ?? '').includes('is-disabled')).toBe(true);
      await page.getByTestId('setting-email').click();
      await page.getByTestId('setting-deadline-reminders').click();
      if (size === PHONE) expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, `notices-settings-${size.width}`);
      await page.getByTestId('notification-settings-save').click();
      await expectText(page.locator('.el-message--success'), 'บันทึกการตั้งค่าการแจ้งเตือนแล้ว');

      await page.reload();
      await page.getByTestId('notification-settings').waitFor();
      expect(await checked('setting-email')).toBe(!before.email);
      expect(await checked('setting-deadline-reminders')).toBe(!before.deadline);
      await context.close();
    });
  }

  it('lets ADMIN set the reminder days of a round, see the scheduled jobs, and reopen an LAO’s round from the follow-up table', async () => {
    const { context, page } = await e2e.open(LAPTOP);
    await signIn(page, ADMIN.username, ADMIN.password);
    await openMenu(page, 'admin-reminders');
    await page.getByTestId('reminder-schedule').waitFor();
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="reminder-days-SIX_MONTHS"]') as HTMLInputElement)?.value === '21, 14, 7, 1',
    );
    expect(await page.getByTestId('reminder-days-SIX_MONTHS').inputValue()).toBe('21, 14, 7, 1');

    // Out of range: said in Thai under the field, nothing saved.
    await page.getByTestId('reminder-days-SIX_MONTHS').fill('30, 70');
    await page.getByTestId('reminder-save-SIX_MONTHS').click();
    await expectText(page.getByTestId('reminder-error-SIX_MONTHS'), 'กรุณาใส่จำนวนวันเป็นตัวเลขจำนวนเต็ม 0–60');
    await page.getByTestId('reminder-days-SIX_MONTHS').fill('3, 30 ,10');
    await page.getByTestId('reminder-save-SIX_MONTHS').click();
    await expectText(page.locator('.el-message--success'), 'บันทึกวันเตือนรอบ 6 เดือนแล้ว: 30, 10, 3');
    await page.getByTestId('scheduled-jobs').waitFor();
    await screenshot(page, 'notices-admin-reminders');
    await page.reload();
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="reminder-days-SIX_MONTHS"]') as HTMLInputElement)?.value === '30, 10, 3',
    );
    expect(await page.getByTestId('reminder-days-TWELVE_MONTHS').inputValue()).toBe('21, 14, 7, 1');

    // Reopen the live LAO's round from its row of the follow-up table.
    await page.goto('/follow-up?round=SIX_MONTHS&province=81');
    const reopen = page.getByTestId(`follow-up-reopen-${LIVE_LAO.username}`);
    await reopen.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await reopen.click();
    const nextYear = String(new Date().getFullYear() + 543 + 1);
    await choose(page, 'follow-up-reopen-until-year', nextYear);
    await choose(page, 'follow-up-reopen-until-month', 'ธันวาคม');
    await choose(page, 'follow-up-reopen-until-day', '31');
    await screenshot(page, 'notices-reopen-dialog');
    await page.getByTestId('follow-up-reopen-save').click();
    await expectText(page.locator('.el-message--success'), `ให้ อปท. รหัส ${LIVE_LAO.username} รายงานผลได้ถึง 31 ธ.ค. ${nextYear}`);
    // The table is asked again: the row says until when it is reopened.
    const row = page
      .getByTestId('follow-up-table')
      .locator('tbody tr.el-table__row', { has: page.getByTestId(`follow-up-open-${LIVE_LAO.username}`) });
    await expectText(row, `31 ธ.ค. ${nextYear}`);
    await context.close();
  });
});

/** The channel secret of the LINE Official Account the server below stands for. */
const LINE_SECRET = 'e2e-line-channel-secret';

/** A text message to the Official Account from a LINE user, as LINE's webhook posts it, with its signature. */
function lineMessage(from: string, text: string): { body: string; signature: string } {
  const body = JSON.stringify({
    destination: 'Uofficialaccount',
    events: [
      {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        webhookEventId: `ev-${Date.now()}`,
        deliveryContext: { isRedelivery: false },
        replyToken: `reply-${Date.now()}`,
        source: { type: 'user', userId: from },
        message: { id: '1', type: 'text', text },
      },
    ],
  });
  return { body, signature: createHmac('sha256', LINE_SECRET).update(body).digest('base64') };
}

/**
 * With LINE set up: an officer links a LINE account by the one-time code (sent to the Official Account, which
 * here is the test posting LINE's signed webhook call), turns LINE on, and unlinks; ADMIN sends a test notice
 * and sends a delivery of the log again.
 */
describeE2E('notifications by LINE, in Chromium', () => {
  // Replies to LINE users go to a closed port: the linking does not wait for them.
  const e2e = e2eSuite({
    LINE_CHANNEL_ACCESS_TOKEN: 'e2e-token',
    LINE_CHANNEL_SECRET: LINE_SECRET,
    LINE_API_BASE_URL: 'http://127.0.0.1:9',
  });

  for (const size of [LAPTOP, PHONE]) {
    it(`links an officer's LINE account by a one-time code and unlinks it, ${size.width}px`, async () => {
      const { context, page } = await e2e.open(size);
      await signIn(page, LIVE_LAO.username, LIVE_LAO.password);
      await page.goto('/notifications/settings');
      await page.getByTestId('line-request-code').click();
      const code = await page.getByTestId('line-code').innerText();
      expect(code).toMatch(/^[A-Z0-9]{8}$/);
      await expectText(page.getByTestId('line-instructions'), `เพิ่มเพื่อนบัญชีทางการ LINE ของระบบ e-PlanNACC แล้วส่งรหัส ${code} ในแชต`);
      await expectText(page.getByTestId('line-code-expires'), /ใช้ได้ครั้งเดียว ภายใน \d+ \S+ 25\d\d \d\d:\d\d น\./);
      if (size === PHONE) expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, `notices-line-code-${size.width}`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Checked before the code is sent: not yet, said in Thai.
      await page.getByTestId('line-check').click();
      await expectText(page.locator('.el-message--warning'), 'ยังไม่ได้รับรหัสจาก LINE');

      // The officer sends the code in LINE: LINE calls the server's webhook, signed.
      const { body, signature } = lineMessage(`U${String(size.width).padStart(32, '0')}`, code);
      const answer = await fetch(`${e2e.server.url}/line/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-line-signature': signature },
        body,
      });
      expect(answer.status).toBe(200);
      await page.getByTestId('line-check').click();
      await expectText(page.locator('.el-message--success'), 'เชื่อมบัญชี LINE แล้ว');
      await expectText(page.getByTestId('setting-line-state'), 'เชื่อมบัญชี LINE แล้ว');
      expect(((await page.getByTestId('setting-line').getAttribute('class')) ?? '').includes('is-disabled')).toBe(false);
      await page.getByTestId('line-unlink').waitFor();

      // Unlinked (after saying what it means): LINE is off again, and a new code can be asked for.
      await page.getByTestId('line-unlink').click();
      const box = page.locator('.el-message-box');
      await expectText(box, 'ระบบจะไม่ส่งการแจ้งเตือนทาง LINE อีก');
      await box.getByRole('button', { name: 'ยกเลิกการเชื่อมบัญชี LINE' }).click();
      await expectText(page.locator('.el-message--success'), 'ยกเลิกการเชื่อมบัญชี LINE แล้ว');
      await page.getByTestId('line-request-code').waitFor();
      await page.reload();
      await expectText(page.getByTestId('setting-line-state'), 'ยังไม่ได้เชื่อมบัญชี LINE');
      await context.close();
    });
  }

  it('lets ADMIN send a test notice and send a delivery of the log again', async () => {
    const { context, page } = await e2e.open(LAPTOP);
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.goto('/admin/reminders');
    await page.getByTestId('delivery-log').waitFor();
    await page.getByTestId('delivery-test-EMAIL').click();
    await expectText(page.locator('.el-message'), /เข้าคิวการทดสอบส่งทางอีเมลแล้ว|อีเมล/);
    const rows = page.getByTestId('delivery-log-table').locator('tbody tr.el-table__row');
    await rows.first().waitFor();
    await expectText(rows.first(), 'อีเมล');
    await expectText(rows.first(), /รอส่ง|ส่งแล้ว|ส่งไม่สำเร็จ/);
    await expectText(page.getByTestId('delivery-log-total'), /ทั้งหมด [1-9]\d* รายการ/);
    await screenshot(page, 'notices-delivery-log');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const retry = rows.first().locator('[data-testid^="delivery-retry-"]');
    if (await retry.count()) {
      await retry.click();
      await expectText(page.locator('.el-message--success'), 'นำรายการกลับเข้าคิวส่งใหม่แล้ว');
    }
    await context.close();
  });
});
