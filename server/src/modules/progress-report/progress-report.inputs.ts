import { Field, ID, InputType, Int } from 'type-graphql';
import { IsEnum, IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { MoneyScalar, type Satang } from '../../core/money';
import { CannotDoReason, ReportRound, WorkStatus } from './progress-report.enums';

/** บันทึกรายงานผลโครงการ: one project, one fiscal year, one round. */
@InputType()
export class ProgressReportInput {
  @Field(() => ID)
  @Matches(/^\d{1,15}$/, { message: 'ไม่พบโครงการนี้' })
  projectId: string;

  @Field(() => Int)
  @IsInt({ message: 'ปีงบประมาณไม่ถูกต้อง' })
  @Min(2500, { message: 'ปีงบประมาณไม่ถูกต้อง' })
  @Max(2700, { message: 'ปีงบประมาณไม่ถูกต้อง' })
  fiscalYear: number;

  @Field(() => ReportRound)
  @IsEnum(ReportRound, { message: 'รอบการรายงานไม่ถูกต้อง' })
  round: ReportRound;

  @Field({ description: 'บรรจุไว้ในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน' })
  inOrdinance: boolean;

  @Field(() => MoneyScalar, { nullable: true, description: 'Required for a budgeted project; none for one without budget' })
  @IsOptional()
  ordinanceBudget?: Satang | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Required for a budgeted project; none for one without budget' })
  @IsOptional()
  disbursed?: Satang | null;

  @Field(() => WorkStatus)
  @IsEnum(WorkStatus, { message: 'กรุณาเลือกสถานะการดำเนินงาน' })
  status: WorkStatus;

  @Field(() => CannotDoReason, { nullable: true, description: 'Required when the status is CANNOT_DO' })
  @IsOptional()
  @IsEnum(CannotDoReason, { message: 'เหตุผลที่ไม่สามารถดำเนินการได้ไม่ถูกต้อง' })
  cannotDoReason?: CannotDoReason | null;

  @Field(() => String, { nullable: true, description: 'Required for the reason OTHER' })
  @IsOptional()
  @MaxLength(1000, { message: 'เหตุผลต้องไม่เกิน 1,000 ตัวอักษร' })
  cannotDoText?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'หมายเหตุต้องไม่เกิน 2,000 ตัวอักษร' })
  note?: string | null;
}

@InputType({ description: 'ปัญหา อุปสรรค ข้อเสนอแนะ และผู้รายงาน' })
export class PlanResultNoteInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'ปัญหา อุปสรรค ต้องไม่เกิน 5,000 ตัวอักษร' })
  problems?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'ข้อเสนอแนะต้องไม่เกิน 5,000 ตัวอักษร' })
  suggestions?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'ชื่อผู้รายงานต้องไม่เกิน 200 ตัวอักษร' })
  reporterName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'ตำแหน่งต้องไม่เกิน 200 ตัวอักษร' })
  reporterPosition?: string | null;
}
