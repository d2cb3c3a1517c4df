import type { Content, TableCell } from 'pdfmake/interfaces';
import type { TableLayoutName } from '../../core/pdf/table-layouts';
import { breakThaiWords as t } from '../../core/pdf/thai-text';
import type { Lao } from '../lao/lao.entity';
import { LaoType } from '../lao/lao.enums';
import { placeLine } from '../geography/places';

/** Pieces every printed report of an LAO shares. */

/** The tick of a chosen column (U+2713, as a form is ticked; not the square root √). */
export const TICK = '\u2713';

export { ROUND_TH } from '../plan/report.enums';

/** Where an LAO is, as its documents name it (the names as the registry has them). */
export interface Place {
  provinceCode: string;
  provinceName: string;
  districtName: string;
}

/** "อำเภอชะอวด จังหวัดนครศรีธรรมราช", "เขตคลองเตย กรุงเทพมหานคร" (geography/places.ts). */
export const placeLineOf = (place: Place): string => placeLine(place.provinceCode, place.provinceName, place.districtName);

/** The executive's and chief administrator's titles, as a memo addresses them (เรียน นายก…). */
export function officeTitles(lao: Pick<Lao, 'type' | 'name'>): { executive: string; chief: string } {
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

/** Width of a line of an A4 page inside the margins of renderPdf (40 pt each side). */
export const LINE_WIDTH = { portrait: 595.28 - 80, landscape: 841.89 - 80 };
/** What each column of a gridLayout table adds to its content: padding 4 + 4 and a 0.5 rule. */
const CELL_EXTRA = 8.5;

/**
 * The largest of `sizes` (font sizes, largest first) at which a table fits its line: `columns` gives,
 * at a size, the least width each column needs (a measured one for amounts, a fair share for names).
 * The smallest size when none does.
 */
export function fittingFontSize(sizes: number[], line: number, columns: (size: number) => number[]): number {
  for (const size of sizes) {
    const needed = columns(size);
    if (needed.reduce((a, b) => a + b, 0.5 + needed.length * CELL_EXTRA) <= line) return size;
  }
  return sizes[sizes.length - 1];
}

/** Font sizes from `largest` down to 8, for fittingFontSize. */
export const sizesFrom = (largest: number) => Array.from({ length: Math.max(1, largest - 7) }, (_, i) => largest - i);

/** A section's heading: kept on the page of what follows it (renderPdf moves a heading left alone at a page's foot). */
export const sectionHeading = (text: string, extra: Record<string, unknown> = {}): Content =>
  ({ text: t(text), bold: true, margin: [0, 12, 0, 4], headlineLevel: 1, ...extra }) as Content;

/** Thin rules around every cell (named: documents go to the render worker as plain data). */
export const gridLayout: TableLayoutName = 'grid';

export const heading = (lines: string[]): Content[] =>
  lines.map((line, i) => ({ text: t(line), style: i === 0 ? 'title' : 'subtitle', margin: [0, 0, 0, i === lines.length - 1 ? 10 : 0] }));
