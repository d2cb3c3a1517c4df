import { Field, ObjectType, Directive } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Province } from './province.entity';

/** A district (อำเภอ/เขต) with its four-digit DOPA code; the first two digits are its province's. */
// An entity other NACC subgraphs may extend, under FEDERATION=1 (federation.ts).
@Directive('@key(fields: "code")')
@ObjectType({ description: 'อำเภอ/เขต: a district with its four-digit DOPA code' })
@Entity('district')
@Index('idx_district_province', ['provinceCode'])
export class District {
  @Field({ description: 'Four-digit DOPA code, e.g. "8001"' })
  @PrimaryColumn({ type: 'varchar', length: 4 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 2 })
  provinceCode: string;

  @ManyToOne(() => Province, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'province_code', foreignKeyConstraintName: 'fk_district_province' })
  province?: Relation<Province>;

  @Field({ description: 'Thai name' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field({ description: 'English name' })
  @Column({ type: 'varchar', length: 100 })
  nameEn: string;
}
