import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { MoneyScalar, satangColumn, type Satang } from '../../core/money';
import { Lao } from '../lao/lao.entity';

/** คะแนน SAR (ผลการประเมิน) of an LAO in one fiscal year and dimension. Scores are kept in hundredths. */
@ObjectType({ description: 'คะแนน SAR ของ อปท. ในปีงบประมาณและมิติหนึ่ง' })
@Entity('sar_score')
export class SarScore {
  @Field()
  @PrimaryColumn({ type: 'varchar', length: 7 })
  laoCode: string;

  @ManyToOne(() => Lao, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lao_code', foreignKeyConstraintName: 'fk_sar_score_lao' })
  lao?: Relation<Lao>;

  @Field(() => Int)
  @PrimaryColumn({ type: 'int' })
  fiscalYear: number;

  @Field(() => Int)
  @PrimaryColumn({ type: 'int' })
  dimension: number;

  /** Hundredths of a point (8550 = 85.50). */
  @Column({ type: 'int', nullable: true })
  selfScore: number | null;

  /** Hundredths of a point. */
  @Column({ type: 'int', nullable: true })
  evaluatedScore: number | null;

  @Field(() => MoneyScalar, { nullable: true })
  @Column({ type: 'bigint', nullable: true, transformer: satangColumn })
  budget: Satang | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  projectCount: number | null;
}
