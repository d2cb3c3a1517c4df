import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { sha256 } from '../../core/crypto';
import { recordAudit } from '../audit/audit.service';
import { decodeEmblem, EMBLEM_MESSAGES, readEmblem, type EmblemProblem } from './emblem-image';
import { MemoEmblem } from './memo-emblem.entity';

const EMBLEM_ID = 1;

const refuse = (problem: EmblemProblem) => badInput([{ field: 'image', message: EMBLEM_MESSAGES[problem] }], EMBLEM_MESSAGES[problem]);

/** What the audit trail keeps of an emblem: its kind, size and digest, not the image itself. */
const summary = (e: MemoEmblem | null) =>
  e && { mediaType: e.mediaType, width: e.width, height: e.height, bytes: Buffer.byteLength(e.data, 'base64'), sha256: sha256(e.data) };

/** The emblem memos print, or null when NACC has set none. */
export function memoEmblem(ctx: AppContext): Promise<MemoEmblem | null> {
  return ctx.em.getRepository(MemoEmblem).findOneBy({ id: EMBLEM_ID });
}

/**
 * ADMIN: sets the ครุฑ image of every memo from a PNG or JPEG (a data URL or bare base64). The image is
 * refused unless it is whole (read here as the PDF writer reads it: a PNG's chunks and checksums and its
 * pixel data unpacked to the size its header gives, a JPEG's markers) and small enough: nothing is stored then.
 */
export async function setMemoEmblem(ctx: AppContext, image: string): Promise<MemoEmblem> {
  const bytes = decodeEmblem(image);
  if (!bytes) throw refuse('notImage');
  const read = readEmblem(bytes);
  if (typeof read === 'string') throw refuse(read);
  const repo = ctx.em.getRepository(MemoEmblem);
  const emblem = repo.create({
    id: EMBLEM_ID,
    mediaType: read.mediaType,
    width: read.width,
    height: read.height,
    data: bytes.toString('base64'),
    updatedAt: ctx.clock.now(),
  });
  const before = await memoEmblem(ctx);
  const saved = await repo.save(emblem);
  await recordAudit(ctx, {
    action: 'setMemoEmblem',
    targetType: 'MemoEmblem',
    targetId: EMBLEM_ID,
    before: summary(before),
    after: summary(saved),
  });
  return saved;
}

/** ADMIN: removes the emblem; memos keep its space empty. False when there was none. */
export async function clearMemoEmblem(ctx: AppContext): Promise<boolean> {
  const before = await memoEmblem(ctx);
  if (before) await ctx.em.getRepository(MemoEmblem).delete({ id: EMBLEM_ID });
  await recordAudit(ctx, {
    action: 'clearMemoEmblem',
    targetType: 'MemoEmblem',
    targetId: EMBLEM_ID,
    before: summary(before),
    after: null,
  });
  return before !== null;
}
