import { Field, ID, ObjectType } from 'type-graphql';
import { Timestamped } from '../../core/timestamped';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, VersionColumn, type Relation } from 'typeorm';
import { District } from '../geography/district.entity';
import { Province } from '../geography/province.entity';
import { LaoSize, LaoType } from './lao.enums';

/** A local administrative organisation (อปท.). Its 7-digit code is also its first officer's username. */
@ObjectType({ description: 'องค์กรปกครองส่วนท้องถิ่น (อปท.)' })
@Entity('lao')
@Index('idx_lao_place', ['provinceCode', 'districtCode', 'name'])
export class Lao extends Timestamped {
  @Field(() => ID, { description: '7-digit LAO code' })
  @PrimaryColumn({ type: 'varchar', length: 7 })
  code: string;

  @Field({ description: 'Full Thai name, e.g. องค์การบริหารส่วนตำบลขอนหาด' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => LaoType)
  @Column({ type: 'varchar', length: 32 })
  type: LaoType;

  @Field(() => LaoSize)
  @Column({ type: 'varchar', length: 16 })
  size: LaoSize;

  @Field()
  @Column({ type: 'varchar', length: 2 })
  provinceCode: string;

  @ManyToOne(() => Province, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'province_code', foreignKeyConstraintName: 'fk_lao_province' })
  province?: Relation<Province>;

  @Field()
  @Column({ type: 'varchar', length: 4 })
  districtCode: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'district_code', foreignKeyConstraintName: 'fk_lao_district' })
  district?: Relation<District>;

  @Field(() => String, { nullable: true, description: 'ที่ตั้งทำการ' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  @Field({ description: 'False once NACC retires the LAO (merged or dissolved)' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @VersionColumn()
  version: number;
}
