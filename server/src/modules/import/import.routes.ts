import express, { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { AppContext, ContextOf } from '../../core/context';
import { checkRouteScope } from '../account/api-scope.plugin';
import { DomainError, forbidden, sendHttpError, unauthenticated } from '../../core/errors';
import { allow, Permission } from '../access/policy';
import { mapTable, type ImportKind } from './import.columns';
import { parseSpreadsheet } from './spreadsheet';

/** The imports POST /import/:kind reads. */
export const IMPORT_KINDS: ImportKind[] = ['laos', 'users', 'plan-years'];
/** A national registry (~7,850 LAOs) as XLSX is well under this. */
const MAX_UPLOAD_MB = 8;

const send = (res: Response, status: number, message: string) => res.status(status).json({ message });

/**
 * POST /import/<laos|users|plan-years> with a CSV or XLSX file as the body (ADMIN): reads the file and
 * answers its rows as field → text with their row numbers, and which columns are missing or unknown.
 * Nothing is saved here; the client then sends the rows in chunks to the import mutations, which
 * check and save each row and report per row (the progress bar follows the chunks). The caller is
 * checked before the body is read, and the file's size (rows; an XLSX unpacked) before it is parsed.
 */
export function importRouter(contextOf: ContextOf, log: Logger): Router {
  const router = Router();
  const caller = async (req: Request, res: Response, next: () => void) => {
    if (!IMPORT_KINDS.includes(String(req.params.kind) as ImportKind)) return send(res, 404, 'ไม่พบประเภทการนำเข้านี้');
    // A form on another site can only send "simple" content types; a file upload from our client sends the file's own type.
    const type = String(req.headers['content-type'] ?? '');
    if (/^(text\/plain|application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type))
      return send(res, 400, 'ชนิดไฟล์ไม่ถูกต้อง กรุณาเลือกไฟล์ CSV หรือ XLSX');
    let ctx: AppContext | null = null;
    try {
      ctx = await contextOf(req, res);
      if (!ctx.user) throw unauthenticated();
      // No token's scopes reach an import (access/policy.ts API_SCOPES): refused and audited like any other.
      await checkRouteScope(ctx, `POST /import/${String(req.params.kind)}`);
      if (!allow(ctx.user, Permission.ADMINISTER)) throw forbidden();
    } catch (err) {
      return sendHttpError(res, err, log, 'json');
    }
    next();
  };
  const body = express.raw({ type: () => true, limit: `${MAX_UPLOAD_MB}mb` });
  router.post('/import/:kind', caller, body, async (req: Request, res: Response) => {
    const kind = String(req.params.kind) as ImportKind;
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) return send(res, 400, 'ไฟล์ว่างเปล่า');
    try {
      const mapped = mapTable(kind, await parseSpreadsheet(req.body));
      if (mapped.missingColumns.length) return send(res, 400, `ไฟล์ไม่มีคอลัมน์: ${mapped.missingColumns.join(', ')}`);
      res.json(mapped);
    } catch (err) {
      if (err instanceof DomainError) return send(res, 400, err.message);
      log.warn({ err }, 'import file could not be read');
      send(res, 400, 'อ่านไฟล์ไม่ได้ กรุณาใช้ไฟล์ CSV (UTF-8) หรือ Excel (.xlsx)');
    }
  });
  router.use('/import', (err: { status?: number }, _req: Request, res: Response, next: (err?: unknown) => void) => {
    if (err.status !== 413) return next(err);
    send(res, 413, `ไฟล์มีขนาดเกิน ${MAX_UPLOAD_MB} MB กรุณาแบ่งเป็นหลายไฟล์แล้วนำเข้าทีละไฟล์`);
  });
  return router;
}
