import { Field, Float, InputType, Int } from 'type-graphql';
import { IsEmail, IsEnum, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MaxDecimals, Text } from '../../core/input';
import { MoneyScalar, type Satang } from '../../core/money';
import { AwardKind } from './award.entity';
import { LaoSize } from './lao.enums';

/** Digits and the usual punctuation, and "ต่อ" (extension); at most 32 characters. */
const PHONE = /^(?=.{0,32}$)(?:[0-9+\-\s(),#.]|ต่อ)*$/;
const PHONE_TH = 'หมายเลขโทรศัพท์ใช้ได้เฉพาะตัวเลข + - ( ) และคำว่า "ต่อ" ไม่เกิน 32 ตัว';

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
  @MaxDecimals(3, { message: 'ขนาดพื้นที่ใส่ทศนิยมได้ไม่เกิน 3 ตำแหน่ง' })
  @Min(0, { message: 'ขนาดพื้นที่ต้องไม่ติดลบ' })
  @Max(1_000_000, { message: 'ขนาดพื้นที่มากเกินไป' })
  areaKm2?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'ประชากรต้องเป็นจำนวนเต็ม' })
  @Min(0, { message: 'ประชากรต้องไม่ติดลบ' })
  @Max(20_000_000, { message: 'จำนวนประชากรมากเกินไป' })
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
  @Matches(/^(https?:\/\/)?[\w.-]+\.[a-z]{2,}(\/\S*)?$/i, { message: 'รูปแบบเว็บไซต์ไม่ถูกต้อง เช่น www.khonhat.go.th' })
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
  @Matches(PHONE, { message: PHONE_TH })
  coordinatorPhone?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'หมายเลขโทรศัพท์มือถือ', max: 32 })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_TH })
  coordinatorMobile?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'หมายเลขโทรสาร', max: 32 })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_TH })
  coordinatorFax?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'อีเมล', max: 254 })
  @IsOptional()
  @IsEmail({}, { message: 'รูปแบบอีเมลไม่ถูกต้อง' })
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
