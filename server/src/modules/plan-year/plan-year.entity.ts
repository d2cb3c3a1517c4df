import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Lao } from '../lao/lao.entity';

/** NACC's numbers for an LAO's plan in one fiscal year: the baseline (โครงการตั้งต้น) and the minimum. */
@ObjectType({ description: 'จำนวนโครงการตั้งต้น และโครงการขั้นต่ำ ของ อปท. ในปีงบประมาณหนึ่ง' })
@Entity('plan_year')
export class PlanYear {
  @Field()
  @PrimaryColumn({ type: 'varchar', length: 7 })
  laoCode: string;

  @ManyToOne(() => Lao, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lao_code', foreignKeyConstraintName: 'fk_plan_year_lao' })
  lao?: Relation<Lao>;

  @Field(() => Int)
  @PrimaryColumn({ type: 'int' })
  fiscalYear: number;

  /** Null until NACC sets one: the baseline is then the count of the year's counted planned projects. */
  @Field(() => Int, { nullable: true, description: 'โครงการตั้งต้น set by NACC; null = the count of the year’s counted planned projects' })
  @Column({ type: 'int', nullable: true })
  baselineCount: number | null;

  @Field(() => Int, { nullable: true, description: 'โครงการขั้นต่ำ ตามที่ ป.ป.ช. กำหนด; the score’s denominator when set' })
  @Column({ type: 'int', nullable: true })
  minimumCount: number | null;
}
