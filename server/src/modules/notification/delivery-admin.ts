import type { AppContext } from '../../core/context';
import { pageBy, type Keyset, type Page } from '../../core/connection';
import { badInput, notFound } from '../../core/errors';
import { recordAudit } from '../audit/audit.service';
import { lineEnabled } from './line.link';
import type { NotificationDeliveriesArgs } from './line.types';
import { NotificationChannel, NotificationDelivery, NotificationSetting, NoticeDeliveryStatus } from './notification.entity';
import { eventKey, writeNotices } from './notification.service';
import { testNotice } from './notification.templates';

/** Deliveries by their id: the order they were queued in. */
const BY_ID: Keyset<NotificationDelivery> = { name: 'delivery', parts: [{ column: 'd.id', kind: 'id' }], keyOf: (d) => [d.id] };

const CHANNEL_TH: Record<NotificationChannel, string> = { EMAIL: 'อีเมล', LINE: 'LINE' };

/** The delivery with its notice and the notice's user (what the log shows: who, what, by which channel, how it went). */
const withNotice = (ctx: AppContext) =>
  ctx.em
    .getRepository(NotificationDelivery)
    .createQueryBuilder('d')
    .innerJoinAndSelect('d.notification', 'n')
    .innerJoinAndSelect('n.user', 'u');

/** ADMIN: a page of the delivery log, of one status and/or channel. */
export function pageDeliveries(ctx: AppContext, args: NotificationDeliveriesArgs): Promise<Page<NotificationDelivery>> {
  const qb = withNotice(ctx);
  if (args.status) qb.andWhere('d.status = :status', { status: args.status });
  if (args.channel) qb.andWhere('d.channel = :channel', { channel: args.channel });
  return pageBy(qb, BY_ID, args);
}

const deliveryById = async (ctx: AppContext, id: number) => {
  const found = Number.isSafeInteger(id) && id > 0 ? await withNotice(ctx).where('d.id = :id', { id }).getOne() : null;
  if (!found) throw notFound('ไม่พบรายการส่งการแจ้งเตือนนี้');
  return found;
};

/**
 * ADMIN: a delivery goes again from its first attempt, now (a FAILED one, or a PENDING one waiting for its
 * next attempt); one already SENT is not sent twice.
 */
export async function retryDelivery(ctx: AppContext, id: number): Promise<NotificationDelivery> {
  const before = await deliveryById(ctx, id);
  if (before.status === NoticeDeliveryStatus.SENT) {
    const message = 'รายการนี้ส่งสำเร็จแล้ว ไม่ส่งซ้ำ';
    throw badInput([{ field: 'id', message }], message);
  }
  const now = ctx.clock.now();
  await ctx.em
    .getRepository(NotificationDelivery)
    .update({ id, status: before.status }, { status: NoticeDeliveryStatus.PENDING, attempts: 0, nextAttemptAt: now });
  await recordAudit(ctx, {
    action: 'retryNotificationDelivery',
    targetType: 'NotificationDelivery',
    targetId: id,
    before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
    after: { status: NoticeDeliveryStatus.PENDING, attempts: 0 },
  });
  return deliveryById(ctx, id);
}

/** ADMIN: a test notice to the caller by one channel (also in their in-app list), sent by the delivery job like any other. */
export async function sendTestNotice(ctx: AppContext, channelName: NotificationChannel): Promise<NotificationDelivery> {
  const user = ctx.user!;
  const channel = ctx.channels.get(channelName);
  if (!channel || (channelName === NotificationChannel.LINE && !lineEnabled(ctx))) {
    const message = `ระบบยังไม่ได้ตั้งค่าการส่งทาง${CHANNEL_TH[channelName]}`;
    throw badInput([{ field: 'channel', message }], message);
  }
  const settings = await ctx.em.getRepository(NotificationSetting).findOneBy({ userId: user.id });
  const recipient = {
    userId: user.id,
    displayName: user.displayName,
    email: user.email,
    lineUserId: settings?.lineUserId ?? null,
    laoCode: user.laoCode,
    provinceCode: user.provinceCode,
    settings: { email: true, line: true, deadlineReminders: true, roundOpened: true },
  };
  if (!channel.reaches(recipient)) {
    const message = channelName === NotificationChannel.LINE ? 'บัญชีของท่านยังไม่ได้เชื่อมบัญชี LINE' : 'บัญชีของท่านไม่มีที่อยู่อีเมล';
    throw badInput([{ field: 'channel', message }], message);
  }
  const dedupeKey = eventKey('test');
  await writeNotices(ctx.em, ctx.clock.now(), [{ recipient, text: testNotice(CHANNEL_TH[channelName]), dedupeKey }], [channel]);
  const delivery = await withNotice(ctx)
    .where('n.userId = :userId AND n.dedupeKey = :dedupeKey', { userId: user.id, dedupeKey })
    .getOneOrFail();
  await recordAudit(ctx, {
    action: 'sendTestNotification',
    targetType: 'NotificationDelivery',
    targetId: delivery.id,
    after: { channel: channelName },
  });
  return delivery;
}
