import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { AppContext, ContextOf } from '../../core/context';
import { DomainError, sendHttpError, unauthenticated } from '../../core/errors';
import { auditRoute, checkRouteScope, ScopeRefusal } from '../account/api-scope.plugin';
import { chargeQueryCost, rateLimitHeaders } from '../../core/rate-limit';
import { actionPlanPdf, actionPlanXlsx } from './action-plan.document';
import { followUpXlsx } from './follow-up.document';
import { memoPdf } from './memo.document';
import { nationalPdf, nationalXlsx } from './national.document';
import { overviewPdf, overviewXlsx } from './overview.document';
import { planResultsPdf, planResultsXlsx } from './plan-results.document';
import { provincePdf, provinceXlsx } from './province.document';

import type { ExportFile } from './export.params';

type Exporter = (ctx: AppContext, query: Record<string, string | undefined>) => Promise<ExportFile>;

/** Every document, by its URL (PRODUCT.md §7). */
const EXPORTS: Record<string, Exporter> = {
  'action-plan.pdf': actionPlanPdf,
  'action-plan.xlsx': actionPlanXlsx,
  'overview.pdf': overviewPdf,
  'overview.xlsx': overviewXlsx,
  'plan-results.pdf': planResultsPdf,
  'plan-results.xlsx': planResultsXlsx,
  'memo.pdf': memoPdf,
  'province.pdf': provincePdf,
  'province.xlsx': provinceXlsx,
  'national-scores.pdf': nationalPdf,
  'national-scores.xlsx': nationalXlsx,
  'follow-up.xlsx': followUpXlsx,
};

/** The documents GET /export/:file serves. */
export const EXPORT_FILES = Object.keys(EXPORTS);

/** What a document costs from its caller's budget (rate-limit.ts): rendering one takes as long as a large page of the API. */
export const EXPORT_COST = 5_000;

/**
 * GET /export/<document>.<pdf|xlsx>?…: the printed reports, for the same signed-in session (cookie)
 * or bearer token as the API, with the same scoping (the services check it).
 */
export function exportRouter(contextOf: ContextOf, log: Logger): Router {
  const router = Router();
  router.get('/export/:file', async (req: Request, res: Response) => {
    const exporter = EXPORTS[String(req.params.file)];
    if (!exporter) {
      res.status(404).type('text/plain; charset=utf-8').send('ไม่พบเอกสารนี้');
      return;
    }
    const route = `GET /export/${String(req.params.file)}`;
    let ctx: AppContext | null = null;
    try {
      ctx = await contextOf(req, res);
      if (!ctx.user) throw unauthenticated();
      await checkRouteScope(ctx, route);
      const budget = await chargeQueryCost(ctx, EXPORT_COST);
      for (const [name, value] of rateLimitHeaders(budget, ctx.clock.now())) res.setHeader(name, value);
      const query = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
      const file = await exporter(ctx, query);
      res.setHeader(
        'Content-Type',
        file.type === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const ascii = file.fileName.replace(/[^\w.-]+/g, '_');
      res.setHeader(
        'Content-Disposition',
        `${file.type === 'pdf' ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      res.setHeader('Cache-Control', 'private, no-store');
      await auditRoute(ctx, route, null);
      res.send(file.body);
    } catch (err) {
      // A request by a token leaves one audit row: the scope check wrote its own refusal.
      if (ctx?.apiToken && !(err instanceof ScopeRefusal)) {
        await auditRoute(ctx, route, err instanceof DomainError ? err.message : 'ข้อผิดพลาดของระบบ').catch((e) => log.error({ err: e }));
      }
      sendHttpError(res, err, log, 'text');
    }
  });
  return router;
}
