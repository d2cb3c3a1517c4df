import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Lao } from '../lao/lao.entity';
import { ReportRound } from '../plan/report.enums';

/** What the LAO writes under its plan results for a round: problems, suggestions, who reports. */
@ObjectType({ description: 'ปัญหา อุปสรรค ข้อเสนอแนะ และผู้รายงาน ของผลการดำเนินงานตามแผน' })
@Entity('plan_result_note')
export class PlanResultNote {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  laoCode: string;

  @ManyToOne(() => Lao, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lao_code', foreignKeyConstraintName: 'fk_plan_result_note_lao' })
  lao?: Relation<Lao>;

  @Field(() => Int)
  @PrimaryColumn({ type: 'int' })
  fiscalYear: number;

  @Field(() => ReportRound)
  @PrimaryColumn({ type: 'varchar', length: 16 })
  round: ReportRound;

  @Field(() => String, { nullable: true, description: 'ปัญหา อุปสรรค' })
  @Column({ type: 'text', nullable: true })
  problems: string | null;

  @Field(() => String, { nullable: true, description: 'ข้อเสนอแนะ' })
  @Column({ type: 'text', nullable: true })
  suggestions: string | null;

  @Field(() => String, { nullable: true, description: 'ชื่อ - สกุล ผู้รายงาน' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  reporterName: string | null;

  @Field(() => String, { nullable: true, description: 'ตำแหน่ง' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  reporterPosition: string | null;
}
