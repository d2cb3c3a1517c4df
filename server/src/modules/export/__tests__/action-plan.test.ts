import { PlanStatus } from '../../plan/project.enums';
import type { Project } from '../../project/project.entity';
import { actionPlanRows } from '../action-plan.document';
import { buildActionPlanPdf, buildActionPlanXlsx } from '../action-plan.export';
import type { ActionPlan } from '../action-plan.type';
import { paragraphs, sheetRows, tables } from './definition';

/** 2 May 2024, 10:00 in Bangkok. */
const ISSUED = { date: new Date('2024-05-02T03:00:00Z'), issuer: 'นางสาวสมใจ ใจดี' };
const LONG_NOTE = 'หมายเหตุยาว'.repeat(200).slice(0, 2000);

const project = (id: number, fields: Partial<Project> = {}) =>
  ({ id, name: `โครงการที่ ${id}`, dimension: 1, budget: null, quarters: [], note: null, ...fields }) as Project;

/** กรุงเทพมหานคร (its LAO is the city itself), in เขตคลองเตย. */
const plan: ActionPlan = {
  lao: { code: '1000000', name: 'กรุงเทพมหานคร' },
  place: { provinceCode: '10', provinceName: 'กรุงเทพมหานคร', districtName: 'คลองเตย' },
  fiscalYear: 2567,
  rows: [
    { no: 1, projectId: 11, name: 'โครงการอบรมคุณธรรม', dimension: 1, budget: 99_999_999_999_999, quarters: [1, 3], note: LONG_NOTE },
    { no: 2, projectId: 12, name: 'มาตรการเปิดเผยข้อมูล', dimension: 3, budget: null, quarters: [4], note: '(รอการอนุมัติเพิ่ม)' },
  ],
  totalBudget: 99_999_999_999_999,
  projectCount: 2,
};

describe('the rows of the printed action plan', () => {
  it('numbers the projects in their order and writes a standing other than สอดคล้อง after the note', () => {
    const rows = actionPlanRows([
      { project: project(7, { note: 'ทำร่วมกับอำเภอ', budget: 1_000_050, quarters: [2] }), planStatus: PlanStatus.COMPLIANT },
      { project: project(3, { note: 'ทำร่วมกับอำเภอ' }), planStatus: PlanStatus.ADD_PENDING },
      { project: project(9), planStatus: PlanStatus.NON_COMPLIANT },
      { project: project(4), planStatus: PlanStatus.COMPLIANT },
    ]);
    expect(rows.map((r) => [r.no, r.projectId, r.note])).toEqual([
      [1, 7, 'ทำร่วมกับอำเภอ'],
      [2, 3, 'ทำร่วมกับอำเภอ (รอการอนุมัติเพิ่ม)'],
      [3, 9, '(ไม่สอดคล้อง)'],
      [4, 4, ''],
    ]);
    expect(rows[0].budget).toBe(1_000_050);
  });
});

describe('the action plan as a PDF', () => {
  const doc = buildActionPlanPdf(plan, ISSUED);
  const text = paragraphs(doc.content);
  const [table] = tables(doc.content);

  it('heads it with the title, the LAO and its place (Bangkok: เขต… กรุงเทพมหานคร)', () => {
    expect(text.slice(0, 3)).toEqual(['แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2567', 'ของ กรุงเทพมหานคร', 'เขตคลองเตย กรุงเทพมหานคร']);
    expect(doc.info).toEqual({ title: 'แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2567 ของ กรุงเทพมหานคร', author: ISSUED.issuer });
    expect(doc.fileName).toBe('แผนปฏิบัติการป้องกันการทุจริต-2567-1000000.pdf');
  });

  it('lists the numbered rows with baht, ticks and the note kept whole, then the total', () => {
    expect(table[2]).toEqual(['1', 'โครงการอบรมคุณธรรม', '1', '999,999,999,999.99', '✓', '', '✓', '', LONG_NOTE]);
    expect(table[2][8]).toHaveLength(2000);
    expect(table[3]).toEqual(['2', 'มาตรการเปิดเผยข้อมูล', '3', '0.00', '', '', '', '✓', '(รอการอนุมัติเพิ่ม)']);
    expect(table[4].slice(0, 4)).toEqual(['รวม 2 โครงการ', '', '', '999,999,999,999.99']);
    expect(table).toHaveLength(5);
  });

  it('ends with who issued it and when (Buddhist Era, Bangkok)', () => {
    expect(text.slice(-2)).toEqual(['ผู้ออกรายงาน นางสาวสมใจ ใจดี', 'วันที่ออกรายงาน 2 พฤษภาคม 2567']);
  });
});

describe('the action plan as a workbook', () => {
  const { book, fileName } = buildActionPlanXlsx(plan, ISSUED);
  const sheet = book.worksheets[0];
  const rows = sheetRows(sheet);

  it('names the sheet and heads it as the PDF', () => {
    expect(fileName).toBe('แผนปฏิบัติการป้องกันการทุจริต-2567-1000000.xlsx');
    expect(sheet.name).toBe('แผน 2567');
    expect(rows[0][0]).toBe('แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2567');
    expect(rows[1][0]).toBe('ของ กรุงเทพมหานคร เขตคลองเตย กรุงเทพมหานคร');
    expect(book.created).toEqual(ISSUED.date);
  });

  it('writes amounts as baht numbers shown 999,999,999,999.99, quarters as marks, the 2,000-letter note whole, and the totals', () => {
    const first = rows.findIndex((r) => r[0] === 1);
    expect(rows[first]).toEqual([1, 'โครงการอบรมคุณธรรม', 1, 999_999_999_999.99, 1, 0, 1, 0, LONG_NOTE]);
    expect(sheet.getRow(first + 1).getCell(4).numFmt).toBe('#,##0.00');
    expect(rows[first + 1]).toEqual([2, 'มาตรการเปิดเผยข้อมูล', 3, 0, 0, 0, 0, 1, '(รอการอนุมัติเพิ่ม)']);
    const totals = first + 3;
    expect(rows[first + 2]).toEqual([null, 'รวม 2 โครงการ', null, 999_999_999_999.99, 1, `=SUM(F${first + 1}:F${totals - 1})`, 1, 1, null]);
    expect(rows.slice(-2).map((r) => r[0])).toEqual(['ผู้ออกรายงาน นางสาวสมใจ ใจดี', 'วันที่ออกรายงาน 2 พฤษภาคม 2567']);
  });
});
