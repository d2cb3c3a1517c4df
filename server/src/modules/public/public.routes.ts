import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { AppContext, ContextOf } from '../../core/context';
import { withinPublicLimit } from '../../core/rate-limit';
import { badInput, sendHttpError } from '../../core/errors';
import { LAO_CODE, type FormatRule } from '../../core/field-rules';
import { cleanText } from '../../core/input';
import { ReportRound } from '../plan/report.enums';
import { publicLaoHtml, publicNationalHtml, publicPage, publicProvinceHtml, type PublicPageParts } from './public.html';
import { publicSearch } from './public.search';
import { openDataRows, publicDistrictRound, publicLaoYear, publicNationalRound, publicProvinceRound } from './public.service';
import { dataPackage, openDataCsv, openDataJson, resourceName } from './open-data';
import type { PublicAttachment } from '../attachment/attachment.service';
import { publicSearchHtml } from './search.html';

/** How long a browser or proxy may keep a page before asking again (it then revalidates by ETag). */
const MAX_AGE_SECONDS = 300;

/**
 * What a request costs of its address's RATE_LIMIT_PUBLIC_ADDRESS: a page 1; the national table and each
 * open-data file, which read the whole country, 20.
 */
const PAGE_COST = 1;
const WHOLE_COUNTRY_COST = 20;

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

const PROVINCE_CODE: FormatRule = { pattern: /^\d{2}$/, message: 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก' };
const DISTRICT_CODE: FormatRule = { pattern: /^\d{4}$/, message: 'รหัสอำเภอต้องเป็นตัวเลข 4 หลัก' };

function checkCode(field: string, code: string, rule: FormatRule): string {
  if (!rule.pattern.test(code)) throw badInput([{ field, message: rule.message }], rule.message);
  return code;
}

/** The code, year and round of a table's address (/public/province/…, /public/district/…). */
function checkTableParams(req: Request, rule: FormatRule): { code: string; year: number; round: ReportRound } {
  return {
    code: checkCode('code', String(req.params.code), rule),
    year: checkYear(String(req.params.year)),
    round: checkRound(String(req.params.round)),
  };
}

/** One optional query parameter of /public as text (absent or empty: null; given twice: refused). */
function queryParam(req: Request, name: string): string | null {
  const value = req.query[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw badInput([{ field: name, message: 'คำขอไม่ถูกต้อง' }], 'คำขอไม่ถูกต้อง');
  return value;
}

/** What /public was asked: a search (at most 100 characters), a province, a district, a fiscal year; each checked. */
function checkSearchParams(req: Request) {
  const { value: query, problem } = cleanText(queryParam(req, 'q'), { label: 'คำค้น', max: 100 });
  if (problem) throw badInput([{ field: 'q', message: problem }], problem);
  const province = queryParam(req, 'province');
  const district = queryParam(req, 'district');
  const year = queryParam(req, 'year');
  return {
    query,
    provinceCode: province === null ? null : checkCode('province', province, PROVINCE_CODE),
    districtCode: district === null ? null : checkCode('district', district, DISTRICT_CODE),
    fiscalYear: year === null ? null : checkYear(year),
  };
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
 * The app's Thai font for the public pages: the built client's Sarabun files (Thai and the Latin the pages
 * show, regular and bold), which the server serves under /assets and browsers keep; none without a built
 * client (the pages then use the Thai system fonts of their font stack).
 */
export function publicFontFaces(clientDir: string | null): string {
  const assets = clientDir ? path.join(clientDir, 'assets') : null;
  const files = assets && fs.existsSync(assets) ? fs.readdirSync(assets) : [];
  const faces = [
    { prefix: 'sarabun-thai-400-normal-', weight: 400, range: 'U+0E01-0E5B,U+200C-200D,U+25CC' },
    { prefix: 'sarabun-thai-700-normal-', weight: 700, range: 'U+0E01-0E5B,U+200C-200D,U+25CC' },
    {
      prefix: 'sarabun-latin-common-400-',
      weight: 400,
      range: 'U+0020-007E,U+00A0,U+00B7,U+00D7,U+2013-2014,U+2018-2019,U+201C-201D,U+2026',
    },
    {
      prefix: 'sarabun-latin-common-700-',
      weight: 700,
      range: 'U+0020-007E,U+00A0,U+00B7,U+00D7,U+2013-2014,U+2018-2019,U+201C-201D,U+2026',
    },
  ];
  return faces
    .map(({ prefix, weight, range }) => {
      const file = files.find((f) => f.startsWith(prefix) && f.endsWith('.woff2'));
      return file
        ? `@font-face{font-family:"Sarabun";font-weight:${weight};font-display:swap;src:url("/assets/${file}") format("woff2");unicode-range:${range}}`
        : '';
    })
    .join('');
}

/**
 * The public pages (issue #16): served with or without a session, scoped by READ_PUBLISHED in the policy
 * layer (published rounds only, no personal data), server-rendered so they are fast, printable and work
 * without JavaScript: /public (search, province → district → LAO), the LAO's year, the province's,
 * district's and national tables of a published round, and its open data.
 */
export function publicRouter(contextOf: ContextOf, log: Logger, clientDir: string | null, attachmentsOf: PublicAttachmentsOf): Router {
  const router = Router();
  const fontFaces = publicFontFaces(clientDir);
  /** A page of the router: charged, read, framed and sent with its ETag; any error as Thai text. */
  const page = (cost: number, read: (ctx: AppContext, req: Request) => Promise<PublicPageParts>) => async (req: Request, res: Response) => {
    try {
      const ctx = await contextOf(req, res);
      if (!(await withinPublicLimit(ctx, req, res, cost))) return;
      sendCached(req, res, publicPage(await read(ctx, req), fontFaces));
    } catch (err) {
      sendHttpError(res, err, log, 'text');
    }
  };
  router.get(
    '/public',
    page(PAGE_COST, async (ctx, req) => publicSearchHtml(await publicSearch(ctx, checkSearchParams(req)))),
  );
  router.get(
    '/public/lao/:code/:year',
    page(PAGE_COST, async (ctx, req) => {
      const [code, year] = [checkCode('code', String(req.params.code), LAO_CODE), checkYear(String(req.params.year))];
      const [lao, files] = await Promise.all([publicLaoYear(ctx, code, year), attachmentsOf(ctx, code, year)]);
      return publicLaoHtml(lao, files);
    }),
  );
  router.get(
    '/public/province/:code/:year/:round',
    page(PAGE_COST, async (ctx, req) => {
      const { code, year, round } = checkTableParams(req, PROVINCE_CODE);
      return publicProvinceHtml(await publicProvinceRound(ctx, code, year, round));
    }),
  );
  router.get(
    '/public/district/:code/:year/:round',
    page(PAGE_COST, async (ctx, req) => {
      const { code, year, round } = checkTableParams(req, DISTRICT_CODE);
      return publicProvinceHtml(await publicDistrictRound(ctx, code, year, round));
    }),
  );
  router.get(
    '/public/national/:year/:round',
    page(WHOLE_COUNTRY_COST, async (ctx, req) => {
      const [year, round] = [checkYear(String(req.params.year)), checkRound(String(req.params.round))];
      return publicNationalHtml(await publicNationalRound(ctx, year, round));
    }),
  );
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
      if (!(await withinPublicLimit(ctx, req, res, WHOLE_COUNTRY_COST))) return;
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
