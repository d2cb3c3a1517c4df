import { isIP } from 'node:net';
import type { AppContext } from '../../core/context';
import { randomToken } from '../../core/crypto';
import { execute } from '../../core/db';
import { badInput, notFound } from '../../core/errors';
import { allow, Permission } from '../access/policy';
import { recordAudit } from '../audit/audit.service';
import { CHANGE_EVENT_NAMES, isChangeEventName } from '../audit/change-events';
import { DeliveryStatus, Webhook, WebhookDelivery } from './webhook.entity';
import type { CreateWebhookInput } from './webhook.inputs';

const refuse = (field: string, message: string) => badInput([{ field, message }], message);

/** Loopback, private, link-local and unique-local addresses: inside the data centre, not a calling system's receiver. */
const PRIVATE = /^(localhost|127\.|10\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.|0\.|\[?::1\]?$|\[?f[cd]|\[?fe80:)/i;

/** The receiver's address, checked: http(s), no credentials, not inside the network unless allowed (WEBHOOK_ALLOW_PRIVATE). */
function receiverUrl(ctx: AppContext, raw: string): string {
  const text = raw.trim();
  let url: URL | null = null;
  try {
    url = text.length <= 500 ? new URL(text) : null;
  } catch {
    url = null;
  }
  if (!url || !['https:', 'http:'].includes(url.protocol) || url.username || url.password || url.toString().length > 500) {
    throw refuse(
      'url',
      'ที่อยู่ผู้รับต้องเป็น https:// หรือ http:// ยาวไม่เกิน 500 ตัวอักษร และไม่มีชื่อผู้ใช้หรือรหัสผ่าน (url must be http(s), ≤ 500 characters, without credentials)',
    );
  }
  const host = url.hostname;
  if (!ctx.config.webhookAllowPrivate && (PRIVATE.test(host) || (isIP(host) === 0 && !host.includes('.')))) {
    throw refuse('url', 'ที่อยู่ผู้รับต้องเป็นที่อยู่สาธารณะ ไม่ใช่เครื่องในเครือข่ายภายใน (url must be a public address)');
  }
  return url.toString();
}

/** The webhooks the caller may see: its own; ADMIN every one. */
const visible = (ctx: AppContext) => (allow(ctx.user, Permission.ADMINISTER) ? {} : { ownerId: ctx.user!.id });

/** Subscribes the caller's system to events of the change feed from now on; the secret is returned this once. */
export async function createWebhook(ctx: AppContext, input: CreateWebhookInput): Promise<{ webhook: Webhook; secret: string }> {
  const url = receiverUrl(ctx, input.url);
  const events = [...new Set(input.events)];
  const unknown = events.filter((e) => !isChangeEventName(e));
  if (!events.length || unknown.length || events.length > CHANGE_EVENT_NAMES.length) {
    throw refuse(
      'events',
      `เลือกเหตุการณ์อย่างน้อยหนึ่งรายการจาก: ${CHANGE_EVENT_NAMES.join(', ')}${unknown.length ? ` (ไม่รู้จัก: ${unknown.slice(0, 5).join(', ')})` : ''}`,
    );
  }
  const [{ last }]: Array<{ last: number | string }> = await ctx.em.query('SELECT last_seq AS last FROM change_sequence WHERE id = 1');
  const secret = `whsec_${randomToken()}`;
  const repo = ctx.em.getRepository(Webhook);
  const webhook = await repo.save(
    repo.create({ ownerId: ctx.user!.id, url, events: events.join(','), secret, cursorSeq: Number(last), createdAt: ctx.clock.now() }),
  );
  await recordAudit(ctx, { action: 'createWebhook', targetType: 'Webhook', targetId: webhook.id, after: { url, events } });
  return { webhook, secret };
}

export async function deleteWebhook(ctx: AppContext, id: number): Promise<boolean> {
  const webhook = await ctx.em.getRepository(Webhook).findOneBy({ id, ...visible(ctx) });
  if (!webhook) throw notFound('ไม่พบ webhook นี้');
  await ctx.em.getRepository(WebhookDelivery).delete({ webhookId: id });
  await ctx.em.getRepository(Webhook).delete({ id });
  await recordAudit(ctx, {
    action: 'deleteWebhook',
    targetType: 'Webhook',
    targetId: id,
    before: { url: webhook.url, events: webhook.events },
  });
  return true;
}

export const listWebhooks = (ctx: AppContext) => ctx.em.getRepository(Webhook).find({ where: visible(ctx), order: { id: 'ASC' } });

/** The latest deliveries of a webhook the caller may see, newest first. */
export async function listDeliveries(ctx: AppContext, webhookId: number, first: number): Promise<WebhookDelivery[]> {
  if (!(await ctx.em.getRepository(Webhook).existsBy({ id: webhookId, ...visible(ctx) }))) throw notFound('ไม่พบ webhook นี้');
  return ctx.em.getRepository(WebhookDelivery).find({ where: { webhookId }, order: { id: 'DESC' }, take: first });
}

/** Sends a delivery again, from its first attempt, at the worker's next pass (delivered or failed alike). */
export async function redeliver(ctx: AppContext, deliveryId: number): Promise<WebhookDelivery> {
  const delivery = await ctx.em.getRepository(WebhookDelivery).findOneBy({ id: deliveryId });
  if (!delivery || !(await ctx.em.getRepository(Webhook).existsBy({ id: delivery.webhookId, ...visible(ctx) }))) {
    throw notFound('ไม่พบรายการส่งนี้');
  }
  const before = { status: delivery.status, attempts: delivery.attempts };
  Object.assign(delivery, {
    status: DeliveryStatus.PENDING,
    attempts: 0,
    nextAttemptAt: ctx.clock.now(),
    leaseOwner: null,
    leaseUntil: null,
  });
  await ctx.em.getRepository(WebhookDelivery).save(delivery);
  // Asked for by its owner: sent at the next pass even if its receiver's failures had paused the webhook.
  await execute(ctx.em, 'UPDATE webhook SET paused_until = NULL WHERE id = ?', [delivery.webhookId]);
  await recordAudit(ctx, {
    action: 'redeliverWebhook',
    targetType: 'WebhookDelivery',
    targetId: deliveryId,
    before,
    after: { status: delivery.status },
  });
  return delivery;
}
