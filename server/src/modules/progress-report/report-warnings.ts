import { registerEnumType } from 'type-graphql';
import type { ValueTransformer } from 'typeorm';
import { DomainError } from '../../core/errors';
import { formatBaht, type Satang } from '../../core/money';
import { WorkStatus } from '../plan/report.enums';

/**
 * ข้อควรตรวจสอบ of a progress report: figures that are allowed but unlikely, which the LAO confirms before
 * the report is saved (never a block). The province office's red-flag queue lists the confirmed ones.
 */
export enum ReportWarning {
  /** Disbursed more than the ordinance budget of the year. */
  DISBURSED_ABOVE_ORDINANCE = 'DISBURSED_ABOVE_ORDINANCE',
  /** Disbursed more than the budget planned for the project. */
  DISBURSED_ABOVE_PLANNED = 'DISBURSED_ABOVE_PLANNED',
  /** An ordinance budget given for a project said not to be in the ordinance. */
  ORDINANCE_BUDGET_NOT_IN_ORDINANCE = 'ORDINANCE_BUDGET_NOT_IN_ORDINANCE',
  /** A budgeted project reported done with nothing disbursed. */
  DONE_WITHOUT_DISBURSEMENT = 'DONE_WITHOUT_DISBURSEMENT',
}
registerEnumType(ReportWarning, {
  name: 'ReportWarning',
  description:
    'ข้อควรตรวจสอบของรายงานผล: disbursed above the ordinance budget / above the planned budget; an ordinance budget on a project not in the ordinance; DONE with a budget and nothing disbursed',
});

/** What the warnings of a report are judged on: the figures the save has in hand. */
export interface ReportFigures {
  /** The project's planned budget (null: a project with no budget). */
  plannedBudget: Satang | null;
  inOrdinance: boolean;
  ordinanceBudget: Satang | null;
  disbursed: Satang | null;
  status: WorkStatus;
}

export interface ReportWarningNotice {
  code: ReportWarning;
  /** The warning in Thai, with the report's own amounts. */
  message: string;
}

const baht = (satang: Satang) => `${formatBaht(satang)} บาท`;

/** Each rule once: when it applies, and what the LAO reads. In the order the dialog lists them. */
const RULES: Array<{ code: ReportWarning; applies: (f: ReportFigures) => boolean; message: (f: ReportFigures) => string }> = [
  {
    code: ReportWarning.DISBURSED_ABOVE_ORDINANCE,
    applies: (f) => f.disbursed !== null && f.ordinanceBudget !== null && f.disbursed > f.ordinanceBudget,
    message: (f) => `การเบิกจ่าย ${baht(f.disbursed!)} สูงกว่างบประมาณตามข้อบัญญัติ/เทศบัญญัติ ${baht(f.ordinanceBudget!)}`,
  },
  {
    code: ReportWarning.DISBURSED_ABOVE_PLANNED,
    applies: (f) => f.disbursed !== null && f.plannedBudget !== null && f.disbursed > f.plannedBudget,
    message: (f) => `การเบิกจ่าย ${baht(f.disbursed!)} สูงกว่างบประมาณที่ตั้งไว้ในแผนฯ ${baht(f.plannedBudget!)}`,
  },
  {
    code: ReportWarning.ORDINANCE_BUDGET_NOT_IN_ORDINANCE,
    applies: (f) => !f.inOrdinance && f.ordinanceBudget !== null && f.ordinanceBudget > 0,
    message: (f) => `ระบุงบประมาณตามข้อบัญญัติ/เทศบัญญัติ ${baht(f.ordinanceBudget!)} แต่เลือกว่าโครงการไม่ได้บรรจุไว้ในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน`,
  },
  {
    code: ReportWarning.DONE_WITHOUT_DISBURSEMENT,
    applies: (f) => f.plannedBudget !== null && f.status === WorkStatus.DONE && f.disbursed === 0,
    message: () => 'โครงการมีงบประมาณและรายงานว่าดำเนินการแล้วเสร็จ แต่ไม่มีการเบิกจ่ายงบประมาณ (0.00 บาท)',
  },
];

/** The warnings a report's figures raise, in the order of the rules (empty: nothing to confirm). */
export function reportWarnings(figures: ReportFigures): ReportWarningNotice[] {
  return RULES.filter((r) => r.applies(figures)).map((r) => ({ code: r.code, message: r.message(figures) }));
}

/**
 * Refuses a save whose figures raise warnings the LAO has not confirmed (WARNINGS_UNCONFIRMED, with every
 * warning in `extensions.warnings`, so the form can list them and send them back confirmed); else the
 * warnings confirmed, as the report keeps them.
 */
export function confirmedWarningsOf(
  warnings: ReportWarningNotice[],
  confirmed: readonly ReportWarning[] | null | undefined,
): ReportWarning[] {
  const given = new Set(confirmed ?? []);
  if (warnings.every((w) => given.has(w.code))) return warnings.map((w) => w.code);
  const list = warnings.map((w, i) => `${i + 1}) ${w.message}`).join(' ');
  throw new DomainError('WARNINGS_UNCONFIRMED', `กรุณาตรวจสอบก่อนบันทึก: ${list} หากข้อมูลถูกต้องแล้ว กรุณายืนยันการบันทึก (รายงานผลยังไม่ถูกบันทึก)`, {
    warnings,
  });
}

/** The confirmed warnings as one column ("A,B"; none is NULL). */
export const warningList: ValueTransformer = {
  to: (value: ReportWarning[] | null | undefined) => (value === undefined ? undefined : value && value.length ? value.join(',') : null),
  from: (value: unknown) => (typeof value === 'string' && value ? (value.split(',') as ReportWarning[]) : []),
};
