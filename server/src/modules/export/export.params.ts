import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { fiscalYearProblem } from '../../core/fiscal-year';
import { cleanText } from '../../core/input';
import type { Lao } from '../lao/lao.entity';
import { ReportRound } from '../plan/report.enums';
import type { Place } from './document-parts';

/** A document ready to send. */
export interface ExportFile {
  body: Buffer;
  /** File name for the download, Thai allowed. */
  fileName: string;
  type: 'pdf' | 'xlsx';
}

const refuse = (field: string, message: string) => badInput([{ field, message }], message);

/** The `year` parameter: a fiscal year of the supported plan periods, as the API takes it. */
export function yearParam(ctx: AppContext, query: Record<string, string | undefined>): number {
  const value = query.year;
  if (!value || !/^\d{1,6}$/.test(value)) throw refuse('year', 'กรุณาระบุปีงบประมาณ');
  const problem = fiscalYearProblem(Number(value), ctx.clock.now());
  if (problem) throw refuse('year', problem);
  return Number(value);
}

/** A text parameter, normalised and checked as the API's text fields are. */
export function stringParam(query: Record<string, string | undefined>, name: string, label: string, max = 200): string {
  const { value, problem } = cleanText(query[name] ?? null, { label, max });
  if (problem) throw refuse(name, problem);
  if (!value) throw refuse(name, `กรุณาระบุ${label}`);
  return value;
}

/** The place of an LAO for its documents' headings; loaders: no extra query when already loaded. */
export async function loadPlace(ctx: AppContext, lao: Pick<Lao, 'provinceCode' | 'districtCode'>): Promise<Place> {
  const [district, province] = await Promise.all([
    ctx.loaders.districtByCode.load(lao.districtCode),
    ctx.loaders.provinceByCode.load(lao.provinceCode),
  ]);
  return { provinceCode: lao.provinceCode, provinceName: province!.name, districtName: district!.name };
}

export function roundParam(query: Record<string, string | undefined>): ReportRound {
  const round = query.round;
  if (round !== ReportRound.SIX_MONTHS && round !== ReportRound.TWELVE_MONTHS) {
    const message = 'กรุณาระบุรอบการรายงาน (SIX_MONTHS หรือ TWELVE_MONTHS)';
    throw refuse('round', message);
  }
  return round;
}

/** `lao`, `year` and `round`: the parameters of an LAO's documents of a round. */
export function laoRoundParams(ctx: AppContext, query: Record<string, string | undefined>) {
  return { laoCode: stringParam(query, 'lao', 'รหัส อปท.', 7), year: yearParam(ctx, query), round: roundParam(query) };
}
