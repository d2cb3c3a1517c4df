import type { Content, ContentText } from 'pdfmake/interfaces';
import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { renderPdf } from '../../core/pdf/pdf';
import { breakThaiWords as t, thaiDate, thaiDigits } from '../../core/pdf/thai-text';
import { memoEmblem } from '../memo-emblem/memo-emblem.service';
import { dimensionsOf } from '../plan-dimension/plan-dimension.resolver';
import { ReportRound } from '../plan/report.enums';
import { planResultsWithOverview } from '../scoring/lao-summary.service';
import type { LaoOverview } from '../scoring/scoring.types';
import { heading, officeTitles, placeOf, ROUND_TH, roundParam } from './document-parts';
import { stringParam, yearParam, type ExportFile } from './export.params';
import { dimensionTable, overviewTables, overviewTitle } from './overview.export';
import { planResultsBody, planResultsTitle } from './plan-results.export';

/*
 * The memo's pages follow the form of a บันทึกข้อความ in ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ:
 * 3 cm on the left, 2 cm on the right, the ครุฑ 1.5 cm high at the top left, 1.5 cm from the top edge,
 * and from the second page "- ๒ -" centred at the top. Lengths are in points (1 cm = 28.35 pt).
 */
const CM = 72 / 2.54;
const A4_WIDTH = 595.28;
/** Narrowest the LAO's name may be in the memo's results table: a few syllables a line (a longer word breaks inside). */
const NAME_COLUMN_MIN = 36;
const MEMO_MARGINS: [number, number, number, number] = [3 * CM, 2.5 * CM, 2 * CM, 2 * CM];
const ATTACHMENT_MARGINS: [number, number, number, number] = [40, 2 * CM, 40, 40];
const EMBLEM_TOP = 1.5 * CM;
const EMBLEM_HEIGHT = 1.5 * CM;
/** Room the signer's name is centred in, at the right of the page as memos are signed. */
const SIGNER_INDENT = 140;
const DOTS = '.'.repeat(96);
const BLANK_NAME = '........................................';

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

/** Memo text: Thai digits, line breaks between words only, and "e-PlanNACC" never broken at its hyphen. */
function memoText(text: string): Array<string | { text: string; noWrap: true }> {
  return thaiDigits(text)
    .split(/(e-PlanNACC)/)
    .filter(Boolean)
    .map((part) => (part === 'e-PlanNACC' ? { text: part, noWrap: true } : t(part)));
}

const paragraph = (text: string): Content => ({ text: memoText(text), margin: [0, 0, 0, 6], leadingIndent: 2.5 * CM });
const topic = (text: string): Content => ({ text: memoText(text), bold: true, margin: [0, 4, 0, 2] });
const field = (label: string, value: string, extra: Partial<ContentText> = {}): ContentText => ({
  text: [{ text: `${label} `, bold: true, fontSize: 17 }, ...memoText(value)],
  ...extra,
});

/** (ชื่อ) / ตำแหน่ง, centred at the right, with room to sign above. */
const signer = (name: string | null, position: string): Content => ({
  stack: [
    { text: ' ', margin: [0, 20, 0, 0] },
    { text: memoText(`(${name ?? BLANK_NAME})`), alignment: 'center' },
    { text: memoText(position), alignment: 'center' },
  ],
  margin: [SIGNER_INDENT, 0, 0, 10],
});

/** A comment or an order under the memo: its heading, two dotted lines to write on, and who signs it. */
const opinion = (label: string, name: string | null, position: string): Content => ({
  stack: [
    { text: memoText(label), margin: [0, 8, 0, 0] },
    { text: DOTS, margin: [0, 6, 0, 0] },
    { text: DOTS, margin: [0, 6, 0, 0] },
    signer(name, position),
  ],
  unbreakable: true,
});

/** Type sizes of the memo's results table: 11 pt down to 7 by half points. */
const RESULTS_SIZES = Array.from({ length: 9 }, (_, i) => 11 - i / 2);

/**
 * The results table of the memo's facts, its figures in Thai digits, in the largest type size at which
 * its figures, and a column for the LAO's name, fit between the margins.
 */
const resultsTable = (o: LaoOverview, laoName: string): Content =>
  dimensionTable(o, laoName, {
    digits: thaiDigits,
    sizes: RESULTS_SIZES,
    line: A4_WIDTH - MEMO_MARGINS[0] - MEMO_MARGINS[2],
    nameWidth: NAME_COLUMN_MIN,
  });

/**
 * /export/memo.pdf?lao=&year=&round=[&date=YYYY-MM-DD][&ref=เลขที่หนังสือ] — the internal memo (บันทึกข้อความ) an LAO
 * writes to its executive about a round's results, as the seed memo is signed: the memo in the สารบรรณ
 * layout (heading with NACC's ครุฑ, subject, background, facts with the results table, proposal, the
 * reporter's signature and the comments of the office head, the ปลัด and the executive), then its
 * attachment (เอกสารแนบท้าย): the overview tables with the status table, and the project list with
 * statuses, problems, suggestions and the summary.
 */
export async function memoPdf(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const laoCode = stringParam(query, 'lao', 'รหัส อปท.', 7);
  const year = yearParam(ctx, query);
  const round = roundParam(query);
  const date = memoDateParam(ctx, query, year);
  const ref = query.ref?.trim() ? stringParam(query, 'ref', 'เลขที่หนังสือ', 100) : '';
  const { overview: o, results } = await planResultsWithOverview(ctx, laoCode, year, round);
  const lao = o.lao;
  const [place, dimensions, emblem] = await Promise.all([placeOf(ctx, lao), dimensionsOf(ctx, year), memoEmblem(ctx)]);
  const titles = officeTitles(lao);
  const plan = dimensions[0] ? `(พ.ศ. ${dimensions[0].firstYear}-${dimensions[0].lastYear})` : '';
  const roundText = ROUND_TH[round];
  const period =
    round === ReportRound.SIX_MONTHS
      ? `ระหว่างวันที่ 1 ตุลาคม ${year - 1} - 31 มีนาคม ${year}`
      : `ระหว่างวันที่ 1 ตุลาคม ${year - 1} - 30 กันยายน ${year}`;
  const reporter = results.note;

  const memo: Content[] = [
    ...(emblem
      ? [
          {
            image: emblem.dataUrl,
            fit: [2 * EMBLEM_HEIGHT, EMBLEM_HEIGHT],
            absolutePosition: { x: MEMO_MARGINS[0], y: EMBLEM_TOP },
          } as Content,
        ]
      : []),
    // Level with the ครุฑ, which reaches 0.5 cm below the top margin.
    { text: 'บันทึกข้อความ', fontSize: 26, bold: true, alignment: 'center', margin: [0, -0.9 * CM, 0, 8] },
    field('ส่วนราชการ', `สำนักปลัด ${lao.name} ${place.line}`),
    {
      columns: [
        { width: '50%', ...field('ที่', ref || BLANK_NAME) },
        { width: '50%', ...field('วันที่', thaiDate(date)) },
      ],
    },
    field('เรื่อง', `รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ${year} ${roundText}`, { margin: [0, 0, 0, 8] }),
    field('เรียน', titles.executive, { margin: [0, 0, 0, 8] }),
    topic('1. เรื่องเดิม'),
    paragraph(
      `ตามที่ ${lao.name} ได้จัดทำแผนปฏิบัติการป้องกันการทุจริต ${plan} เพื่อเพิ่มประสิทธิภาพในการป้องกันการทุจริต ยกระดับมาตรฐานในการป้องกันการทุจริตของหน่วยงานให้มีความโปร่งใส และแสดงให้เห็นถึงเจตจำนงสุจริตของผู้บริหารองค์กรปกครองส่วนท้องถิ่นในการต่อต้านการทุจริตอย่างเป็นรูปธรรม พร้อมทั้งได้กำหนดแนวทางในการติดตามและประเมินผลการนำแผนสู่การปฏิบัติไว้ โดยให้รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต รอบ 6 เดือนและรอบ 12 เดือน ของแต่ละปีงบประมาณ ผ่านระบบ e-PlanNACC ของสำนักงาน ป.ป.ช. นั้น`,
    ),
    topic('2. ข้อเท็จจริง'),
    paragraph(
      `${lao.name} ได้กำกับติดตามและจัดทำรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ${roundText} ประจำปีงบประมาณ พ.ศ. ${year} (${period}) และได้รายงานผลผ่านระบบ e-PlanNACC เรียบร้อยแล้ว สรุปข้อมูลได้ดังนี้`,
    ),
    { text: memoText(overviewTitle(o)), bold: true, alignment: 'center', margin: [0, 2, 0, 4] },
    resultsTable(o, lao.name),
    topic('3. ข้อเสนอแนะ/พิจารณา'),
    paragraph(
      `${lao.name} จึงขอรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ${roundText} ประจำปีงบประมาณ พ.ศ. ${year} ต่อ${titles.executive} รายละเอียดตามเอกสารแนบท้าย`,
    ),
    {
      stack: [
        { text: memoText('จึงเรียนมาเพื่อโปรดทราบ'), margin: [2.5 * CM, 4, 0, 0] },
        signer(reporter?.reporterName ?? null, reporter?.reporterPosition ?? 'ผู้รายงาน'),
      ],
      unbreakable: true,
    },
    opinion('ความเห็นหัวหน้าส่วนราชการ', lao.officeHeadName, `หัวหน้าสำนักปลัด${lao.name}`),
    opinion(`ความเห็น${titles.chief}`, lao.chiefAdministratorName, titles.chief),
    opinion(`คำสั่ง${titles.executive}`, lao.executiveName, titles.executive),
  ];
  const attachment: Content[] = [
    { text: t('เอกสารแนบท้ายบันทึกข้อความ'), alignment: 'right', fontSize: 12, margin: [0, 0, 0, 4] },
    ...heading([`${lao.name} ${place.line}`, overviewTitle(o)]),
    ...overviewTables(o),
    { text: '', pageBreak: 'after' },
    ...heading([planResultsTitle(results), place.line]),
    ...planResultsBody(results),
  ];
  const content: Content = [
    { section: memo },
    { section: attachment, pageOrientation: 'landscape', pageMargins: ATTACHMENT_MARGINS },
  ] as Content;
  const body = await renderPdf(
    {
      title: `บันทึกข้อความ รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ${year} ${roundText} ${lao.name}`,
      margins: MEMO_MARGINS,
      pageNumbers: 'official',
    },
    content,
  );
  return { body, fileName: `บันทึกข้อความ-${year}-${round === ReportRound.SIX_MONTHS ? '6' : '12'}เดือน-${lao.code}.pdf`, type: 'pdf' };
}
