import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { IsNull, Not } from 'typeorm';
import type { ContextDeps, AppContext } from '../../core/context';
import { systemContext } from '../../core/context';
import { sha256 } from '../../core/crypto';
import { badInput } from '../../core/errors';
import { addressKey, take } from '../../core/rate-limit';
import { runMutation } from '../../core/transaction';
import { recordAudit } from '../audit/audit.service';
import { User } from '../account/user.entity';
import { callLine } from './line.channel';
import { LineLinkCode } from './line.entity';
import { NotificationSetting } from './notification.entity';
import { LINE_REPLIES } from './notification.templates';

/** How long a linking code is valid. */
export const LINK_CODE_MS = 15 * 60_000;
/** Letters and digits nobody confuses when typing them (no I, O, 0, 1). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
/** The largest body LINE's webhook sends us that we read (a few events). */
const MAX_WEBHOOK_BYTES = 256 * 1024;
/** Wrong codes a LINE user may send in an hour before being told to wait. */
const WRONG_CODES = { count: 10, windowMs: 3_600_000 };

/** What a user types into LINE, as compared: letters and digits, upper case ("abcd-2345" = "ABCD2345"). */
const normalise = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');
/** The digest a code is kept as. */
export const linkCodeHash = (code: string) => sha256(`line-link:${code}`);

/** Whether LINE is set up on this server (LINE_CHANNEL_ACCESS_TOKEN and LINE_CHANNEL_SECRET). */
export const lineEnabled = (ctx: Pick<AppContext, 'config'>) => !!ctx.config.line.accessToken && !!ctx.config.line.channelSecret;

const lineOff = () => {
  const message = 'ระบบยังไม่ได้เปิดใช้การแจ้งเตือนทาง LINE กรุณาติดต่อผู้ดูแลระบบ';
  return badInput([{ field: 'channel', message }], message);
};

/**
 * A new one-time code for the caller to send to the LINE Official Account (linkLineAccount): 8 letters
 * and digits, valid 15 minutes, kept only as a digest, replacing the caller's earlier code.
 */
export async function createLinkCode(ctx: AppContext): Promise<{ code: string; expiresAt: Date }> {
  if (!lineEnabled(ctx)) throw lineOff();
  const user = ctx.user!;
  const code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + LINK_CODE_MS);
  const repo = ctx.em.getRepository(LineLinkCode);
  await repo.delete({ userId: user.id });
  await repo.insert({ userId: user.id, codeHash: linkCodeHash(code), expiresAt, createdAt: now });
  await recordAudit(ctx, { action: 'linkLineAccount', targetType: 'User', targetId: user.id, after: { expiresAt } });
  return { code, expiresAt };
}

/** Sets (or clears) the LINE user of an account's notice settings, making the settings row when it has none. */
async function setLineUser(ctx: AppContext, userId: number, lineUserId: string | null): Promise<string | null> {
  const repo = ctx.em.getRepository(NotificationSetting);
  const before = await repo.findOneBy({ userId });
  const now = ctx.clock.now();
  if (before) await repo.update({ userId }, { lineUserId, updatedAt: now });
  else await repo.insert({ userId, email: true, line: true, deadlineReminders: true, roundOpened: true, lineUserId, updatedAt: now });
  return before?.lineUserId ?? null;
}

/**
 * unlinkLineAccount: the caller's account no longer gets LINE pushes (their pending ones fail as
 * unreachable). True when a LINE account was linked: one conditional update, so of many tabs at once one says so.
 */
export async function unlinkLine(ctx: AppContext): Promise<boolean> {
  const user = ctx.user!;
  await ctx.em.getRepository(LineLinkCode).delete({ userId: user.id });
  const { affected } = await ctx.em
    .getRepository(NotificationSetting)
    .update({ userId: user.id, lineUserId: Not(IsNull()) }, { lineUserId: null, updatedAt: ctx.clock.now() });
  const unlinked = (affected ?? 0) > 0;
  await recordAudit(ctx, { action: 'unlinkLineAccount', targetType: 'User', targetId: user.id, after: { unlinked } });
  return unlinked;
}

/** LINE's signature of a webhook call: base64 HMAC-SHA256 of the raw body with the channel secret, compared in constant time. */
export function validLineSignature(secret: string, body: Buffer, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface LineEvent {
  type?: string;
  replyToken?: string;
  source?: { type?: string; userId?: string };
  message?: { type?: string; text?: string };
}

/**
 * One event of LINE's webhook (a redelivered one too: LINE redelivers only what was not answered 200):
 * a code-shaped text that is a valid code links its sender to the code's account (audited as that user's
 * act; the code is used up), answered in Thai, a wrong or expired one is told so; other text from a LINE
 * user not linked yet is answered with how to link; `follow` is welcomed; `unfollow` unlinks every
 * account of that LINE user. Answers the Thai reply to send, if any.
 */
async function handleEvent(deps: ContextDeps, ip: string | null, event: LineEvent): Promise<string | null> {
  const lineUserId = event.source?.type === 'user' ? event.source.userId : undefined;
  if (!lineUserId || !/^U[0-9a-f]{32}$/.test(lineUserId)) return null;
  const ctx = { ...systemContext(deps), ip };
  if (event.type === 'follow') return LINE_REPLIES.welcome;
  if (event.type === 'unfollow') {
    const linked = await ctx.db.getRepository(NotificationSetting).find({ select: { userId: true }, where: { lineUserId } });
    for (const { userId } of linked) {
      await runMutation(ctx, 'lineUnfollow', async () => {
        ctx.user = await ctx.em.getRepository(User).findOneBy({ id: userId });
        const changed = await ctx.em
          .getRepository(NotificationSetting)
          .update({ userId, lineUserId }, { lineUserId: null, updatedAt: ctx.clock.now() });
        await recordAudit(ctx, {
          action: 'lineUnfollow',
          targetType: 'User',
          targetId: userId,
          after: { unlinked: (changed.affected ?? 0) > 0 },
        });
      });
    }
    return null;
  }
  if (event.type !== 'message' || event.message?.type !== 'text' || typeof event.message.text !== 'string') return null;
  const text = event.message.text.trim();
  const code = normalise(text);
  if (text.length > 20 || code.length !== CODE_LENGTH) {
    // Not a code: how to link, to a LINE user not linked yet; a linked one chatting is not answered.
    const linkedAlready = await ctx.db.getRepository(NotificationSetting).existsBy({ lineUserId });
    return linkedAlready ? null : LINE_REPLIES.welcome;
  }
  const now = ctx.clock.now();
  const found = await ctx.db.getRepository(LineLinkCode).findOneBy({ codeHash: linkCodeHash(code) });
  if (!found || found.expiresAt.getTime() <= now.getTime()) {
    if ((await take(ctx.db, now, `line:code:${lineUserId}`, WRONG_CODES)) > 0) return LINE_REPLIES.tooMany;
    return LINE_REPLIES.badCode;
  }
  const linked = await runMutation(ctx, 'confirmLineLink', async () => {
    // Used once: of two messages with one code, the one that deletes it links.
    const used = await ctx.em.getRepository(LineLinkCode).delete({ userId: found.userId, codeHash: found.codeHash });
    if (!used.affected) return null;
    ctx.user = await ctx.em.getRepository(User).findOneBy({ id: found.userId });
    const before = await setLineUser(ctx, found.userId, lineUserId);
    await recordAudit(ctx, {
      action: 'confirmLineLink',
      targetType: 'User',
      targetId: found.userId,
      before: { lineLinked: !!before },
      after: { lineLinked: true },
    });
    return ctx.user;
  });
  return linked ? LINE_REPLIES.linked(linked.displayName || linked.username) : LINE_REPLIES.badCode;
}

/**
 * POST /line/webhook — LINE's callbacks to the Official Account. Refused with 401 (nothing done) unless
 * X-Line-Signature signs the raw body with LINE_CHANNEL_SECRET; 404 when LINE is not set up; bodies over
 * 256 KB refused (413), callers over RATE_LIMIT_LINE_WEBHOOK_ADDRESS per address refused (429). The events
 * are handled before the 200 answer; the replies go after it.
 */
export function lineWebhookRouter(deps: ContextDeps, log: Logger): Router {
  const router = Router();
  router.post(
    '/line/webhook',
    express.raw({ type: () => true, limit: MAX_WEBHOOK_BYTES }),
    (req: Request, res: Response, next: NextFunction) => {
      receive(req, res).catch(next);
    },
  );
  const receive = async (req: Request, res: Response) => {
    const line = deps.config.line;
    if (!line.accessToken || !line.channelSecret) return res.status(404).json({ message: 'ระบบยังไม่ได้เปิดใช้ LINE' });
    const wait = await take(
      deps.db,
      deps.clock.now(),
      `line:hook:${addressKey(req.ip ?? null)}`,
      deps.config.rateLimits.lineWebhookPerAddress,
    );
    if (wait > 0) return res.status(429).set('Retry-After', String(wait)).json({ message: 'มีการเรียกบ่อยเกินกำหนด' });
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!validLineSignature(line.channelSecret, body, req.get('x-line-signature'))) {
      return res.status(401).json({ message: 'ลายมือชื่อ (X-Line-Signature) ไม่ถูกต้อง' });
    }
    let events: LineEvent[];
    try {
      const parsed = JSON.parse(body.toString('utf8')) as { events?: unknown };
      events = Array.isArray(parsed.events) ? (parsed.events as LineEvent[]).slice(0, 100) : [];
    } catch {
      return res.status(400).json({ message: 'คำขอไม่ถูกต้อง' });
    }
    const replies: Array<{ token: string; text: string }> = [];
    for (const event of events) {
      const text = await handleEvent(deps, req.ip ?? null, event);
      if (text && typeof event.replyToken === 'string') replies.push({ token: event.replyToken, text });
    }
    res.json({});
    for (const reply of replies) {
      callLine(line, '/v2/bot/message/reply', { replyToken: reply.token, messages: [{ type: 'text', text: reply.text }] }).catch((err) =>
        log.warn({ err }, 'LINE reply could not be sent'),
      );
    }
  };
  return router;
}
