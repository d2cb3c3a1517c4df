import { Field, Float, InputType, Int } from 'type-graphql';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { AREA, EMAIL, PHONE, POPULATION, WEBSITE } from '../../core/field-rules';
import { Format, MaxDecimals, Text } from '../../core/input';
import { MoneyScalar, type Satang } from '../../core/money';
import { AwardKind } from './award.entity';
import { LaoSize } from './lao.enums';

/** ข้อมูลพื้นฐาน of an LAO: place, area and executives, coordinator. */
@InputType()
export class LaoProfileInput {
  @Field(() => LaoSize)
  @IsEnum(LaoSize, { message: 'กรุณาเลือกขนาด อปท.' })
  size: LaoSize;

  @Field(() => String, { nullable: true, description: 'ที่ตั้งทำการ' })
  @Text({ label: 'ที่ตั้งทำการ', max: 500, multiline: true })
  address?: string | null;

  @Field(() => Float, { nullable: true, description: 'km², at most 3 decimals' })
  @IsOptional()
  @MaxDecimals(AREA.decimals, { message: AREA.decimalsMessage })
  @Min(0, { message: AREA.negativeMessage })
  @Max(AREA.max, { message: AREA.tooLargeMessage })
  areaKm2?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: POPULATION.wholeMessage })
  @Min(0, { message: POPULATION.negativeMessage })
  @Max(POPULATION.max, { message: POPULATION.tooLargeMessage })
  population?: number | null;

  @Field(() => MoneyScalar, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'รายได้ต้องไม่ติดลบ' })
  revenue?: Satang | null;

  @Field(() => MoneyScalar, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'รายได้จากเงินอุดหนุนต้องไม่ติดลบ' })
  subsidyRevenue?: Satang | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'ชื่อผู้บริหารท้องถิ่น', max: 200 })
  executiveName?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'ชื่อปลัด', max: 200 })
  chiefAdministratorName?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'ชื่อหัวหน้าสำนักปลัด', max: 200 })
  officeHeadName?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'เว็บไซต์', max: 200 })
  @IsOptional()
  @Format(WEBSITE)
  website?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'ชื่อผู้ประสานงาน', max: 200 })
  coordinatorName?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'ตำแหน่ง', max: 200 })
  coordinatorPosition?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'สังกัด', max: 200 })
  coordinatorDepartment?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'หมายเลขโทรศัพท์', max: 32 })
  @IsOptional()
  @Format(PHONE)
  coordinatorPhone?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'หมายเลขโทรศัพท์มือถือ', max: 32 })
  @IsOptional()
  @Format(PHONE)
  coordinatorMobile?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'หมายเลขโทรสาร', max: 32 })
  @IsOptional()
  @Format(PHONE)
  coordinatorFax?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'อีเมล', max: 254 })
  @IsOptional()
  @Format(EMAIL)
  coordinatorEmail?: string | null;
}

@InputType()
export class AwardInput {
  @Field(() => AwardKind)
  @IsEnum(AwardKind, { message: 'ประเภทรางวัลไม่ถูกต้อง' })
  kind: AwardKind;

  @Field(() => String, { nullable: true, description: 'Required for OTHER' })
  @Text({ label: 'ชื่อรางวัล', max: 300 })
  text?: string | null;
}
