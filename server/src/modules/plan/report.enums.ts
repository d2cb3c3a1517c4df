import { registerEnumType } from 'type-graphql';

export enum ReportRound {
  SIX_MONTHS = 'SIX_MONTHS',
  TWELVE_MONTHS = 'TWELVE_MONTHS',
}
/** The rounds as documents and notices name them. */
export const ROUND_TH: Record<ReportRound, string> = { SIX_MONTHS: 'รอบ 6 เดือน', TWELVE_MONTHS: 'รอบ 12 เดือน' };
registerEnumType(ReportRound, { name: 'ReportRound', description: 'รอบ 6 เดือน (1 Oct–31 Mar) / รอบ 12 เดือน (the whole fiscal year)' });

export enum WorkStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANNOT_DO = 'CANNOT_DO',
}
registerEnumType(WorkStatus, { name: 'WorkStatus', description: 'อยู่ระหว่างดำเนินการ / ดำเนินการแล้วเสร็จ / ไม่สามารถดำเนินการได้' });

export enum CannotDoReason {
  NO_BUDGET = 'NO_BUDGET',
  POLICY_CHANGED = 'POLICY_CHANGED',
  INSUFFICIENT_STAFF = 'INSUFFICIENT_STAFF',
  OTHER = 'OTHER',
}
registerEnumType(CannotDoReason, {
  name: 'CannotDoReason',
  description: 'ไม่ได้รับงบประมาณ / นโยบายผู้บริหารเปลี่ยนแปลง / บุคลากรไม่เพียงพอ / อื่น ๆ (with text)',
});
