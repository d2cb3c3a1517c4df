import type { Content, ContentText } from 'pdfmake/interfaces';
import { breakThaiWords as t, thaiDate, thaiDigits } from '../../core/pdf/thai-text';
import { ReportRound } from '../plan/report.enums';
import type { PdfDocument } from './document-files';
import { heading, officeTitles, placeLineOf, ROUND_TH } from './document-parts';
import type { MemoModel } from './memo.document';
import type { OverviewModel } from './overview.document';
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
const resultsTable = (o: OverviewModel, laoName: string): Content =>
  dimensionTable(o, laoName, {
    digits: thaiDigits,
    sizes: RESULTS_SIZES,
    line: A4_WIDTH - MEMO_MARGINS[0] - MEMO_MARGINS[2],
    nameWidth: NAME_COLUMN_MIN,
  });

/**
 * The internal memo (บันทึกข้อความ) an LAO writes to its executive about a round's results, as the seed
 * memo is signed: the memo in the สารบรรณ
 * layout (heading with NACC's ครุฑ, subject, background, facts with the results table, proposal, the
 * reporter's signature and the comments of the office head, the ปลัด and the executive), then its
 * attachment (เอกสารแนบท้าย): the overview tables with the status table, and the project list with
 * statuses, problems, suggestions and the summary.
 */
export function buildMemoPdf(m: MemoModel): PdfDocument {
  const { lao, overview: o, results, fiscalYear: year, round, date, ref, emblem } = m;
  const placeLine = placeLineOf(m.place);
  const titles = officeTitles(lao);
  const plan = m.planYears ? `(พ.ศ. ${m.planYears.firstYear}-${m.planYears.lastYear})` : '';
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
            image: emblem,
            fit: [2 * EMBLEM_HEIGHT, EMBLEM_HEIGHT],
            absolutePosition: { x: MEMO_MARGINS[0], y: EMBLEM_TOP },
          } as Content,
        ]
      : []),
    // Level with the ครุฑ, which reaches 0.5 cm below the top margin.
    { text: 'บันทึกข้อความ', fontSize: 26, bold: true, alignment: 'center', margin: [0, -0.9 * CM, 0, 8] },
    field('ส่วนราชการ', `สำนักปลัด ${lao.name} ${placeLine}`),
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
    ...heading([`${lao.name} ${placeLine}`, overviewTitle(o)]),
    ...overviewTables(o),
    { text: '', pageBreak: 'after' },
    ...heading([planResultsTitle(results), placeLine]),
    ...planResultsBody(results),
  ];
  const content: Content = [
    { section: memo },
    { section: attachment, pageOrientation: 'landscape', pageMargins: ATTACHMENT_MARGINS },
  ] as Content;
  return {
    info: {
      title: `บันทึกข้อความ รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ${year} ${roundText} ${lao.name}`,
      margins: MEMO_MARGINS,
      pageNumbers: 'official',
    },
    content,
    fileName: `บันทึกข้อความ-${year}-${round === ReportRound.SIX_MONTHS ? '6' : '12'}เดือน-${lao.code}.pdf`,
  };
}
