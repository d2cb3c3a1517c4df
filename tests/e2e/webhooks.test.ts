import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../../server/src/core/clock';
import { deliverWebhooks } from '../../server/src/modules/webhook/webhook.worker';
import { CreateWebhookDocument, WebhookTriggerWindowDocument } from '../gql/graphql';
import { postGql } from '../support/post-gql';
import { browserAuth, describeE2E, e2eSuite, expectText, screenshot, signIn } from './harness';

jest.setTimeout(90_000);

describeE2E('the webhook delivery log, in Chromium', () => {
  const e2e = e2eSuite({ WEBHOOK_ALLOW_PRIVATE: '1' });

  it('shows the admin a delivery the receiver refused, and sends it again from the log (1366 and 375 px)', async () => {
    // A calling system's receiver that is down: it answers 500.
    const receiver = http.createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/eplan`;
    try {
      const { context, page } = await e2e.open();
      await signIn(page, 'admin', 'Admin@2567');
      const auth = await browserAuth(context, e2e.server);
      const created = await postGql(e2e.server.url, CreateWebhookDocument, { input: { url: hookUrl, events: ['round.scheduled'] } }, auth);
      expect(created.errors).toBeUndefined();
      expect((await postGql(e2e.server.url, WebhookTriggerWindowDocument, { y: 2566 }, auth)).errors).toBeUndefined();
      await deliverWebhooks(e2e.server.db, systemClock);

      await page.goto('/admin/webhooks');
      const hooks = page.getByTestId('webhooks-table');
      await expectText(hooks, hookUrl);
      await expectText(hooks, 'round.scheduled');
      await hooks.locator('tbody tr', { hasText: hookUrl }).click();
      const log = page.getByTestId('webhook-deliveries');
      await expectText(log.getByTestId('delivery-status').first(), 'รอส่ง');
      await expectText(log, 'HTTP 500');
      await screenshot(page, 'webhooks-log');

      await log.getByTestId('delivery-redeliver').first().click();
      await expectText(page.locator('.el-message'), /จะส่งเหตุการณ์ \d+ อีกครั้งในรอบถัดไป/);
      await expectText(log, 'รอส่ง');

      await context.close();

      // On a phone the page scrolls down, not sideways, and the button is reachable.
      const phone = await e2e.browser.newContext({
        baseURL: e2e.server.url,
        viewport: { width: 375, height: 812 },
        locale: 'th-TH',
        timezoneId: 'Asia/Bangkok',
      });
      const small = await phone.newPage();
      await signIn(small, 'admin', 'Admin@2567');
      await small.goto('/admin/webhooks');
      await small.getByTestId('webhooks-table').locator('tbody tr', { hasText: hookUrl }).click();
      const button = small.getByTestId('delivery-redeliver').first();
      await button.scrollIntoViewIfNeeded();
      const box = (await button.boundingBox())!;
      expect(box.x >= 0 && box.x + box.width <= 375).toBe(true);
      expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await screenshot(small, 'webhooks-log-phone');
      await phone.close();
    } finally {
      receiver.close();
    }
  });
});
