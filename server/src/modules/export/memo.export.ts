import type { Content } from 'pdfmake/interfaces';
import type { AppContext } from '../../core/context';
import { renderPdf } from '../../core/pdf/pdf';
import { breakThaiWords as t, thaiDate, thaiDigits } from '../../core/pdf/thai-text';
import { dimensionsOf } from '../plan-dimension/plan-dimension.resolver';
import { ReportRound } from '../plan/report.enums';
import { planResultsWithOverview } from '../scoring/lao-summary.service';
import { officeTitles, placeOf, roundParam } from './document-parts';
import { stringParam, yearParam, type ExportFile } from './export.params';
import { dimensionTable, overviewTitle } from './overview.export';

const DOTS = '......................................................................................................';

/** (ชื่อ) / ตำแหน่ง, centred, with room to sign above. */
const signature = (name: string | null, position: string): Content => ({
  stack: [
    { text: ' ', margin: [0, 18, 0, 0] },
    { text: t(`(${name ?? '........................................'})`), alignment: 'center' },
    { text: t(position), alignment: 'center' },
  ],
  margin: [220, 0, 0, 8],
});

const opinion = (label: string, name: string | null, position: string): Content => ({
  stack: [
    { text: t(label), margin: [0, 10, 0, 0] },
    { text: DOTS, margin: [0, 4, 0, 0] },
    { text: DOTS, margin: [0, 4, 0, 0] },
    signature(name, position),
  ],
  unbreakable: true,
});

/**
 * /export/memo.pdf?lao=&year=&round=[&ref=] — the internal memo (บันทึกข้อความ) an LAO writes to its
 * executive about the round's results, drafted from the data as the seed memo is laid out: heading,
 * subject, background, the facts with the results table, the proposal, and the signature blocks.
 */
export async function memoPdf(ctx: AppContext, query: Record<string, string | undefined>): Promise<ExportFile> {
  const laoCode = stringParam(query, 'lao', 'รหัส อปท.', 7);
  const year = yearParam(ctx, query);
  const round = roundParam(query);
  const ref = query.ref?.trim().slice(0, 100) || '';
  const { overview: o, results } = await planResultsWithOverview(ctx, laoCode, year, round);
  const lao = o.lao;
  const [place, dimensions] = await Promise.all([placeOf(ctx, lao), dimensionsOf(ctx, year)]);
  const titles = officeTitles(lao);
  const plan = dimensions[0] ? `(พ.ศ.${dimensions[0].firstYear}-${dimensions[0].lastYear})` : '';
  const roundText = round === ReportRound.SIX_MONTHS ? 'รอบ 6 เดือน' : 'รอบ 12 เดือน';
  const period =
    round === ReportRound.SIX_MONTHS ? `ระหว่างวันที่ 1 ตุลาคม ${year - 1}-31 มีนาคม ${year}` : `ระหว่างวันที่ 1 ตุลาคม ${year - 1}-30 กันยายน ${year}`;
  const th = (s: string) => t(thaiDigits(s));
  const para = (s: string): Content => ({ text: th(s), margin: [0, 0, 0, 6], leadingIndent: 36 });
  const reporter = results.note;

  const content: Content = [
    { text: 'บันทึกข้อความ', fontSize: 24, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
    { text: [{ text: 'ส่วนราชการ ', bold: true }, th(`สำนักปลัด ${lao.name} ${place.line}`)] },
    {
      columns: [
        { text: [{ text: 'ที่ ', bold: true }, th(ref || '........................................')] },
        { text: [{ text: 'วันที่ ', bold: true }, th(thaiDate(ctx.clock.now()))] },
      ],
    },
    {
      text: [{ text: 'เรื่อง ', bold: true }, th(`รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ${year} ${roundText}`)],
      margin: [0, 0, 0, 8],
    },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 0.5 }], margin: [0, 0, 0, 8] },
    { text: [{ text: 'เรียน ', bold: true }, th(titles.executive)], margin: [0, 0, 0, 8] },
    { text: th('1. เรื่องเดิม'), bold: true },
    para(
      `ตามที่ ${lao.name} ได้จัดทำแผนปฏิบัติการป้องกันการทุจริต ${plan} เพื่อเพิ่มประสิทธิภาพในการป้องกันการทุจริต ยกระดับมาตรฐานในการป้องกันการทุจริตของหน่วยงานให้มีความโปร่งใส และแสดงให้เห็นถึงเจตจำนงสุจริตของผู้บริหารองค์กรปกครองส่วนท้องถิ่นในการต่อต้านการทุจริตอย่างเป็นรูปธรรม พร้อมทั้งได้กำหนดแนวทางในการติดตามและประเมินผลการนำแผนสู่การปฏิบัติไว้ โดยให้รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต รอบ 6 เดือนและรอบ 12 เดือน ของแต่ละปีงบประมาณ ผ่านระบบ e-PlanNACC ของสำนักงาน ป.ป.ช. นั้น`,
    ),
    { text: th('2. ข้อเท็จจริง'), bold: true },
    para(
      `${lao.name} ได้กำกับติดตามและจัดทำรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ${roundText} ประจำปีงบประมาณ พ.ศ. ${year} (${period}) และได้รายงานผลผ่านระบบ e-PlanNACC เรียบร้อยแล้ว สรุปข้อมูลได้ดังนี้`,
    ),
    { text: th(overviewTitle(o)), bold: true, alignment: 'center', margin: [0, 2, 0, 4] },
    dimensionTable(o, lao.name, thaiDigits, 11),
    { text: th('3. ข้อเสนอแนะ/พิจารณา'), bold: true, margin: [0, 10, 0, 0] },
    para(
      `${lao.name} จึงขอรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ${roundText} ประจำปีงบประมาณ พ.ศ. ${year} ต่อ${titles.executive} รายละเอียดตามเอกสารแนบท้าย`,
    ),
    {
      stack: [
        { text: t('จึงเรียนมาเพื่อโปรดทราบ'), margin: [36, 4, 0, 0] },
        signature(reporter?.reporterName ?? null, reporter?.reporterPosition ?? 'ผู้รายงาน'),
      ],
      unbreakable: true,
    },
    opinion('ความเห็นหัวหน้าส่วนราชการ', null, `หัวหน้าสำนักปลัด${lao.name}`),
    opinion(`ความเห็น${titles.chief}`, lao.chiefAdministratorName, titles.chief),
    opinion(`คำสั่ง${titles.executive}`, lao.executiveName, titles.executive),
  ];
  const body = await renderPdf({ title: `บันทึกข้อความ รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ${year} ${lao.name}` }, content);
  return { body, fileName: `บันทึกข้อความ-${year}-${round === ReportRound.SIX_MONTHS ? '6' : '12'}เดือน-${lao.code}.pdf`, type: 'pdf' };
}
