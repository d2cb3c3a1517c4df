import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, Matches } from 'class-validator';
import { FiscalYear, Text } from '../../core/input';
import { MoneyScalar, type Satang } from '../../core/money';
import { CannotDoReason, ReportRound, WorkStatus } from '../plan/report.enums';
import { ReportWarning } from './report-warnings';

/**
 * บันทึกรายงานผลโครงการ: one project, one fiscal year, one round. The answers the form asks for may be
 * left null: the service answers each missing one with a Thai message under its field, all at once.
 */
@InputType()
export class ProgressReportInput {
  @Field(() => ID)
  @Matches(/^\d{1,15}$/, { message: 'ไม่พบโครงการนี้' })
  projectId: string;

  @Field(() => Int)
  @FiscalYear()
  fiscalYear: number;

  @Field(() => ReportRound)
  @IsEnum(ReportRound, { message: 'รอบการรายงานไม่ถูกต้อง' })
  round: ReportRound;

  @Field(() => Boolean, {
    nullable: true,
    description: 'บรรจุไว้ในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน (required: null is refused with a field error)',
  })
  inOrdinance?: boolean | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Required for a budgeted project; none for one without budget' })
  @IsOptional()
  ordinanceBudget?: Satang | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Required for a budgeted project; none for one without budget' })
  @IsOptional()
  disbursed?: Satang | null;

  @Field(() => WorkStatus, { nullable: true, description: 'Required: null is refused with a field error' })
  @IsOptional()
  @IsEnum(WorkStatus, { message: 'กรุณาเลือกสถานะการดำเนินงาน' })
  status?: WorkStatus | null;

  @Field(() => CannotDoReason, { nullable: true, description: 'Required when the status is CANNOT_DO' })
  @IsOptional()
  @IsEnum(CannotDoReason, { message: 'เหตุผลที่ไม่สามารถดำเนินการได้ไม่ถูกต้อง' })
  cannotDoReason?: CannotDoReason | null;

  @Field(() => String, { nullable: true, description: 'Required for the reason OTHER' })
  @Text({ label: 'เหตุผล', max: 1000, multiline: true })
  cannotDoText?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'หมายเหตุ', max: 2000, multiline: true })
  note?: string | null;

  @Field(() => [ReportWarning], {
    nullable: true,
    description:
      'ข้อควรตรวจสอบ the LAO has seen and confirms (the codes of a WARNINGS_UNCONFIRMED answer); a save whose figures raise a warning not listed here is refused',
  })
  @IsOptional()
  @ArrayMaxSize(Object.keys(ReportWarning).length, { message: 'รายการยืนยันข้อควรตรวจสอบไม่ถูกต้อง' })
  @IsEnum(ReportWarning, { each: true, message: 'รายการยืนยันข้อควรตรวจสอบไม่ถูกต้อง' })
  confirmedWarnings?: ReportWarning[] | null;
}

@InputType({ description: 'ปัญหา อุปสรรค ข้อเสนอแนะ และผู้รายงาน' })
export class PlanResultNoteInput {
  @Field(() => String, { nullable: true })
  @Text({ label: 'ปัญหา อุปสรรค', max: 5000, multiline: true })
  problems?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'ข้อเสนอแนะ', max: 5000, multiline: true })
  suggestions?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'ชื่อผู้รายงาน', max: 200 })
  reporterName?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'ตำแหน่ง', max: 200 })
  reporterPosition?: string | null;
}
