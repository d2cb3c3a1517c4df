import { DomainError } from '../../../core/errors';
import { WorkStatus } from '../../plan/report.enums';
import { confirmedWarningsOf, ReportWarning, reportWarnings, type ReportFigures } from '../report-warnings';

const W = ReportWarning;
/** A budgeted project of 100,000 baht, in the ordinance for 80,000, 50,000 disbursed, in progress: nothing to say. */
const plain: ReportFigures = {
  plannedBudget: 10_000_000,
  inOrdinance: true,
  ordinanceBudget: 8_000_000,
  disbursed: 5_000_000,
  status: WorkStatus.IN_PROGRESS,
};

describe('the warnings of a report’s figures', () => {
  it.each<[string, Partial<ReportFigures>, ReportWarning[]]>([
    ['plausible figures', {}, []],
    ['disbursed exactly the ordinance budget', { disbursed: 8_000_000 }, []],
    ['disbursed one satang above the ordinance budget', { disbursed: 8_000_001 }, [W.DISBURSED_ABOVE_ORDINANCE]],
    [
      'disbursed above the ordinance and the planned budget',
      { disbursed: 12_000_000 },
      [W.DISBURSED_ABOVE_ORDINANCE, W.DISBURSED_ABOVE_PLANNED],
    ],
    ['disbursed above the planned budget only', { ordinanceBudget: 20_000_000, disbursed: 15_000_000 }, [W.DISBURSED_ABOVE_PLANNED]],
    ['an ordinance budget on a project not in the ordinance', { inOrdinance: false }, [W.ORDINANCE_BUDGET_NOT_IN_ORDINANCE]],
    ['no ordinance budget on a project not in the ordinance', { inOrdinance: false, ordinanceBudget: 0, disbursed: 0 }, []],
    ['done with a budget and nothing disbursed', { status: WorkStatus.DONE, disbursed: 0 }, [W.DONE_WITHOUT_DISBURSEMENT]],
    ['done with something disbursed', { status: WorkStatus.DONE, disbursed: 1 }, []],
    ['in progress with nothing disbursed', { disbursed: 0 }, []],
    ['done, no budget, no amounts', { plannedBudget: null, ordinanceBudget: null, disbursed: null, status: WorkStatus.DONE }, []],
    [
      'everything at once',
      { inOrdinance: false, ordinanceBudget: 0, disbursed: 12_000_000, status: WorkStatus.DONE },
      [W.DISBURSED_ABOVE_ORDINANCE, W.DISBURSED_ABOVE_PLANNED],
    ],
  ])('%s', (_name, over, expected) => {
    expect(reportWarnings({ ...plain, ...over }).map((w) => w.code)).toEqual(expected);
  });

  it('says each warning in Thai with the report’s own amounts', () => {
    expect(reportWarnings({ ...plain, disbursed: 12_345_678 }).map((w) => w.message)).toEqual([
      'การเบิกจ่าย 123,456.78 บาท สูงกว่างบประมาณตามข้อบัญญัติ/เทศบัญญัติ 80,000.00 บาท',
      'การเบิกจ่าย 123,456.78 บาท สูงกว่างบประมาณที่ตั้งไว้ในแผนฯ 100,000.00 บาท',
    ]);
    expect(reportWarnings({ ...plain, inOrdinance: false }).map((w) => w.message)).toEqual([
      'ระบุงบประมาณตามข้อบัญญัติ/เทศบัญญัติ 80,000.00 บาท แต่เลือกว่าโครงการไม่ได้บรรจุไว้ในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน',
    ]);
  });

  it('lets a save through only with every warning confirmed, and keeps the ones that apply', () => {
    const warnings = reportWarnings({ ...plain, disbursed: 12_000_000 });
    expect(confirmedWarningsOf([], null)).toEqual([]);
    expect(confirmedWarningsOf([], [W.DONE_WITHOUT_DISBURSEMENT])).toEqual([]);
    expect(confirmedWarningsOf(warnings, [W.DISBURSED_ABOVE_PLANNED, W.DISBURSED_ABOVE_ORDINANCE, W.DONE_WITHOUT_DISBURSEMENT])).toEqual([
      W.DISBURSED_ABOVE_ORDINANCE,
      W.DISBURSED_ABOVE_PLANNED,
    ]);
    let refused: unknown;
    try {
      confirmedWarningsOf(warnings, [W.DISBURSED_ABOVE_ORDINANCE]);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'WARNINGS_UNCONFIRMED', extra: { warnings } });
    expect((refused as Error).message).toBe(
      'กรุณาตรวจสอบก่อนบันทึก: 1) การเบิกจ่าย 120,000.00 บาท สูงกว่างบประมาณตามข้อบัญญัติ/เทศบัญญัติ 80,000.00 บาท ' +
        '2) การเบิกจ่าย 120,000.00 บาท สูงกว่างบประมาณที่ตั้งไว้ในแผนฯ 100,000.00 บาท หากข้อมูลถูกต้องแล้ว กรุณายืนยันการบันทึก (รายงานผลยังไม่ถูกบันทึก)',
    );
  });
});
