import { Field, Float, Int, ObjectType } from 'type-graphql';
import { EXPECTED, listOf } from '../../core/limits';
import { Province } from '../geography/province.entity';
import { ReportRound } from '../plan/report.enums';

@ObjectType({ description: 'One LAO in ติดตามการรายงานผล: how far its reports of a round are' })
export class FollowUpRow {
  @Field()
  laoCode: string;

  @Field()
  laoName: string;

  @Field()
  districtCode: string;

  @Field({ description: 'อำเภอ / เขต as printed (ชื่ออำเภอ with its prefix)' })
  districtLabel: string;

  @Field(() => Int, { description: 'โครงการที่สร้าง in the fiscal year' })
  created: number;

  @Field(() => Int, { description: 'created projects with a report of the round' })
  reported: number;

  @Field(() => Int, { description: 'รอการรายงาน = created − reported' })
  waiting: number;

  @Field(() => Float, { description: 'reported ÷ created × 100, two decimals (0 when nothing was created)' })
  reportingRate: number;

  @Field(() => Date, { nullable: true, description: 'When the LAO last saved a report of the round' })
  lastReportedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Set while NACC has reopened the round for this LAO' })
  reopenedUntil: Date | null;
}

@ObjectType({ description: 'ติดตามการรายงานผล of a province: every LAO of a round, with what it has not reported yet' })
export class ProvinceFollowUp {
  @Field(() => Province)
  province: Province;

  @Field(() => Int)
  fiscalYear: number;

  @Field(() => ReportRound)
  round: ReportRound;

  @Field(() => Date, { nullable: true, description: 'When the round closes for every LAO (null = NACC set no closing date)' })
  closesAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Days from today to the closing day, in Thailand’s calendar (0 = closes today; negative = closed; null = no date)',
  })
  daysLeft: number | null;

  @Field(() => [FollowUpRow], { complexity: listOf(EXPECTED.laosOfProvince), description: 'By district, then LAO, in Thai order' })
  rows: FollowUpRow[];

  @Field(() => Int, { description: 'LAOs in the table (before the not-finished filter)' })
  laos: number;

  @Field(() => Int, { description: 'LAOs finished: projects created and every one reported' })
  finished: number;
}

@ObjectType({ description: 'One province of the national follow-up: reporting and on-time rates of a round' })
export class NationalFollowUpRow {
  @Field(() => Province)
  province: Province;

  @Field(() => Int)
  laos: number;

  @Field(() => Int, { description: 'LAOs finished: projects created and every one reported' })
  finished: number;

  @Field(() => Int, { description: 'LAOs that finished no later than the round’s close (all finished ones when there is no close)' })
  onTime: number;

  @Field(() => Int)
  created: number;

  @Field(() => Int)
  reported: number;

  @Field(() => Float, { description: 'reported ÷ created × 100 over the province, two decimals' })
  reportingRate: number;

  @Field(() => Float, { description: 'LAOs finished on time ÷ LAOs with projects × 100, two decimals' })
  onTimeRate: number;
}

@ObjectType({ description: 'One LAO of the reporting worklist of a round: what it still owes and the days left to report' })
export class WorklistRow extends FollowUpRow {
  @Field(() => Int, {
    nullable: true,
    description:
      'Days to the round’s close for this LAO (its reopening’s end when reopened until later), Thailand’s calendar; null: no close',
  })
  daysToClose: number | null;
}
