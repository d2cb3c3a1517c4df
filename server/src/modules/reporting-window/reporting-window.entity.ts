import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ReportRound } from '../plan/report.enums';

/** When LAOs may save reports for a round of a fiscal year (NACC sets it; no row = always open). */
@ObjectType({ description: 'ช่วงเวลารายงานผลของรอบหนึ่งในปีงบประมาณหนึ่ง' })
@Entity('reporting_window')
export class ReportingWindow {
  @Field(() => Int)
  @PrimaryColumn({ type: 'int' })
  fiscalYear: number;

  @Field(() => ReportRound)
  @PrimaryColumn({ type: 'varchar', length: 16 })
  round: ReportRound;

  @Field(() => Date, { nullable: true, description: 'Null = open from the start' })
  @Column({ type: 'datetime', nullable: true })
  opensAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Null = no closing date' })
  @Column({ type: 'datetime', nullable: true })
  closesAt: Date | null;
}

/** NACC reopening a round for one LAO, until a time. */
@ObjectType({ description: 'การเปิดรอบรายงานผลให้ อปท. รายหนึ่งเป็นกรณีพิเศษ' })
@Entity('reporting_reopening')
export class ReportingReopening {
  @Field()
  @PrimaryColumn({ type: 'varchar', length: 7 })
  laoCode: string;

  @Field(() => Int)
  @PrimaryColumn({ type: 'int' })
  fiscalYear: number;

  @Field(() => ReportRound)
  @PrimaryColumn({ type: 'varchar', length: 16 })
  round: ReportRound;

  @Field()
  @Column({ type: 'datetime' })
  openUntil: Date;
}
