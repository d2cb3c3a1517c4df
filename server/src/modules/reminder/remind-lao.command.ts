import type { AppContext } from '../../core/context';
import { conflict, forbidden, notFound } from '../../core/errors';
import { allow, Permission, placeOfLao } from '../access/policy';
import { Role } from '../access/role';
import { recordAudit } from '../audit/audit.service';
import { provinceLabel } from '../geography/places';
import { daysUntil, laoCloseOf, thaiDayKey } from '../follow-up/follow-up.service';
import type { ReportRound } from '../plan/report.enums';
import { ReportingReopening, ReportingWindow } from '../reporting-window/reporting-window.entity';
import { storedFigures } from '../scoring/figures.store';
import { ReminderSent } from './reminder.entity';
import { recipientsOf, writeNotices } from '../notification/notification.service';
import { manualReminder } from '../notification/notification.templates';
import type { RemindLaoResult } from './reminder.types';

/**
 * A province office (READ_REVIEWS over the LAO's province) or NACC central reminds an LAO's officers now
 * to report a round: once per LAO, year and round a day (Thailand's calendar day) — the day's row in
 * `reminder_sent` is the limit, so two offices pressing at once send one reminder and the other is told so.
 */
export async function remindLao(ctx: AppContext, laoCode: string, fiscalYear: number, round: ReportRound): Promise<RemindLaoResult> {
  const lao = await ctx.loaders.laoByCode.load(laoCode);
  if (!lao) throw notFound('ไม่พบ อปท. นี้');
  if (!allow(ctx.user, Permission.READ_REVIEWS, placeOfLao(lao))) throw forbidden('ท่านส่งการเตือนได้เฉพาะ อปท. ในจังหวัดของท่าน');
  const now = ctx.clock.now();
  const step = `manual@${thaiDayKey(now)}`;
  const sentToday = await ctx.em.getRepository(ReminderSent).findOneBy({ laoCode, fiscalYear, round, step });
  if (sentToday) throw conflict('วันนี้ได้ส่งการเตือนถึง อปท. นี้สำหรับรอบนี้แล้ว (ส่งได้วันละ 1 ครั้ง) กรุณาลองใหม่ในวันพรุ่งนี้');
  const figures = await storedFigures(ctx, laoCode, fiscalYear);
  const waiting = Math.max(0, figures.created - figures.reportedCreated[round]);
  if (waiting === 0) throw conflict('อปท. นี้ไม่มีโครงการที่รอการรายงานผลในรอบนี้ จึงไม่ต้องส่งการเตือน');
  const recipients = await recipientsOf(ctx.em, { role: Role.LAO_OFFICER, laoCodes: [laoCode] });
  if (!recipients.length) throw conflict('อปท. นี้ยังไม่มีบัญชีผู้ใช้งานที่เปิดใช้อยู่ จึงส่งการเตือนไม่ได้');
  const [window, reopening] = await Promise.all([
    ctx.em.getRepository(ReportingWindow).findOneBy({ fiscalYear, round }),
    ctx.em.getRepository(ReportingReopening).findOneBy({ laoCode, fiscalYear, round }),
  ]);
  const reopenedUntil = reopening && reopening.openUntil.getTime() > now.getTime() ? reopening.openUntil : null;
  const closesAt = laoCloseOf(window?.closesAt ?? null, reopenedUntil);
  const province = ctx.user!.role === Role.ADMIN ? null : await ctx.loaders.provinceByCode.load(lao.provinceCode);
  const text = manualReminder({
    fiscalYear,
    round,
    waiting,
    closesAt: closesAt && closesAt.getTime() > now.getTime() ? closesAt : null,
    daysLeft: closesAt ? daysUntil(now, closesAt) : null,
    from: province ? `สำนักงาน ป.ป.ช. ประจำ${provinceLabel(province.code, province.name)}` : 'สำนักงาน ป.ป.ช.',
  });
  await ctx.em.getRepository(ReminderSent).insert({ laoCode, fiscalYear, round, step, waiting, sentAt: now });
  const written = await writeNotices(
    ctx.em,
    now,
    recipients.map((recipient) => ({ recipient, text, laoCode, fiscalYear, round, dedupeKey: `${round}:${fiscalYear}:${step}` })),
    ctx.channels.values(),
  );
  await recordAudit(ctx, {
    action: 'remindLao',
    targetType: 'Lao',
    targetId: laoCode,
    laoCode,
    provinceCode: lao.provinceCode,
    after: { fiscalYear, round, waiting, recipients: written },
  });
  return { recipients: written, waiting };
}
