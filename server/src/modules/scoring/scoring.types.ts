import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { IsInt, Max, Min } from 'class-validator';
import { MoneyScalar, type Satang } from '../../core/money';
import { Province } from '../geography/province.entity';
import { Lao } from '../lao/lao.entity';
import { PlanResultNote } from '../progress-report/plan-result-note.entity';
import { ReportRound, WorkStatus } from '../plan/report.enums';
import { Project } from '../project/project.entity';
import { ImplementationLevel } from './scoring';
import { EXPECTED, listOf } from '../../core/limits';

@ObjectType({ description: 'สถานะการดำเนินงานของรอบหนึ่ง on the home page' })
export class DashboardRound {
  @Field(() => ReportRound)
  round: ReportRound;

  @Field(() => Int, { description: 'รายงานผลแล้ว: created projects with a report of this round' })
  reported: number;

  @Field(() => Int, { description: 'รอการรายงาน = created − reported' })
  waiting: number;

  @Field(() => Float, { description: 'คิดเป็นการรายงานผลร้อยละ = reported ÷ created × 100, two decimals (the old system showed it whole)' })
  reportingRate: number;

  @Field(() => Float, { description: 'ผลการนำแผนฯ ไปปฏิบัติ, raw (may exceed 100)' })
  score: number;

  @Field(() => Float, { description: 'The score capped at 100.00' })
  cappedScore: number;

  @Field(() => ImplementationLevel)
  level: ImplementationLevel;

  @Field({
    description:
      'ที่มาของคะแนน in plain Thai: the sum, the denominator, the raw and shown score, the round’s thresholds and what would move the LAO up a level (from the scoring module, with the same numbers as the score)',
  })
  explanation: string;

  @Field(() => Int, { description: 'The score’s denominator: the minimum count when NACC set one, else the baseline' })
  denominator: number;

  @Field({ description: 'True when the denominator is NACC’s minimum count' })
  fromMinimum: boolean;

  @Field(() => Int)
  done: number;

  @Field(() => Int)
  inProgress: number;

  @Field(() => Int)
  cannotDo: number;

  @Field(() => Int, { description: 'Counted projects with no report of this round' })
  notReported: number;

  @Field({ description: 'Whether the LAO may save reports of this round now' })
  open: boolean;

  @Field(() => Date, { nullable: true, description: 'When the round opens for reporting (null = open from the start)' })
  opensAt: Date | null;

  @Field(() => Date, { nullable: true })
  closesAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Set while NACC has reopened the round for this LAO' })
  reopenedUntil: Date | null;
}

@ObjectType({ description: 'หน้าหลัก: the year’s figures of an LAO' })
export class LaoDashboard {
  @Field(() => Int)
  fiscalYear: number;

  @Field(() => Int, { description: 'โครงการตั้งต้น' })
  baselineCount: number;

  @Field(() => Int, { nullable: true })
  minimumCount: number | null;

  @Field(() => Int, { description: 'โครงการที่สร้าง' })
  created: number;

  @Field(() => [DashboardRound], { complexity: listOf(2) })
  rounds: DashboardRound[];
}

@ObjectType({ description: 'One row of รายงานผลการนำแผนไปปฏิบัติ: a dimension, or the total' })
export class DimensionSummary {
  @Field(() => Int, { nullable: true, description: 'Null on the total row' })
  dimension: number | null;

  @Field(() => Int, { description: 'โครงการตามแผน' })
  plannedProjects: number;

  @Field(() => Int, { description: 'ดำเนินการแล้ว' })
  doneProjects: number;

  @Field(() => MoneyScalar, { description: 'งบประมาณตามแผน' })
  plannedBudget: Satang;

  @Field(() => MoneyScalar, { description: 'ตามข้อบัญญัติ/เทศบัญญัติ' })
  ordinanceBudget: Satang;

  @Field(() => MoneyScalar, { description: 'ใช้จริง' })
  disbursed: Satang;

  @Field(() => Float, { description: 'ร้อยละดำเนินการ: โครงการ' })
  projectPercent: number;

  @Field(() => Float, { description: 'ร้อยละดำเนินการ: งบประมาณ' })
  budgetPercent: number;
}

@ObjectType({ description: 'สถานะโครงการ/กิจกรรม/มาตรการ' })
export class StatusSummary {
  @Field(() => Int, { nullable: true })
  minimumCount: number | null;

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  inOrdinance: number;

  @Field(() => Int)
  inProgress: number;

  @Field(() => Int)
  done: number;

  @Field(() => Int)
  cannotDo: number;

  @Field(() => Int)
  waiting: number;
}

@ObjectType({ description: 'ภาพรวมของการดำเนินงานตามแผนราย อปท. for a year and round' })
export class LaoOverview {
  @Field(() => Lao)
  lao: Lao;

  @Field(() => Int)
  fiscalYear: number;

  @Field(() => ReportRound)
  round: ReportRound;

  @Field(() => [DimensionSummary], { complexity: listOf(5) })
  dimensions: DimensionSummary[];

  @Field(() => DimensionSummary)
  total: DimensionSummary;

  @Field(() => StatusSummary)
  status: StatusSummary;

  @Field(() => Float)
  score: number;

  @Field(() => Float)
  cappedScore: number;

  @Field(() => ImplementationLevel)
  level: ImplementationLevel;

  @Field({
    description:
      'ที่มาของคะแนน in plain Thai: the sum, the denominator, the raw and shown score, the round’s thresholds and what would move the LAO up a level (from the scoring module, with the same numbers as the score)',
  })
  explanation: string;

  @Field(() => Int)
  denominator: number;

  @Field()
  fromMinimum: boolean;
}

@ObjectType({ description: 'One project in ผลการดำเนินงานตามแผน' })
export class PlanResultRow {
  @Field(() => Int, { description: 'ลำดับ in the report' })
  no: number;

  @Field(() => Project)
  project: Project;

  @Field(() => MoneyScalar, { description: 'งบประมาณ (บาท); 0.00 for a project with no budget' })
  budget: Satang;

  @Field(() => MoneyScalar, { description: 'เบิกจ่าย (บาท) in the round' })
  disbursed: Satang;

  @Field(() => WorkStatus, { nullable: true, description: 'Null = รอรายงาน' })
  status: WorkStatus | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType({ description: 'ผลการดำเนินงานตามแผน of an LAO for a year and round, with its summary' })
export class PlanResults {
  @Field(() => Lao)
  lao: Lao;

  @Field(() => Int)
  fiscalYear: number;

  @Field(() => ReportRound)
  round: ReportRound;

  @Field(() => [PlanResultRow], { complexity: listOf(EXPECTED.projectsOfLao) })
  rows: PlanResultRow[];

  @Field(() => PlanResultNote, { nullable: true })
  note: PlanResultNote | null;

  @Field(() => Int)
  waiting: number;

  @Field(() => Int)
  inProgress: number;

  @Field(() => Int)
  done: number;

  @Field(() => Int)
  cannotDo: number;

  @Field(() => MoneyScalar)
  disbursed: Satang;

  @Field(() => Float, { description: 'Disbursed ÷ planned budget × 100' })
  disbursedPercent: number;

  @Field(() => Float, { description: 'Raw score (may exceed 100)' })
  score: number;

  @Field(() => Float)
  cappedScore: number;

  @Field(() => ImplementationLevel)
  level: ImplementationLevel;
}

@ObjectType({ description: 'One LAO in ผลการนำแผนฯ ไปปฏิบัติระดับจังหวัด' })
export class ProvinceScoreRow {
  @Field(() => Lao)
  lao: Lao;

  @Field()
  districtName: string;

  @Field({ description: '"อำเภอชะอวด"; "เขตคลองเตย" in Bangkok' })
  districtLabel: string;

  @Field(() => Float, { description: 'Raw score (may exceed 100; the province PDF prints it)' })
  score: number;

  @Field(() => Float)
  cappedScore: number;

  @Field(() => ImplementationLevel)
  level: ImplementationLevel;

  @Field({
    description:
      'ที่มาของคะแนน in plain Thai: the sum, the denominator, the raw and shown score, the round’s thresholds and what would move the LAO up a level (from the scoring module, with the same numbers as the score)',
  })
  explanation: string;
}

@ObjectType({ description: 'ผลการนำแผนฯ ไปปฏิบัติระดับจังหวัด for a year and round' })
export class ProvinceScoreReport {
  @Field(() => Province)
  province: Province;

  @Field(() => Int)
  fiscalYear: number;

  @Field(() => ReportRound)
  round: ReportRound;

  @Field(() => [ProvinceScoreRow], { complexity: listOf(EXPECTED.laosOfProvince) })
  rows: ProvinceScoreRow[];

  @Field(() => Int)
  high: number;

  @Field(() => Int)
  medium: number;

  @Field(() => Int)
  low: number;
}

@ObjectType({ description: 'One province in the national view: its LAOs counted by level' })
export class NationalScoreRow {
  @Field(() => Province)
  province: Province;

  @Field(() => Int)
  laos: number;

  @Field(() => Int)
  high: number;

  @Field(() => Int)
  medium: number;

  @Field(() => Int)
  low: number;
}

@InputType({ description: 'Level thresholds of one round, in percent (two decimals)' })
export class LevelThresholdInput {
  @Field(() => ReportRound)
  round: ReportRound;

  @Field(() => Int, { description: 'HIGH from this score, in hundredths of a percent (5000 = 50.00)' })
  @IsInt({ message: 'เกณฑ์ต้องเป็นจำนวนเต็ม (หน่วย 0.01%)' })
  @Min(0, { message: 'เกณฑ์ต้องอยู่ระหว่าง 0–100%' })
  @Max(10000, { message: 'เกณฑ์ต้องอยู่ระหว่าง 0–100%' })
  highFrom: number;

  @Field({ description: 'True: HIGH when the score equals highFrom too' })
  highInclusive: boolean;

  @Field(() => Int)
  @IsInt({ message: 'เกณฑ์ต้องเป็นจำนวนเต็ม (หน่วย 0.01%)' })
  @Min(0, { message: 'เกณฑ์ต้องอยู่ระหว่าง 0–100%' })
  @Max(10000, { message: 'เกณฑ์ต้องอยู่ระหว่าง 0–100%' })
  mediumFrom: number;

  @Field()
  mediumInclusive: boolean;
}

@ObjectType({ description: 'Level thresholds of one round of a fiscal year (hundredths of a percent)' })
export class RoundThresholds {
  @Field(() => ReportRound)
  round: ReportRound;

  @Field(() => Int)
  highFrom: number;

  @Field()
  highInclusive: boolean;

  @Field(() => Int)
  mediumFrom: number;

  @Field()
  mediumInclusive: boolean;
}
