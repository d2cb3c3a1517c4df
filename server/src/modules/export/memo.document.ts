import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { thaiDate } from '../../core/pdf/thai-text';
import type { Lao } from '../lao/lao.entity';
import { memoEmblem } from '../memo-emblem/memo-emblem.service';
import { dimensionsOf } from '../plan-dimension/plan-dimension.resolver';
import type { ReportRound } from '../plan/report.enums';
import { resultFigures } from '../scoring/lao-summary.service';
import { pdfFile } from './document-files';
import type { Place } from './document-parts';
import { laoRoundParams, stringParam, type ExportFile } from './export.params';
import { buildMemoPdf } from './memo.export';
import { overviewModel, type OverviewModel } from './overview.document';
import { planResultsModel, type PlanResultsModel } from './plan-results.document';

/** The memo of a round as it is printed: the LAO and its officers, the memo's own fields, and what it attaches. */
export interface MemoModel {
  lao: Pick<Lao, 'code' | 'name' | 'type' | 'officeHeadName' | 'chiefAdministratorName' | 'executiveName'>;
  place: Place;
  fiscalYear: number;
  round: ReportRound;
  /** The memo's date, as the officer chose it. */
  date: Date;
  /** เลขที่หนังสือ; empty: left blank to write in. */
  ref: string;
  /** The years of the plan in force (แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. …-…)), when the year has dimensions. */
  planYears: { firstYear: number; lastYear: number } | null;
  /** NACC's ครุฑ as a data URL, when one is set. */
  emblem: string | null;
  overview: OverviewModel;
  results: PlanResultsModel;
}

/**
 * `date=YYYY-MM-DD`, the memo's date as the officer chooses it (default: today in Bangkok). A real
 * calendar date, not before the fiscal year began (no report on it is written earlier) and at most a
 * year from today (a later one is a slip of the keyboard).
 */
export function memoDateParam(ctx: AppContext, query: Record<string, string | undefined>, fiscalYear: number): Date {
  const value = query.date?.trim();
  const now = ctx.clock.now();
  if (!value) return now;
  const refuse = (message: string) => badInput([{ field: 'date', message }], message);
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)?.slice(1).map(Number);
  // Noon in Bangkok, so the date prints as the day chosen.
  const date = parts && new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], 5));
  if (!parts || !date || date.getUTCFullYear() !== parts[0] || date.getUTCMonth() !== parts[1] - 1 || date.getUTCDate() !== parts[2])
    throw refuse('วันที่ของบันทึกข้อความไม่ถูกต้อง กรุณาเลือกวันที่จากปฏิทิน');
  const first = new Date(Date.UTC(fiscalYear - 544, 9, 1, 5));
  if (date < first) throw refuse(`วันที่ของบันทึกข้อความต้องไม่ก่อนวันเริ่มปีงบประมาณ พ.ศ. ${fiscalYear} (${thaiDate(first)})`);
  const today = new Date(now.getTime() + 7 * 3_600_000);
  const latest = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate(), 5));
  if (date > latest) throw refuse(`วันที่ของบันทึกข้อความต้องไม่เกิน 1 ปีนับจากวันนี้ (${thaiDate(latest)})`);
  return date;
}

export async function loadMemo(
  ctx: AppContext,
  laoCode: string,
  fiscalYear: number,
  round: ReportRound,
  memo: { date: Date; ref: string },
): Promise<MemoModel> {
  const figures = await resultFigures(ctx, laoCode, fiscalYear, round);
  const lao = figures.overview.lao;
  const [overview, results, dimensions, emblem] = await Promise.all([
    overviewModel(ctx, figures.overview),
    planResultsModel(ctx, figures),
    dimensionsOf(ctx, fiscalYear),
    memoEmblem(ctx),
  ]);
  return {
    lao: {
      code: lao.code,
      name: lao.name,
      type: lao.type,
      officeHeadName: lao.officeHeadName,
      chiefAdministratorName: lao.chiefAdministratorName,
      executiveName: lao.executiveName,
    },
    place: overview.place,
    fiscalYear,
    round,
    date: memo.date,
    ref: memo.ref,
    planYears: dimensions[0] ? { firstYear: dimensions[0].firstYear, lastYear: dimensions[0].lastYear } : null,
    emblem: emblem?.dataUrl ?? null,
    overview,
    results,
  };
}

/**
 * /export/memo.pdf?lao=&year=&round=[&date=YYYY-MM-DD][&ref=เลขที่หนังสือ] — the internal memo (บันทึกข้อความ)
 * of a round's results with its attachment (memo.export.ts).
 */
export async function memoPdf(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const { laoCode, year, round } = laoRoundParams(ctx, query);
  const date = memoDateParam(ctx, query, year);
  const ref = query.ref?.trim() ? stringParam(query, 'ref', 'เลขที่หนังสือ', 100) : '';
  return pdfFile(buildMemoPdf(await loadMemo(ctx, laoCode, year, round, { date, ref })));
}
