import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { AppContext, ContextOf } from '../../core/context';
import { addressKey, take } from '../../core/rate-limit';
import { badInput, sendHttpError } from '../../core/errors';
import { ReportRound } from '../plan/report.enums';
import { publicLaoHtml, publicProvinceHtml } from './public.html';
import { openDataRows, publicLaoYear, publicProvinceRound } from './public.service';
import { dataPackage, openDataCsv, openDataJson, resourceName } from './open-data';
import type { PublicAttachment } from '../attachment/attachment.service';

/** How long a browser or proxy may keep a page before asking again (it then revalidates by ETag). */
const MAX_AGE_SECONDS = 300;

/** What a request costs of its address's RATE_LIMIT_PUBLIC_ADDRESS: a page 1, open data (each file reads the whole country) 20. */
const PAGE_COST = 1;
const OPEN_DATA_COST = 20;

/**
 * Charges the caller's address for a public request, or answers 429 with Retry-After (false): the pages
 * are open to everyone, so no anonymous caller repeating one may cost the database more than its share.
 */
export async function withinLimit(ctx: AppContext, req: Request, res: Response, cost: number): Promise<boolean> {
  const wait = await take(ctx.db, ctx.clock.now(), `public:${addressKey(req.ip ?? null)}`, ctx.config.rateLimits.publicPerAddress, cost);
  if (wait <= 0) return true;
  res.status(429).set('Retry-After', String(wait)).type('text/plain; charset=utf-8').send('มีการเรียกบ่อยเกินกำหนด กรุณาลองใหม่ภายหลัง');
  return false;
}

function checkYear(year: string): number {
  const y = Number(year);
  if (!/^\d{4}$/.test(year) || y < 2500 || y > 2700) {
    throw badInput([{ field: 'year', message: 'ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง 2500–2700' }], 'ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง 2500–2700');
  }
  return y;
}

function checkRound(round: string): ReportRound {
  if (round !== ReportRound.SIX_MONTHS && round !== ReportRound.TWELVE_MONTHS) {
    const message = 'รอบการรายงานต้องเป็น SIX_MONTHS หรือ TWELVE_MONTHS';
    throw badInput([{ field: 'round', message }], message);
  }
  return round;
}

function checkProvinceParams(code: string, year: string, round: string): { code: string; year: number; round: ReportRound } {
  if (!/^\d{2}$/.test(code)) throw badInput([{ field: 'code', message: 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก' }], 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก');
  return { code, year: checkYear(year), round: checkRound(round) };
}

function checkParams(code: string, year: string): { code: string; year: number } {
  if (!/^\d{7}$/.test(code)) throw badInput([{ field: 'code', message: 'รหัส อปท. ต้องเป็นตัวเลข 7 หลัก' }], 'รหัส อปท. ต้องเป็นตัวเลข 7 หลัก');
  return { code, year: checkYear(year) };
}

/** Sends a page with its ETag, or 304 when the caller already holds it (the tag changes whenever the page would). */
function sendCached(req: Request, res: Response, html: string, type = 'text/html; charset=utf-8'): void {
  const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', `public, max-age=${MAX_AGE_SECONDS}, must-revalidate`);
  if (req.headers['if-none-match'] === etag) {
    res.status(304).end();
    return;
  }
  res.type(type).send(html);
}

/** The evidence an LAO publishes with a year (modules/attachment): given by the application rather than imported, as that module reads this one's rule of what is published. */
export type PublicAttachmentsOf = (ctx: AppContext, laoCode: string, fiscalYear: number) => Promise<PublicAttachment[]>;

/**
 * The public pages (issue #16): served with or without a session, scoped by READ_PUBLISHED in the policy
 * layer (closed rounds only, no personal data), server-rendered so they are fast and printable.
 */
export function publicRouter(contextOf: ContextOf, log: Logger, attachmentsOf: PublicAttachmentsOf): Router {
  const router = Router();
  router.get('/public/lao/:code/:year', async (req: Request, res: Response) => {
    try {
      const { code, year } = checkParams(String(req.params.code), String(req.params.year));
      const ctx = await contextOf(req, res);
      if (!(await withinLimit(ctx, req, res, PAGE_COST))) return;
      const page = await publicLaoYear(ctx, code, year);
      sendCached(req, res, publicLaoHtml(page, await attachmentsOf(ctx, code, year)));
    } catch (err) {
      sendHttpError(res, err, log, 'text');
    }
  });
  router.get('/public/province/:code/:year/:round', async (req: Request, res: Response) => {
    try {
      const { code, year, round } = checkProvinceParams(String(req.params.code), String(req.params.year), String(req.params.round));
      const ctx = await contextOf(req, res);
      if (!(await withinLimit(ctx, req, res, PAGE_COST))) return;
      sendCached(req, res, publicProvinceHtml(await publicProvinceRound(ctx, code, year, round)));
    } catch (err) {
      sendHttpError(res, err, log, 'text');
    }
  });
  // Open data of a closed round: /open-data/<year>/<round>/datapackage.json and the resources it names.
  router.get('/open-data/:year/:round/:file', async (req: Request, res: Response) => {
    try {
      const [year, round] = [checkYear(String(req.params.year)), checkRound(String(req.params.round))];
      const file = String(req.params.file);
      const known = ['datapackage.json', resourceName(round, 'csv'), resourceName(round, 'json')];
      if (!known.includes(file)) {
        res.status(404).type('text/plain; charset=utf-8').send('ไม่พบไฟล์นี้');
        return;
      }
      const ctx = await contextOf(req, res);
      if (!(await withinLimit(ctx, req, res, OPEN_DATA_COST))) return;
      const rows = await openDataRows(ctx, year, round);
      if (file === 'datapackage.json')
        sendCached(req, res, JSON.stringify(dataPackage(year, round, rows.length), null, 2), 'application/json; charset=utf-8');
      else if (file.endsWith('.csv')) sendCached(req, res, openDataCsv(rows), 'text/csv; charset=utf-8');
      else sendCached(req, res, openDataJson(rows), 'application/json; charset=utf-8');
    } catch (err) {
      sendHttpError(res, err, log, 'text');
    }
  });
  return router;
}
