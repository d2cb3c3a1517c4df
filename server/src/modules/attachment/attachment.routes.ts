import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { AppContext, ContextOf } from '../../core/context';
import { DomainError, forbidden, notFound, sendHttpError, unauthenticated } from '../../core/errors';
import { parseId } from '../../core/ids';
import { chargeQueryCost, rateLimitHeaders, withinPublicLimit } from '../../core/rate-limit';
import { runMutation } from '../../core/transaction';
import { allow, Permission } from '../access/policy';
import { auditRoute, checkRouteScope, ScopeRefusal } from '../account/api-scope.plugin';
import { contentDisposition, MAX_FILE_BYTES } from './attachment-file';
import type { Attachment } from './attachment.entity';
import { attachmentBytes, readableAttachment, saveAttachment, uploadTarget } from './attachment.service';
import { discardFile, receiveUpload, tooLarge, UploadRefused, type ReceivedFile } from './attachment.upload';
import { boundaryOf } from './multipart';

/** What an upload or a download costs of a signed-in caller's budget (rate-limit.ts): as much as a document. */
export const ATTACHMENT_COST = 5_000;
/** What a download costs of an anonymous address's public allowance (RATE_LIMIT_PUBLIC_ADDRESS): as much as an open-data file. */
const PUBLIC_DOWNLOAD_COST = 20;
/** Room for the form around the file (its fields, boundaries and part headers) when a request declares its length. */
const FORM_OVERHEAD_BYTES = 16 * 1024;

const UPLOAD_ROUTE = 'POST /attachments';
const DOWNLOAD_ROUTE = 'GET /attachments/:id';

/**
 * The GraphQL endpoint's rule against cross-site requests (Apollo's CSRF prevention), for the upload: a
 * page of another site can make a browser send a multipart form without asking, but not one with this
 * header — the browser first asks this server (a preflight), which never allows another site.
 */
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'];
const preflighted = (req: Request) => PREFLIGHT_HEADERS.some((h) => typeof req.headers[h] === 'string' && req.headers[h] !== '');

/** An attachment's facts as the upload answers them, named as GraphQL names them. */
export const attachmentJson = (a: Attachment) => ({
  id: String(a.id),
  laoCode: a.laoCode,
  fiscalYear: a.fiscalYear,
  round: a.round,
  progressReportId: a.progressReportId === null ? null : String(a.progressReportId),
  fileName: a.fileName,
  mediaType: a.mediaType,
  size: a.size,
  sha256: a.sha256,
  public: a.isPublic,
  uploadedAt: a.uploadedAt.toISOString(),
});

/** Refuses a request whose body is not read: the connection is closed after the answer, so the rest of the body is never taken in. */
function refuseUnread(req: Request, res: Response, err: unknown, log: Logger): void {
  if (!req.complete) res.setHeader('Connection', 'close');
  if (err instanceof UploadRefused) {
    res.status(err.status).json({ message: err.message, code: err.code, reason: err.reason });
  } else {
    sendHttpError(res, err, log, 'json');
  }
}

/**
 * POST /attachments (multipart/form-data: `progressReportId`, or `laoCode` and `fiscalYear`, then the
 * `file`) and GET /attachments/<id>: evidence files, with the session or bearer token of every other
 * route and the same scoping (attachment.service.ts). The upload is refused before its body is read when
 * the caller may not upload at all, when it says it is too large, or when it comes from another site;
 * the file itself is checked while it arrives.
 */
export function attachmentRouter(contextOf: ContextOf, log: Logger): Router {
  const router = Router();

  router.post('/attachments', async (req: Request, res: Response) => {
    let ctx: AppContext | null = null;
    let file: ReceivedFile | null = null;
    try {
      if (!preflighted(req)) {
        throw new UploadRefused(400, 'BAD_FORM', 'คำขอนี้ไม่ได้ส่งจากหน้าเว็บของระบบ (ขาดส่วนหัว apollo-require-preflight) จึงไม่รับไฟล์');
      }
      const boundary = boundaryOf(req.headers['content-type']);
      if (!boundary) throw new UploadRefused(415, 'BAD_FORM', 'กรุณาส่งไฟล์แบบ multipart/form-data (ไฟล์ในช่อง file)');
      if (Number(req.headers['content-length']) > MAX_FILE_BYTES + FORM_OVERHEAD_BYTES) throw tooLarge();
      ctx = await contextOf(req, res);
      if (!ctx.user) throw unauthenticated();
      await checkRouteScope(ctx, UPLOAD_ROUTE);
      if (!allow(ctx.user, Permission.EDIT_LAO) || !allow(ctx.user, Permission.WRITE)) throw forbidden('ท่านไม่มีสิทธิ์แนบไฟล์หลักฐาน');
      const budget = await chargeQueryCost(ctx, ATTACHMENT_COST);
      for (const [name, value] of rateLimitHeaders(budget, ctx.clock.now())) res.setHeader(name, value);
      const caller = ctx;
      const upload = await receiveUpload(req, boundary, caller.clock.now(), async (to) => {
        await uploadTarget(caller, to);
      });
      file = upload.file;
      const received = upload.file;
      const saved = await runMutation(caller, 'uploadAttachment', () => saveAttachment(caller, upload.to, received));
      res.json(attachmentJson(saved));
    } catch (err) {
      // (No token gets past the scope check, which audits its refusal itself: uploading is an LAO's own write.)
      // The browser gave up (closed the page, lost the line): nobody is left to answer.
      if (req.destroyed && !req.complete && !(err instanceof DomainError)) {
        log.info({ err }, 'an upload was cut off by its sender');
        return;
      }
      refuseUnread(req, res, err, log);
    } finally {
      if (file) await discardFile(file.path);
    }
  });

  router.get('/attachments/:id', async (req: Request, res: Response) => {
    let ctx: AppContext | null = null;
    let audited = false;
    try {
      const id = parseId(String(req.params.id));
      ctx = await contextOf(req, res);
      await checkRouteScope(ctx, DOWNLOAD_ROUTE);
      if (Number.isNaN(id)) throw notFound('ไม่พบไฟล์แนบนี้');
      // Charged before anything is read, so that probing ids that end in 404/401/403 costs as much as a download.
      if (ctx.user) {
        const budget = await chargeQueryCost(ctx, ATTACHMENT_COST);
        for (const [name, value] of rateLimitHeaders(budget, ctx.clock.now())) res.setHeader(name, value);
      } else if (!(await withinPublicLimit(ctx, req, res, PUBLIC_DOWNLOAD_COST))) {
        return;
      }
      const attachment = await readableAttachment(ctx, id);
      await auditRoute(ctx, DOWNLOAD_ROUTE, null);
      audited = true;
      // What the content was found to be, never to be guessed otherwise; offered as a download, run as nothing.
      res.setHeader('Content-Type', attachment.mediaType);
      res.setHeader('Content-Length', String(attachment.size));
      res.setHeader('Content-Disposition', contentDisposition(attachment.fileName));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader('ETag', `"${attachment.sha256}"`);
      res.setHeader('Cache-Control', 'private, no-cache');
      if (req.headers['if-none-match'] === `"${attachment.sha256}"`) {
        res.status(304).end();
        return;
      }
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      await pipeline(Readable.from(attachmentBytes(ctx, attachment)), res);
    } catch (err) {
      if (ctx?.apiToken && !audited && !(err instanceof ScopeRefusal)) {
        await auditRoute(ctx, DOWNLOAD_ROUTE, err instanceof DomainError ? err.message : 'ข้อผิดพลาดของระบบ').catch((e) =>
          log.error({ err: e }),
        );
      }
      if (res.headersSent) {
        // The download had started: the caller left, or the file went meanwhile; the answer is cut short.
        log.info({ err }, 'an attachment download ended early');
        res.destroy();
        return;
      }
      sendHttpError(res, err, log, 'text');
    }
  });

  return router;
}
