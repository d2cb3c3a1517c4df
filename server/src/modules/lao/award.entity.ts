import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Lao } from './lao.entity';

export enum AwardKind {
  KPI = 'KPI',
  DECENTRALIZATION = 'DECENTRALIZATION',
  OPDC = 'OPDC',
  OTHER = 'OTHER',
}
registerEnumType(AwardKind, {
  name: 'AwardKind',
  description: 'รางวัล พระปกเกล้า (KPI) / กระจายอำนาจ / กพร. (OPDC) / อื่น ๆ (with text)',
});

/** The kinds of award as the LAO's basic-data screen names them (the public LAO page lists them so). */
export const AWARD_KIND_TH: Record<AwardKind, string> = { KPI: 'พระปกเกล้า', DECENTRALIZATION: 'กระจายอำนาจ', OPDC: 'กพร.', OTHER: 'อื่น ๆ' };

/** An award an LAO received in a fiscal year (รางวัลที่ได้รับ). */
@ObjectType({ description: 'รางวัลที่ได้รับ in one fiscal year' })
@Entity('award')
@Index('uq_award_lao_year_kind', ['laoCode', 'fiscalYear', 'kind'], { unique: true })
export class Award {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 7 })
  laoCode: string;

  @ManyToOne(() => Lao, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lao_code', foreignKeyConstraintName: 'fk_award_lao' })
  lao?: Relation<Lao>;

  @Field(() => Int)
  @Column({ type: 'int' })
  fiscalYear: number;

  @Field(() => AwardKind)
  @Column({ type: 'varchar', length: 32 })
  kind: AwardKind;

  @Field(() => String, { nullable: true, description: 'Name of the award, for OTHER' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  text: string | null;
}
