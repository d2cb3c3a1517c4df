import fs from 'node:fs/promises';
import { IsNull } from 'typeorm';
import type { AppContext } from '../../core/context';
import { execute } from '../../core/db';
import { DomainError, forbidden, notFound, unauthenticated } from '../../core/errors';
import { fiscalYearOf } from '../../core/fiscal-year';
import { allow, Permission, placeOfLao } from '../access/policy';
import { recordAudit } from '../audit/audit.service';
import { Lao } from '../lao/lao.entity';
import { assertEditable, getReadableLao, lockLao } from '../lao/lao.service';
import { ReportRound } from '../plan/report.enums';
import { ProgressReport } from '../progress-report/progress-report.entity';
import { assertRoundOpen } from '../progress-report/progress-report.service';
import { publishedRoundsOfLao } from '../public/publication';
import { roundStates } from '../reporting-window/reporting-window.service';
import { Attachment, AttachmentChunk } from './attachment.entity';
import { megabytes, UploadRefused, type ReceivedFile } from './attachment.upload';

/**
 * Bytes per row of `attachment_chunk`: under the 65,535 a BLOB holds on MySQL/MariaDB, so that a file is
 * written and read a few rows at a time, never as one value (max_allowed_packet, memory).
 */
export const CHUNK_BYTES = 60 * 1024;
/** Rows written by one INSERT, and read by one SELECT (about 240 KB a statement). */
const ROWS_PER_STATEMENT = 4;

/** What an attachment is attached to: a progress report, or the plan of a fiscal year; a list may also ask for a whole round's. */
export interface AttachTo {
  progressReportId: number | null;
  laoCode: string | null;
  fiscalYear: number | null;
  /** With laoCode and fiscalYear: the evidence of every report of the round (lists only). */
  round?: ReportRound | null;
}

/** The record an attachment belongs to, as found: its LAO, the fiscal year, and the report's round, id and project (null for the plan). */
export interface AttachmentTarget {
  lao: Lao;
  fiscalYear: number;
  round: ReportRound | null;
  progressReportId: number | null;
  projectId: number | null;
}

/** Where an upload or a list points: a report (its LAO, year and round are the report's), or an LAO and year. */
async function targetOf(ctx: AppContext, to: AttachTo): Promise<AttachmentTarget> {
  if (to.progressReportId !== null) {
    const report = await ctx.em.getRepository(ProgressReport).findOneBy({ id: to.progressReportId });
    if (!report) throw notFound('ไม่พบรายงานผลนี้ (อาจถูกลบไปแล้ว)');
    const lao = await ctx.em.getRepository(Lao).findOneByOrFail({ code: report.laoCode });
    return { lao, fiscalYear: report.fiscalYear, round: report.round, progressReportId: report.id, projectId: report.projectId };
  }
  const lao = to.laoCode === null ? null : await ctx.em.getRepository(Lao).findOneBy({ code: to.laoCode });
  if (!lao) throw notFound('ไม่พบ อปท. รหัสนี้');
  return { lao, fiscalYear: to.fiscalYear!, round: to.round ?? null, progressReportId: null, projectId: null };
}

/**
 * Whether the LAO may change the evidence of a report or a plan now — upload, delete, publish or withdraw
 * it — by the rules of what it is evidence of: a report's while its round is open for the LAO (the
 * reporting window, or NACC's reopening), a plan's while its fiscal year has not passed. Refused with
 * ROUND_CLOSED otherwise.
 */
async function assertChangeable(ctx: AppContext, t: { laoCode: string; fiscalYear: number; round: ReportRound | null }): Promise<void> {
  if (t.round) return assertRoundOpen(ctx, t.laoCode, t.fiscalYear, t.round);
  const current = fiscalYearOf(ctx.clock.now());
  if (t.fiscalYear < current) {
    throw new DomainError(
      'ROUND_CLOSED',
      `ปีงบประมาณ พ.ศ. ${t.fiscalYear} ผ่านมาแล้ว จึงแนบ ลบ หรือเปลี่ยนการเผยแพร่ไฟล์หลักฐานของแผนปีนี้ไม่ได้ (ปีปัจจุบันคือ พ.ศ. ${current})`,
    );
  }
}

/** assertChangeable's rule as a yes or no, for the abilities the client shows. */
async function changeable(ctx: AppContext, t: AttachmentTarget): Promise<boolean> {
  if (!allow(ctx.user, Permission.EDIT_LAO, placeOfLao(t.lao))) return false;
  if (!t.round) return t.fiscalYear >= fiscalYearOf(ctx.clock.now());
  return (await roundStates(ctx, t.lao.code, t.fiscalYear))[t.round].open;
}

/**
 * Where an upload goes, checked before a byte of the file is read and again under the LAO's lock when it
 * is saved: the report or LAO exists, the caller is one of the LAO's own officers, and what it is
 * evidence of may still change.
 */
export async function uploadTarget(ctx: AppContext, to: AttachTo): Promise<AttachmentTarget> {
  const target = await targetOf(ctx, to);
  assertEditable(ctx, target.lao, 'ท่านแนบไฟล์หลักฐานได้เฉพาะของ อปท. ของท่าน');
  await assertChangeable(ctx, { laoCode: target.lao.code, fiscalYear: target.fiscalYear, round: target.round });
  return target;
}

/** What the LAO's evidence takes together, in bytes. */
async function usedBytes(ctx: AppContext, laoCode: string): Promise<number> {
  const [row]: Array<{ used: unknown }> = await ctx.em.query('SELECT COALESCE(SUM(size), 0) AS used FROM attachment WHERE lao_code = ?', [
    laoCode,
  ]);
  return Number(row?.used ?? 0);
}

/**
 * แนบไฟล์หลักฐาน: keeps a received file (attachment.upload.ts) as evidence of a report or of the plan of a
 * year, under the LAO's lock: the target is checked again, the LAO's quota (ATTACHMENT_QUOTA_MB) taken
 * from what its files already take — so uploads at the same moment never take more than it together —
 * and the bytes written a few rows at a time from the received file. All of it or nothing.
 */
export async function saveAttachment(ctx: AppContext, to: AttachTo, file: ReceivedFile): Promise<Attachment> {
  const first = await targetOf(ctx, to);
  // Evidence changes no figure of the year: the lock orders the LAO's writes, nothing is made again before the commit.
  await lockLao(ctx, first.lao.code, first.fiscalYear, 'kept');
  const target = await uploadTarget(ctx, to);
  const quota = ctx.config.attachmentQuotaBytes;
  const used = await usedBytes(ctx, target.lao.code);
  if (used + file.size > quota) {
    throw new UploadRefused(
      413,
      'OVER_QUOTA',
      `พื้นที่เก็บไฟล์หลักฐานของ อปท. เหลือ ${megabytes(Math.max(0, quota - used))} MB จาก ${megabytes(quota)} MB ไม่พอสำหรับไฟล์ขนาด ${megabytes(file.size)} MB กรุณาลบไฟล์ที่ไม่ใช้แล้วก่อน`,
    );
  }
  const repo = ctx.em.getRepository(Attachment);
  const attachment = await repo.save(
    repo.create({
      laoCode: target.lao.code,
      fiscalYear: target.fiscalYear,
      round: target.round,
      progressReportId: target.progressReportId,
      projectId: target.projectId,
      fileName: file.fileName,
      mediaType: file.type,
      size: file.size,
      sha256: file.sha256,
      isPublic: false,
      uploadedBy: ctx.user!.id,
      uploadedAt: ctx.clock.now(),
    }),
  );
  await writeChunks(ctx, attachment.id, file.path);
  await recordAudit(ctx, {
    action: 'uploadAttachment',
    targetType: 'Attachment',
    targetId: attachment.id,
    laoCode: target.lao.code,
    provinceCode: target.lao.provinceCode,
    after: attachment,
  });
  return attachment;
}

/** The received file's bytes into `attachment_chunk`, ROWS_PER_STATEMENT rows of CHUNK_BYTES an INSERT. */
async function writeChunks(ctx: AppContext, attachmentId: number, path: string): Promise<void> {
  const handle = await fs.open(path, 'r');
  try {
    let seq = 0;
    for (;;) {
      const rows: Buffer[] = [];
      for (let i = 0; i < ROWS_PER_STATEMENT; i++) {
        const buffer = Buffer.alloc(CHUNK_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
        if (bytesRead === 0) break;
        rows.push(bytesRead === CHUNK_BYTES ? buffer : buffer.subarray(0, bytesRead));
      }
      if (rows.length === 0) return;
      await execute(
        ctx.em,
        `INSERT INTO attachment_chunk (attachment_id, seq, data) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`,
        rows.flatMap((data) => [attachmentId, seq++, data]),
      );
    }
  } finally {
    await handle.close();
  }
}

/** Whether what an attachment is evidence of is published, given its year's published rounds: its round, or for the plan any round of the year. */
const ofPublishedRound = (a: Pick<Attachment, 'round'>, rounds: Map<ReportRound, unknown>): boolean =>
  a.round ? rounds.has(a.round) : rounds.size > 0;

/** Whether anyone may read the attachment: the LAO publishes it, and what it is evidence of is published. */
async function published(ctx: AppContext, a: Attachment): Promise<boolean> {
  return a.isPublic && ofPublishedRound(a, await publishedRoundsOfLao(ctx, a.laoCode, a.fiscalYear));
}

/**
 * An attachment the caller may open: the LAO's own officers and those who read its data (its province's
 * NACC office, NACC central, NACC's systems: READ_LAO), and — when it is published — anyone, signed in or
 * not (READ_PUBLISHED). NOT_FOUND for none; UNAUTHENTICATED for one that needs a session; FORBIDDEN beyond the caller's reach.
 */
export async function readableAttachment(ctx: AppContext, id: number): Promise<Attachment> {
  const attachment = Number.isSafeInteger(id) ? await ctx.em.getRepository(Attachment).findOneBy({ id }) : null;
  if (!attachment) throw notFound('ไม่พบไฟล์แนบนี้ (อาจถูกลบไปแล้ว)');
  const lao = (await ctx.loaders.laoByCode.load(attachment.laoCode))!;
  const place = placeOfLao(lao);
  if (allow(ctx.user, Permission.READ_LAO, place)) return attachment;
  if (allow(ctx.user, Permission.READ_PUBLISHED, place) && (await published(ctx, attachment))) return attachment;
  if (!ctx.user) throw unauthenticated('ไฟล์แนบนี้ไม่ได้เผยแพร่ต่อสาธารณะ กรุณาเข้าสู่ระบบเพื่อเปิดไฟล์');
  throw forbidden('ท่านไม่มีสิทธิ์เปิดไฟล์แนบนี้');
}

/**
 * An attachment's bytes in order, a few rows a query: each query is short and on its own, so a slow
 * download holds no connection (and no transaction) while the bytes travel. Throws when they do not come
 * to its size (the file was deleted meanwhile), so that a download already under way is cut off, not
 * ended short as if whole.
 */
export async function* attachmentBytes(ctx: AppContext, attachment: Pick<Attachment, 'id' | 'size'>): AsyncGenerator<Buffer> {
  const { id } = attachment;
  let sent = 0;
  for (let seq = 0; ; seq += ROWS_PER_STATEMENT) {
    const rows = await ctx.db
      .getRepository(AttachmentChunk)
      .createQueryBuilder('c')
      .select(['c.seq', 'c.data'])
      .where('c.attachment_id = :id AND c.seq >= :from AND c.seq < :to', { id, from: seq, to: seq + ROWS_PER_STATEMENT })
      .orderBy('c.seq', 'ASC')
      .getMany();
    for (const row of rows) {
      sent += row.data.length;
      yield Buffer.from(row.data);
    }
    if (rows.length < ROWS_PER_STATEMENT) break;
  }
  if (sent !== attachment.size) throw notFound('ไฟล์แนบนี้ถูกลบระหว่างการดาวน์โหลด');
}

/** An LAO's evidence of a report or of the plan of a year, with what the caller may do there and what the LAO's files take. */
export interface AttachmentListing {
  items: Attachment[];
  canEdit: boolean;
  usedBytes: number;
  quotaBytes: number;
}

/**
 * The attachments of a report (`progressReportId`), of every report of a round (`laoCode`, `fiscalYear`
 * and `round`), or of the plan of an LAO's year (`laoCode` and `fiscalYear`), oldest first, for whoever
 * may read the LAO's data.
 */
export async function listAttachments(ctx: AppContext, to: AttachTo): Promise<AttachmentListing> {
  const target = await targetOf(ctx, to);
  await getReadableLao(ctx, target.lao.code);
  if (
    to.progressReportId !== null &&
    ((to.laoCode && to.laoCode !== target.lao.code) || (to.fiscalYear && to.fiscalYear !== target.fiscalYear))
  ) {
    throw notFound('ไม่พบรายงานผลนี้ของ อปท. และปีงบประมาณที่ระบุ');
  }
  const items = await ctx.em.getRepository(Attachment).find({
    where:
      target.progressReportId === null
        ? { laoCode: target.lao.code, fiscalYear: target.fiscalYear, round: target.round ?? IsNull() }
        : { progressReportId: target.progressReportId },
    order: { id: 'ASC' },
  });
  return {
    items,
    canEdit: await changeable(ctx, target),
    usedBytes: await usedBytes(ctx, target.lao.code),
    quotaBytes: ctx.config.attachmentQuotaBytes,
  };
}

/**
 * An attachment its LAO's officer changes (publishes, withdraws, deletes): read, the LAO locked, read again
 * under the lock (it may have gone meanwhile), the caller and the rules of what it is evidence of checked.
 */
async function changeableAttachment(ctx: AppContext, id: number, refusal: string): Promise<{ attachment: Attachment; lao: Lao }> {
  const repo = ctx.em.getRepository(Attachment);
  const seen = Number.isSafeInteger(id) ? await repo.findOneBy({ id }) : null;
  if (!seen) throw notFound('ไม่พบไฟล์แนบนี้ (อาจถูกลบไปแล้ว)');
  await lockLao(ctx, seen.laoCode, seen.fiscalYear, 'kept');
  const attachment = await repo.findOneBy({ id });
  if (!attachment) throw notFound('ไม่พบไฟล์แนบนี้ (อาจถูกลบไปแล้ว)');
  const lao = await ctx.em.getRepository(Lao).findOneByOrFail({ code: attachment.laoCode });
  assertEditable(ctx, lao, refusal);
  await assertChangeable(ctx, attachment);
  return { attachment, lao };
}

/** เผยแพร่ / ไม่เผยแพร่: whether anyone may open the attachment once what it is evidence of is published. */
export async function setAttachmentPublic(ctx: AppContext, id: number, isPublic: boolean): Promise<Attachment> {
  const { attachment, lao } = await changeableAttachment(ctx, id, 'ท่านเปลี่ยนการเผยแพร่ได้เฉพาะไฟล์ของ อปท. ของท่าน');
  const after = Object.assign(ctx.em.getRepository(Attachment).create(), attachment, { isPublic });
  if (attachment.isPublic !== isPublic) await execute(ctx.em, 'UPDATE attachment SET is_public = ? WHERE id = ?', [isPublic, id]);
  await recordAudit(ctx, {
    action: 'setAttachmentPublic',
    targetType: 'Attachment',
    targetId: id,
    laoCode: lao.code,
    provinceCode: lao.provinceCode,
    before: attachment,
    after,
  });
  return after;
}

/** ลบไฟล์แนบ: the attachment and its bytes; its record stays in the audit log. */
export async function deleteAttachment(ctx: AppContext, id: number): Promise<boolean> {
  const { attachment, lao } = await changeableAttachment(ctx, id, 'ท่านลบไฟล์ได้เฉพาะของ อปท. ของท่าน');
  await execute(ctx.em, 'DELETE FROM attachment_chunk WHERE attachment_id = ?', [id]);
  await execute(ctx.em, 'DELETE FROM attachment WHERE id = ?', [id]);
  await recordAudit(ctx, {
    action: 'deleteAttachment',
    targetType: 'Attachment',
    targetId: id,
    laoCode: lao.code,
    provinceCode: lao.provinceCode,
    before: attachment,
  });
  return true;
}

/** A published attachment as the public LAO page lists it. */
export type PublicAttachment = Pick<Attachment, 'id' | 'fileName' | 'mediaType' | 'size' | 'round'>;

/** The attachments of an LAO's year that anyone may open (published, of a published round), for its public page. */
export async function publicAttachments(ctx: AppContext, laoCode: string, fiscalYear: number): Promise<PublicAttachment[]> {
  const rounds = await publishedRoundsOfLao(ctx, laoCode, fiscalYear);
  if (rounds.size === 0) return [];
  const rows = await ctx.em.getRepository(Attachment).find({
    select: { id: true, fileName: true, mediaType: true, size: true, round: true },
    where: { laoCode, fiscalYear, isPublic: true },
    order: { id: 'ASC' },
  });
  return rows.filter((a) => ofPublishedRound(a, rounds));
}
