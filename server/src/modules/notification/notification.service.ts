import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { AppContext } from '../../core/context';
import { Role } from '../access/role';
import { User } from '../account/user.entity';
import type { ReportRound } from '../plan/report.enums';
import type { Channel, Recipient } from './notification.channel';
import { Notification, NotificationDelivery, NotificationKind, NotificationSetting, NoticeDeliveryStatus } from './notification.entity';
import type { NoticeText } from './notification.templates';

/** Rows of one multi-row INSERT: well under both databases' limits on placeholders. */
const CHUNK = 400;

/** A user a notice may go to, with the choices of their settings (the defaults when they made none). */
export interface NoticeRecipient extends Recipient {
  laoCode: string | null;
  provinceCode: string | null;
  settings: Pick<NotificationSetting, 'email' | 'line' | 'deadlineReminders' | 'roundOpened'>;
}

const DEFAULT_SETTINGS = { email: true, line: true, deadlineReminders: true, roundOpened: true };

/**
 * The active accounts of a role, with their notice settings: the LAO officers of some LAOs, or the
 * province officers of some provinces. One query per call (callers pass batches of LAOs).
 */
export async function recipientsOf(
  em: EntityManager,
  who: { role: Role.LAO_OFFICER; laoCodes: string[] } | { role: Role.PROVINCE_OFFICER; provinceCodes: string[] },
): Promise<NoticeRecipient[]> {
  const codes = who.role === Role.LAO_OFFICER ? who.laoCodes : who.provinceCodes;
  if (!codes.length) return [];
  const users = await em.getRepository(User).find({
    where: { role: who.role, disabled: false, ...(who.role === Role.LAO_OFFICER ? { laoCode: In(codes) } : { provinceCode: In(codes) }) },
  });
  const settings = users.length
    ? new Map((await em.getRepository(NotificationSetting).findBy({ userId: In(users.map((u) => u.id)) })).map((s) => [s.userId, s]))
    : new Map<number, NotificationSetting>();
  return users.map((u) => {
    const s = settings.get(u.id);
    return {
      userId: u.id,
      displayName: u.displayName,
      email: u.email,
      lineUserId: s?.lineUserId ?? null,
      laoCode: u.laoCode,
      provinceCode: u.provinceCode,
      settings: s ?? DEFAULT_SETTINGS,
    };
  });
}

/** Whether the recipient wants notices of this kind at all (decisions and digests always go). */
const wants = (r: NoticeRecipient, kind: NotificationKind) =>
  kind === NotificationKind.DEADLINE_REMINDER
    ? r.settings.deadlineReminders
    : kind === NotificationKind.ROUND_OPENED
      ? r.settings.roundOpened
      : true;

/** Whether a channel is switched on in the recipient's settings. */
const channelOn = (r: NoticeRecipient, channel: Channel) => (channel.name === 'EMAIL' ? r.settings.email : r.settings.line);

/** One notice to write: its text, who gets it, what it concerns, and the key that makes it go once per user. */
export interface NoticeDraft {
  recipient: NoticeRecipient;
  text: NoticeText;
  laoCode?: string | null;
  fiscalYear?: number | null;
  round?: ReportRound | null;
  dedupeKey: string;
}

/**
 * Writes notices and their outbox rows (one per channel the recipient has on and can be reached by) in
 * the caller's transaction: they commit with what they tell about, or not at all, and are sent after the
 * commit by the delivery job. A notice whose (user, dedupeKey) exists fails the transaction on the unique
 * key — the caller's unit of work runs again and then skips it. Answers how many notices were written.
 */
export async function writeNotices(em: EntityManager, now: Date, drafts: NoticeDraft[], channels: Iterable<Channel>): Promise<number> {
  const wanted = drafts.filter((d) => wants(d.recipient, d.text.kind));
  if (!wanted.length) return 0;
  for (let i = 0; i < wanted.length; i += CHUNK) {
    await em.getRepository(Notification).insert(
      wanted.slice(i, i + CHUNK).map((d) => ({
        userId: d.recipient.userId,
        kind: d.text.kind,
        title: d.text.title,
        body: d.text.body,
        link: d.text.link,
        laoCode: d.laoCode ?? null,
        fiscalYear: d.fiscalYear ?? null,
        round: d.round ?? null,
        dedupeKey: d.dedupeKey,
        createdAt: now,
        readAt: null,
      })),
    );
  }
  const list = [...channels];
  const byKey = new Map(wanted.map((d) => [`${d.recipient.userId}|${d.dedupeKey}`, d]));
  const deliveries: Array<Partial<NotificationDelivery>> = [];
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const chunk = wanted.slice(i, i + CHUNK);
    const written = await em.getRepository(Notification).find({
      select: { id: true, userId: true, dedupeKey: true },
      where: { userId: In([...new Set(chunk.map((d) => d.recipient.userId))]), dedupeKey: In([...new Set(chunk.map((d) => d.dedupeKey))]) },
    });
    for (const n of written) {
      const draft = byKey.get(`${n.userId}|${n.dedupeKey}`);
      if (!draft) continue;
      for (const channel of list) {
        if (!channelOn(draft.recipient, channel) || !channel.reaches(draft.recipient)) continue;
        deliveries.push({
          notificationId: n.id,
          channel: channel.name,
          status: NoticeDeliveryStatus.PENDING,
          attempts: 0,
          nextAttemptAt: now,
          retryKey: randomUUID(),
          createdAt: now,
        });
      }
    }
  }
  for (let i = 0; i < deliveries.length; i += CHUNK) {
    await em.getRepository(NotificationDelivery).insert(deliveries.slice(i, i + CHUNK));
  }
  return wanted.length;
}

/** A key for notices that go once per event (a decision): unique, so every officer gets exactly one. */
export const eventKey = (what: string) => `${what}:${randomUUID()}`;

/**
 * Tells the officers of an LAO, in the current mutation's transaction, what NACC decided: committed with
 * the decision, sent after it. A channel that is down does not touch the decision.
 */
export async function noticeToLao(ctx: AppContext, laoCode: string, text: NoticeText, concerns: { fiscalYear: number }): Promise<void> {
  const recipients = await recipientsOf(ctx.em, { role: Role.LAO_OFFICER, laoCodes: [laoCode] });
  const key = eventKey('decision');
  await writeNotices(
    ctx.em,
    ctx.clock.now(),
    recipients.map((recipient) => ({ recipient, text, laoCode, fiscalYear: concerns.fiscalYear, dedupeKey: key })),
    ctx.channels.values(),
  );
}
