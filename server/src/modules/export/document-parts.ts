import type { Content, TableCell } from 'pdfmake/interfaces';
import type { TableLayoutName } from '../../core/pdf/table-layouts';
import type { AppContext } from '../../core/context';
import { breakThaiWords as t } from '../../core/pdf/thai-text';
import type { Lao } from '../lao/lao.entity';
import { LaoType } from '../lao/lao.enums';
import { ReportRound } from '../plan/report.enums';
import { badInput } from '../../core/errors';

/** Pieces every printed report of an LAO shares. */

export const ROUND_TH: Record<ReportRound, string> = { SIX_MONTHS: 'รอบ 6 เดือน', TWELVE_MONTHS: 'รอบ 12 เดือน' };

export function roundParam(query: Record<string, string | undefined>): ReportRound {
  const round = query.round;
  if (round !== ReportRound.SIX_MONTHS && round !== ReportRound.TWELVE_MONTHS) {
    const message = 'กรุณาระบุรอบการรายงาน (SIX_MONTHS หรือ TWELVE_MONTHS)';
    throw badInput([{ field: 'round', message }], message);
  }
  return round;
}

/** "อำเภอชะอวด จังหวัดนครศรีธรรมราช" of an LAO (loaders: no extra query when already loaded). */
export async function placeOf(ctx: AppContext, lao: Lao): Promise<{ district: string; province: string; line: string }> {
  const [district, province] = await Promise.all([
    ctx.loaders.districtByCode.load(lao.districtCode),
    ctx.loaders.provinceByCode.load(lao.provinceCode),
  ]);
  const d = lao.provinceCode === '10' ? `เขต${district!.name}` : `อำเภอ${district!.name}`;
  return { district: district!.name, province: province!.name, line: `${d} จังหวัด${province!.name}` };
}

/** The executive's and chief administrator's titles, as a memo addresses them (เรียน นายก…). */
export function officeTitles(lao: Lao): { executive: string; chief: string } {
  switch (lao.type) {
    case LaoType.SUBDISTRICT_MUNICIPALITY:
    case LaoType.TOWN_MUNICIPALITY:
    case LaoType.CITY_MUNICIPALITY:
      return { executive: `นายกเทศมนตรี${lao.name.replace(/^เทศบาล/, '')}`, chief: `ปลัด${lao.name}` };
    case LaoType.BANGKOK:
      return { executive: 'ผู้ว่าราชการกรุงเทพมหานคร', chief: 'ปลัดกรุงเทพมหานคร' };
    case LaoType.PATTAYA:
      return { executive: 'นายกเมืองพัทยา', chief: 'ปลัดเมืองพัทยา' };
    default:
      return { executive: `นายก${lao.name}`, chief: `ปลัด${lao.name}` };
  }
}

/** A header cell; Thai is word-broken. */
export const th = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text: t(text), style: 'th', ...extra }) as TableCell;
export const cell = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text: t(text), ...extra }) as TableCell;
export const num = (text: string | number, extra: Record<string, unknown> = {}): TableCell =>
  ({ text: String(text), style: 'num', ...extra }) as TableCell;
export const mid = (text: string | number, extra: Record<string, unknown> = {}): TableCell =>
  ({ text: String(text), style: 'center', ...extra }) as TableCell;

/** Thin rules around every cell (named: documents go to the render worker as plain data). */
export const gridLayout: TableLayoutName = 'grid';

export const heading = (lines: string[]): Content[] =>
  lines.map((line, i) => ({ text: t(line), style: i === 0 ? 'title' : 'subtitle', margin: [0, 0, 0, i === lines.length - 1 ? 10 : 0] }));
