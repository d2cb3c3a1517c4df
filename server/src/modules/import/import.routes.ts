import express, { Router, type Request, type Response } from 'express';
import { authenticate, secretOf } from '../account/authentication';
import { DomainError } from '../../core/errors';
import type { ContextDeps } from '../../core/context';
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
export function importRouter(deps: ContextDeps): Router {
  const router = Router();
  const caller = async (req: Request, res: Response, next: () => void) => {
    if (!IMPORT_KINDS.includes(String(req.params.kind) as ImportKind)) return send(res, 404, 'ไม่พบประเภทการนำเข้านี้');
    // A form on another site can only send "simple" content types; a file upload from our client sends the file's own type.
    const type = String(req.headers['content-type'] ?? '');
    if (/^(text\/plain|application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type))
      return send(res, 400, 'ชนิดไฟล์ไม่ถูกต้อง กรุณาเลือกไฟล์ CSV หรือ XLSX');
    const auth = await authenticate(deps.db, deps.clock.now(), secretOf(req.headers, req.cookies));
    if (!auth.user) return send(res, 401, 'กรุณาเข้าสู่ระบบก่อนใช้งาน');
    if (!allow(auth.user, Permission.ADMINISTER)) return send(res, 403, 'ท่านไม่มีสิทธิ์ทำรายการนี้');
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
      deps.log.warn({ err }, 'import file could not be read');
      send(res, 400, 'อ่านไฟล์ไม่ได้ กรุณาใช้ไฟล์ CSV (UTF-8) หรือ Excel (.xlsx)');
    }
  });
  router.use('/import', (err: { status?: number }, _req: Request, res: Response, next: (err?: unknown) => void) => {
    if (err.status !== 413) return next(err);
    send(res, 413, `ไฟล์มีขนาดเกิน ${MAX_UPLOAD_MB} MB กรุณาแบ่งเป็นหลายไฟล์แล้วนำเข้าทีละไฟล์`);
  });
  return router;
}
