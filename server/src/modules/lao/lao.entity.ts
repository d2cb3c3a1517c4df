import { Field, Float, ID, Int, ObjectType, UseMiddleware, type MiddlewareFn, Directive } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { MoneyScalar, satangColumn, type Satang } from '../../core/money';
import { Timestamped } from '../../core/timestamped';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, VersionColumn, type Relation } from 'typeorm';
import { District } from '../geography/district.entity';
import { Province } from '../geography/province.entity';
import { LaoSize, LaoType } from './lao.enums';
import { allow, Permission, placeOfLao } from '../access/policy';

/** Areas are kept as whole thousandths of a km² (the form allows 3 decimals), exact in both databases. */
const thousandthsColumn = {
  to: (v: number | null | undefined) => (v === null || v === undefined ? v : Math.round(v * 1000)),
  from: (v: unknown) => (v === null || v === undefined ? null : Number(v) / 1000),
};

/**
 * An LAO's basic data answers only to those who may read the LAO. Others meet an LAO in one place — its
 * province's score table, read by the province's LAO officers — and see its registry entry there (code,
 * name, type, size, place), with these fields null.
 */
const readersOnly: MiddlewareFn<AppContext> = async ({ root, context }, next) =>
  allow(context.user, Permission.READ_LAO, placeOfLao(root as Lao)) ? next() : null;

/** A local administrative organisation (อปท.). Its 7-digit code is also its first officer's username. */
// An entity other NACC subgraphs may extend, under FEDERATION=1 (federation.ts).
@Directive('@key(fields: "code")')
@ObjectType({
  description:
    'องค์กรปกครองส่วนท้องถิ่น (อปท.). Its basic data (address … coordinator, awards) is null or empty to a user who may not read the LAO',
})
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

  @UseMiddleware(readersOnly)
  @Field(() => String, { nullable: true, description: 'ที่ตั้งทำการ' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  @UseMiddleware(readersOnly)
  @Field(() => Float, { nullable: true, description: 'ขนาดพื้นที่ให้บริการ in km², up to 3 decimals' })
  @Column({ type: 'bigint', nullable: true, transformer: thousandthsColumn })
  areaKm2: number | null;

  @UseMiddleware(readersOnly)
  @Field(() => Int, { nullable: true, description: 'ประชากรในเขตพื้นที่ (persons)' })
  @Column({ type: 'int', nullable: true })
  population: number | null;

  @UseMiddleware(readersOnly)
  @Field(() => MoneyScalar, { nullable: true, description: 'รายได้ไม่รวมเงินอุดหนุน (baht)' })
  @Column({ type: 'bigint', nullable: true, transformer: satangColumn })
  revenue: Satang | null;

  @UseMiddleware(readersOnly)
  @Field(() => MoneyScalar, { nullable: true, description: 'รายได้จากเงินอุดหนุน (baht)' })
  @Column({ type: 'bigint', nullable: true, transformer: satangColumn })
  subsidyRevenue: Satang | null;

  @UseMiddleware(readersOnly)
  @Field(() => String, { nullable: true, description: 'ชื่อผู้บริหารท้องถิ่น' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  executiveName: string | null;

  @UseMiddleware(readersOnly)
  @Field(() => String, { nullable: true, description: 'ชื่อปลัดองค์กรปกครองส่วนท้องถิ่น' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  chiefAdministratorName: string | null;

  @UseMiddleware(readersOnly)
  @Field(() => String, { nullable: true, description: 'ชื่อหัวหน้าสำนักปลัด (หัวหน้าส่วนราชการที่ให้ความเห็นในบันทึกข้อความ)' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  officeHeadName: string | null;

  @UseMiddleware(readersOnly)
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  website: string | null;

  @UseMiddleware(readersOnly)
  @Field(() => String, { nullable: true, description: 'ผู้ประสานงาน: ชื่อ - สกุล' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  coordinatorName: string | null;

  @UseMiddleware(readersOnly)
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  coordinatorPosition: string | null;

  @UseMiddleware(readersOnly)
  @Field(() => String, { nullable: true, description: 'สังกัด (ฝ่าย/กลุ่ม/สำนัก)' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  coordinatorDepartment: string | null;

  @UseMiddleware(readersOnly)
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  coordinatorPhone: string | null;

  @UseMiddleware(readersOnly)
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  coordinatorMobile: string | null;

  @UseMiddleware(readersOnly)
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  coordinatorFax: string | null;

  @UseMiddleware(readersOnly)
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 254, nullable: true })
  coordinatorEmail: string | null;

  @Field({ description: 'False once NACC retires the LAO (merged or dissolved)' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'The first fiscal year the LAO is in the registry (added by NACC that year); null: since before any plan',
  })
  @Column({ type: 'int', nullable: true })
  firstFiscalYear: number | null;

  @Field(() => Int, { nullable: true, description: 'The last fiscal year the LAO is in the registry (retired that year); null: in use' })
  @Column({ type: 'int', nullable: true })
  lastFiscalYear: number | null;

  @VersionColumn()
  version: number;
}
