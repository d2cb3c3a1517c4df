import { In, IsNull, LessThan } from 'typeorm';
import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { MAX_PAGE_SIZE } from '../../core/limits';
import { recordAudit } from '../audit/audit.service';
import { lineEnabled } from './line.link';
import { Notification, NotificationSetting } from './notification.entity';
import type { NotificationConnection, NotificationSettings, NotificationSettingsInput, NotificationsRead } from './notification.types';

const CURSOR = /^n:(\d{1,12})$/;
const encode = (id: number) => Buffer.from(`n:${id}`).toString('base64url');
function decode(cursor: string): number {
  const match = cursor.length <= 40 ? CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  if (!match) {
    const message = 'cursor ไม่ถูกต้อง กรุณาใช้ค่า endCursor ที่ระบบส่งมา';
    throw badInput([{ field: 'after', message }], message);
  }
  return Number(match[1]);
}

const unreadOf = (ctx: AppContext, userId: number) => ctx.em.getRepository(Notification).countBy({ userId, readAt: IsNull() });

/** The caller's own notices, newest first, `first` (1–100) after a cursor, with the unread count. */
export async function listNotifications(ctx: AppContext, first: number, after: string | null | undefined): Promise<NotificationConnection> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    const message = `first ต้องเป็นจำนวนเต็ม 1–${MAX_PAGE_SIZE}`;
    throw badInput([{ field: 'first', message }], message);
  }
  const userId = ctx.user!.id;
  const rows = await ctx.em.getRepository(Notification).find({
    where: { userId, ...(after ? { id: LessThan(decode(after)) } : {}) },
    order: { id: 'DESC' },
    take: first + 1,
  });
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encode(node.id), node }));
  return {
    unread: await unreadOf(ctx, userId),
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: !!after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Marks the caller's notices read (1–100 ids; others' ids and read ones change nothing). */
export async function markNotificationsRead(ctx: AppContext, ids: string[]): Promise<NotificationsRead> {
  const numbers = [...new Set(ids.map(Number))];
  if (!ids.length || ids.length > MAX_PAGE_SIZE || numbers.some((n) => !Number.isSafeInteger(n) || n < 1)) {
    const message = `ระบุรหัสการแจ้งเตือน 1–${MAX_PAGE_SIZE} รายการ`;
    throw badInput([{ field: 'ids', message }], message);
  }
  const userId = ctx.user!.id;
  const { affected } = await ctx.em
    .getRepository(Notification)
    .update({ id: In(numbers), userId, readAt: IsNull() }, { readAt: ctx.clock.now() });
  await recordAudit(ctx, { action: 'markNotificationsRead', targetType: 'Notification', targetId: numbers.slice(0, 10).join(',') });
  return { marked: affected ?? 0, unread: await unreadOf(ctx, userId) };
}

/** The caller's notice settings (the defaults when they made none). */
export async function notificationSettings(ctx: AppContext): Promise<NotificationSettings> {
  const user = ctx.user!;
  const s = await ctx.em.getRepository(NotificationSetting).findOneBy({ userId: user.id });
  return {
    email: s?.email ?? true,
    emailAddress: user.email,
    line: s?.line ?? true,
    lineLinked: !!s?.lineUserId,
    lineAvailable: lineEnabled(ctx),
    deadlineReminders: s?.deadlineReminders ?? true,
    roundOpened: s?.roundOpened ?? true,
  };
}

/** Changes the caller's notice settings; the fields not given keep their values. */
export async function updateNotificationSettings(ctx: AppContext, input: NotificationSettingsInput): Promise<NotificationSettings> {
  const user = ctx.user!;
  const repo = ctx.em.getRepository(NotificationSetting);
  const before = await repo.findOneBy({ userId: user.id });
  const now = ctx.clock.now();
  const values = {
    email: input.email ?? before?.email ?? true,
    line: input.line ?? before?.line ?? true,
    deadlineReminders: input.deadlineReminders ?? before?.deadlineReminders ?? true,
    roundOpened: input.roundOpened ?? before?.roundOpened ?? true,
    updatedAt: now,
  };
  if (before) await repo.update({ userId: user.id }, values);
  else await repo.insert({ userId: user.id, lineUserId: null, ...values });
  await recordAudit(ctx, { action: 'updateNotificationSettings', targetType: 'User', targetId: user.id, before, after: values });
  return notificationSettings(ctx);
}
