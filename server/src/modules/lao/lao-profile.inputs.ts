import { Field, Float, InputType, Int } from 'type-graphql';
import { IsEmail, IsEnum, IsInt, IsNumber, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
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
  @IsOptional()
  @MaxLength(500, { message: 'ที่ตั้งทำการต้องไม่เกิน 500 ตัวอักษร' })
  address?: string | null;

  @Field(() => Float, { nullable: true, description: 'km², at most 3 decimals' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 3 }, { message: 'ขนาดพื้นที่ใส่ทศนิยมได้ไม่เกิน 3 ตำแหน่ง' })
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
  @IsOptional()
  @MaxLength(200, { message: 'ชื่อผู้บริหารท้องถิ่นต้องไม่เกิน 200 ตัวอักษร' })
  executiveName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'ชื่อปลัดต้องไม่เกิน 200 ตัวอักษร' })
  chiefAdministratorName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^$|^(https?:\/\/)?[\w.-]+\.[a-z]{2,}(\/\S*)?$/i, { message: 'รูปแบบเว็บไซต์ไม่ถูกต้อง เช่น www.khonhat.go.th' })
  @MaxLength(200, { message: 'เว็บไซต์ต้องไม่เกิน 200 ตัวอักษร' })
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'ชื่อผู้ประสานงานต้องไม่เกิน 200 ตัวอักษร' })
  coordinatorName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'ตำแหน่งต้องไม่เกิน 200 ตัวอักษร' })
  coordinatorPosition?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'สังกัดต้องไม่เกิน 200 ตัวอักษร' })
  coordinatorDepartment?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_TH })
  coordinatorPhone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_TH })
  coordinatorMobile?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_TH })
  coordinatorFax?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'รูปแบบอีเมลไม่ถูกต้อง' })
  @MaxLength(254, { message: 'อีเมลต้องไม่เกิน 254 ตัวอักษร' })
  coordinatorEmail?: string | null;
}

@InputType()
export class AwardInput {
  @Field(() => AwardKind)
  @IsEnum(AwardKind, { message: 'ประเภทรางวัลไม่ถูกต้อง' })
  kind: AwardKind;

  @Field(() => String, { nullable: true, description: 'Required for OTHER' })
  @IsOptional()
  @MaxLength(300, { message: 'ชื่อรางวัลต้องไม่เกิน 300 ตัวอักษร' })
  text?: string | null;
}
