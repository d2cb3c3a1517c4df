import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatBaht } from '../../core/money';
import { widestText, widestWord } from '../../core/pdf/measure';
import { breakThaiWords as t } from '../../core/pdf/thai-text';
import type { DimensionFigures } from '../scoring/lao-summary.service';
import { formatCapped, formatPercent, LEVEL_TH, toPercent } from '../scoring/scoring';
import type { Issued, PdfDocument, XlsxDocument } from './document-files';
import {
  cell,
  fittingFontSize,
  gridLayout,
  heading,
  LINE_WIDTH,
  mid,
  num,
  placeLineOf,
  ROUND_TH,
  sectionHeading,
  sizesFrom,
  th,
} from './document-parts';
import type { OverviewModel } from './overview.document';
import { addSheet, addTable, newWorkbook } from './spreadsheet';

/** The per-dimension rows and their total, as the overview and the memo print them. */
type DimensionRows = Pick<OverviewModel, 'dimensions' | 'total'>;

export const overviewTitle = (o: Pick<OverviewModel, 'fiscalYear' | 'round'>) =>
  `รายงานผลการนำแผนไปปฏิบัติ ประจำปีงบประมาณ พ.ศ. ${o.fiscalYear} ${ROUND_TH[o.round]}`;

/** How the per-dimension table is set: the overview's by default; the memo's in Thai digits on a portrait line. */
export interface DimensionTableSetting {
  /** Turns numbers Thai for a memo. */
  digits?: (s: string) => string;
  /** Type sizes to try, largest first. */
  sizes?: number[];
  /** The line the table is set on (points). */
  line?: number;
  /** The least width the LAO's name keeps before the table is set smaller. */
  nameWidth?: number;
}

/**
 * The per-dimension table (รายงานผลการนำแผนไปปฏิบัติ), printed by the overview and in the memo's facts.
 * Amount columns are as wide as the widest amount; the table is set at the largest of the sizes at
 * which the amounts leave the LAO's name its least width on the line.
 */
export function dimensionTable(o: DimensionRows, laoName: string, setting: DimensionTableSetting = {}): Content {
  const { digits = (s: string) => s, sizes = sizesFrom(12), line = LINE_WIDTH.landscape, nameWidth = NAME_WIDTH } = setting;
  const rows = [...o.dimensions, o.total];
  const money = rows.flatMap((d) => [d.plannedBudget, d.ordinanceBudget, d.disbursed].map((m) => digits(formatBaht(Number(m)))));
  const percents = rows.flatMap((d) => [digits(formatPercent(d.projectPercent)), digits(formatPercent(d.budgetPercent))]);
  const counts = rows.flatMap((d) => [digits(String(d.plannedProjects)), digits(String(d.doneProjects))]);
  // The figures are set in regular weight (the total row too, but for its label); a header may wrap between its words.
  const widthsAt = (size: number) => {
    const column = (figures: string[], header: string) => Math.max(widestText(figures, size, false), widestWord([header], size));
    return [
      widestWord(['มิติ'], size),
      column(counts, 'ตามแผน'),
      column(counts, 'ดำเนินการแล้ว'),
      column(money, 'ตามแผน'),
      column(money, 'ตามข้อบัญญัติ/ เทศบัญญัติ'),
      column(money, 'ใช้จริง'),
      column(percents, 'โครงการ'),
      column(percents, 'งบประมาณ'),
    ];
  };
  const size = fittingFontSize(sizes, line, (s) => [nameWidth, ...widthsAt(s)]);
  const h = (text: string, extra: Record<string, unknown> = {}) => th(text, { fontSize: size, ...extra });
  const row = (d: DimensionFigures, first: TableCell): TableCell[] => [
    first,
    mid(digits(d.dimension === null ? '' : String(d.dimension))),
    mid(digits(String(d.plannedProjects))),
    mid(digits(String(d.doneProjects))),
    num(digits(formatBaht(Number(d.plannedBudget)))),
    num(digits(formatBaht(Number(d.ordinanceBudget)))),
    num(digits(formatBaht(Number(d.disbursed)))),
    num(digits(formatPercent(d.projectPercent))),
    num(digits(formatPercent(d.budgetPercent))),
  ];
  return {
    table: {
      headerRows: 2,
      widths: ['*', ...widthsAt(size)],
      body: [
        [
          h('ชื่อ อปท.', { rowSpan: 2 }),
          h('มิติ', { rowSpan: 2 }),
          h('โครงการ', { colSpan: 2 }),
          {},
          h('งบประมาณ', { colSpan: 3 }),
          {},
          {},
          h('ร้อยละดำเนินการ', { colSpan: 2 }),
          {},
        ],
        [{}, {}, h('ตามแผน'), h('ดำเนินการแล้ว'), h('ตามแผน'), h('ตามข้อบัญญัติ/ เทศบัญญัติ'), h('ใช้จริง'), h('โครงการ'), h('งบประมาณ')],
        ...o.dimensions.map((d, i) => row(d, i === 0 ? cell(laoName, { rowSpan: 4 }) : {})),
        row(o.total, cell('รวม', { bold: true })).map((c, i) => (i === 1 ? mid('') : c)),
      ],
    },
    layout: gridLayout,
    fontSize: size,
  };
}

/** The least width the LAO's name gets in the per-dimension table before the table is set smaller. */
const NAME_WIDTH = 110;

/** Projects and budget of each dimension side by side (10 columns), the amounts as wide as the widest. */
function byDimensionTable(title: string, o: DimensionRows, budgetOf: (d: DimensionFigures) => number): Content {
  const rows = [...o.dimensions, o.total];
  const money = rows.map((d) => formatBaht(budgetOf(d)));
  const widthsAt = (size: number) => {
    const m = Math.max(widestText(money, size), widestText(['งบประมาณ'], size));
    const c = Math.max(
      widestText(
        rows.map((d) => String(d.plannedProjects)),
        size,
      ),
      widestText(['โครงการ'], size),
    );
    return rows.flatMap(() => [c, m]);
  };
  const size = fittingFontSize(sizesFrom(12), LINE_WIDTH.landscape, widthsAt);
  const h = (text: string, extra: Record<string, unknown> = {}) => th(text, { fontSize: size, ...extra });
  return section(title, {
    table: {
      widths: widthsAt(size).map((w, i) => (i % 2 ? '*' : w)),
      body: [
        [...o.dimensions.map((d) => h(`มิติที่ ${d.dimension}`, { colSpan: 2 })).flatMap((c) => [c, {}]), h('รวม 4 มิติ', { colSpan: 2 }), {}],
        rows.flatMap(() => [h('โครงการ'), h('งบประมาณ')]),
        rows.flatMap((d, i) => [mid(d.plannedProjects), num(money[i])]),
      ],
    },
    layout: gridLayout,
    fontSize: size,
  });
}

/** A heading and its table, kept on one page. */
const section = (title: string, table: Content): Content => ({ stack: [sectionHeading(title), table], unbreakable: true });

/** The status table (PRODUCT.md §5: รอรายงาน too, so the counts add up to the total), with the score "100.00*" and its footnote when capped. */
export function statusTable(o: Pick<OverviewModel, 'status' | 'score' | 'fromMinimum'>): Content[] {
  const basis = o.fromMinimum ? 'คิดจาก โครงการขั้นต่ำ' : 'คิดจาก โครงการตั้งต้น';
  const capped = o.score.raw > o.score.capped;
  const scoreText = formatCapped(o.score);
  return [
    section('"สถานะโครงการ/กิจกรรม/มาตรการ"', {
      table: {
        widths: Array(9).fill('*'),
        body: [
          [
            th('โครงการขั้นต่ำ ตามที่ ป.ป.ช. กำหนด'),
            th('โครงการทั้งหมด'),
            th('บรรจุในข้อบัญญัติ/ เทศบัญญัติ/ แผนดำเนินงาน'),
            th('อยู่ระหว่างดำเนินการ'),
            th('ดำเนินการแล้วเสร็จ'),
            th('ไม่สามารถดำเนินการได้'),
            th('รอรายงาน'),
            th(`ผลการนำแผนฯ ไปปฏิบัติ ${basis}`),
            th('ระดับการนำแผนไปปฏิบัติ'),
          ],
          [
            mid(o.status.minimumCount ?? '-'),
            mid(o.status.total),
            mid(o.status.inOrdinance),
            mid(o.status.inProgress),
            mid(o.status.done),
            mid(o.status.cannotDo),
            mid(o.status.waiting),
            mid(scoreText),
            mid(LEVEL_TH[o.score.level]),
          ],
        ],
      },
      layout: gridLayout,
      fontSize: 12,
    }),
    ...(capped
      ? [
          {
            text: t(`* ผลการนำแผนฯ ไปปฏิบัติเกินร้อยละ 100 แสดงเป็น 100.00 (คำนวณได้ร้อยละ ${formatPercent(o.score.raw)})`),
            fontSize: 11,
            margin: [0, 4, 0, 0],
          } as Content,
        ]
      : []),
  ];
}

/** The overview's tables (PRODUCT.md §5), as the overview prints them and the memo attaches them. */
export function overviewTables(o: OverviewModel): Content[] {
  const rows = [...o.dimensions, o.total];
  const money = rows.flatMap((d) => [d.plannedBudget, d.ordinanceBudget, d.disbursed].map((m) => formatBaht(Number(m))));
  const m = Math.max(widestText(money, 12), widestText(['ตามแผนป้องกันฯ'], 12));
  return [
    dimensionTable(o, o.lao.name),
    byDimensionTable('โครงการ/งบประมาณ (ตามแผนพัฒนาท้องถิ่น)', o, (d) => Number(d.plannedBudget)),
    byDimensionTable('โครงการ/งบประมาณ (ตามข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน)', o, (d) => Number(d.ordinanceBudget)),
    section('การเบิกจ่ายงบประมาณ', {
      table: {
        headerRows: 1,
        widths: ['*', m, m, m],
        body: [
          [th('มิติ'), th('ตามแผนป้องกันฯ'), th('ข้อบัญญัติ/เทศบัญญัติ'), th('การเบิกจ่าย')],
          ...rows.map((d, i) => [
            cell(d.dimension === null ? 'รวม 4 มิติ' : `มิติที่ ${d.dimension}`),
            num(money[i * 3]),
            num(money[i * 3 + 1]),
            num(money[i * 3 + 2]),
          ]),
        ],
      },
      layout: gridLayout,
      fontSize: 12,
    }),
    ...statusTable(o),
  ];
}

const fileName = (o: OverviewModel, ext: string) =>
  `รายงานผลการนำแผนไปปฏิบัติ-${o.fiscalYear}-${o.round === 'SIX_MONTHS' ? '6' : '12'}เดือน-${o.lao.code}.${ext}`;

/** ภาพรวมของการดำเนินงานตามแผนราย อปท. (PRODUCT.md §6.2), landscape. */
export function buildOverviewPdf(o: OverviewModel): PdfDocument {
  const content: Content = [
    ...heading([`${o.lao.name} ${placeLineOf(o.place)}`, overviewTitle(o)]),
    ...overviewTables(o),
    { text: t(`ที่มาของคะแนน: ${o.score.explanation}`), fontSize: 11, margin: [0, 4, 0, 0] },
  ];
  return { info: { title: `${overviewTitle(o)} ${o.lao.name}`, landscape: true }, content, fileName: fileName(o, 'pdf') };
}

/**
 * The same figures as a workbook: one sheet per dimension with the totals row, one with the status of
 * the projects (its columns add up to the total) and the score.
 */
export function buildOverviewXlsx(o: OverviewModel, issued: Issued): XlsxDocument {
  const book = newWorkbook(`${overviewTitle(o)} ${o.lao.name}`, o.lao.name, issued.date);
  const heading = [`${o.lao.name} ${placeLineOf(o.place)}`, overviewTitle(o)];
  const byDimension = addSheet(book, { name: 'ผลตามมิติ', orientation: 'landscape', heading });
  addTable<DimensionFigures>(byDimension, {
    columns: [
      { header: 'มิติ', width: 12, kind: 'text', value: (d) => `มิติที่ ${d.dimension}` },
      { header: 'โครงการตามแผน', width: 13, kind: 'count', value: (d) => d.plannedProjects, total: 'sum' },
      { header: 'โครงการที่ดำเนินการแล้ว', width: 13, kind: 'count', value: (d) => d.doneProjects, total: 'sum' },
      { header: 'งบประมาณตามแผน (บาท)', width: 20, kind: 'money', value: (d) => d.plannedBudget, total: 'sum' },
      {
        header: 'งบประมาณตามข้อบัญญัติ/เทศบัญญัติ (บาท)',
        width: 20,
        kind: 'money',
        value: (d) => d.ordinanceBudget,
        total: 'sum',
      },
      { header: 'ใช้จริง (บาท)', width: 20, kind: 'money', value: (d) => d.disbursed, total: 'sum' },
      {
        header: 'ร้อยละดำเนินการ (โครงการ)',
        width: 14,
        kind: 'percent',
        value: (d) => toPercent(d.projectPercent),
        total: toPercent(o.total.projectPercent),
      },
      {
        header: 'ร้อยละดำเนินการ (งบประมาณ)',
        width: 14,
        kind: 'percent',
        value: (d) => toPercent(d.budgetPercent),
        total: toPercent(o.total.budgetPercent),
      },
    ],
    rows: o.dimensions,
    totals: 'รวม 4 มิติ',
  });

  const status = addSheet(book, { name: 'สถานะโครงการ', orientation: 'landscape', heading });
  const basis = o.fromMinimum ? 'คิดจากโครงการขั้นต่ำ' : 'คิดจากโครงการตั้งต้น';
  addTable<OverviewModel>(status, {
    columns: [
      { header: 'โครงการขั้นต่ำ ตามที่ ป.ป.ช. กำหนด', width: 13, kind: 'count', value: (x) => x.status.minimumCount },
      { header: 'โครงการทั้งหมด', width: 11, kind: 'count', value: (x) => x.status.total },
      { header: 'บรรจุในข้อบัญญัติ/เทศบัญญัติ/แผนดำเนินงาน', width: 15, kind: 'count', value: (x) => x.status.inOrdinance },
      { header: 'อยู่ระหว่างดำเนินการ', width: 11, kind: 'count', value: (x) => x.status.inProgress },
      { header: 'ดำเนินการแล้วเสร็จ', width: 11, kind: 'count', value: (x) => x.status.done },
      { header: 'ไม่สามารถดำเนินการได้', width: 11, kind: 'count', value: (x) => x.status.cannotDo },
      { header: 'รอรายงาน', width: 11, kind: 'count', value: (x) => x.status.waiting },
      { header: `ผลการนำแผนฯ ไปปฏิบัติ (ร้อยละ ไม่เกิน 100) ${basis}`, width: 18, kind: 'percent', value: (x) => toPercent(x.score.capped) },
      { header: 'ร้อยละที่คำนวณได้', width: 12, kind: 'percent', value: (x) => toPercent(x.score.raw) },
      { header: 'ระดับการนำแผนไปปฏิบัติ', width: 12, kind: 'text', value: (x) => LEVEL_TH[x.score.level] },
    ],
    rows: [o],
  });
  return { book, fileName: fileName(o, 'xlsx') };
}
