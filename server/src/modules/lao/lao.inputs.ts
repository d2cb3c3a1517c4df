import { Field, InputType } from 'type-graphql';
import { IsBoolean, IsEnum, Matches } from 'class-validator';
import { Text } from '../../core/input';
import { LaoSize, LaoType } from './lao.enums';

/** What an LAO code is: seven digits. */
export const LAO_CODE = /^\d{7}$/;

@InputType({ description: 'A new LAO in the registry (ADMIN). No account is made: createUser does that.' })
export class CreateLaoInput {
  @Field({ description: '7-digit LAO code' })
  @Matches(LAO_CODE, { message: 'รหัส อปท. ต้องเป็นตัวเลข 7 หลัก' })
  code: string;

  @Field()
  @Text({ label: 'ชื่อ อปท.', max: 200, required: true })
  name: string;

  @Field(() => LaoType)
  @IsEnum(LaoType, { message: 'ประเภท อปท. ไม่ถูกต้อง' })
  type: LaoType;

  @Field(() => LaoSize)
  @IsEnum(LaoSize, { message: 'ขนาด อปท. ไม่ถูกต้อง' })
  size: LaoSize;

  @Field()
  @Matches(/^\d{2}$/, { message: 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก' })
  provinceCode: string;

  @Field()
  @Matches(/^\d{4}$/, { message: 'รหัสอำเภอต้องเป็นตัวเลข 4 หลัก' })
  districtCode: string;

  @Field(() => String, { nullable: true })
  @Text({ label: 'ที่ตั้งทำการ', max: 500, multiline: true })
  address?: string | null;
}

@InputType({ description: 'A registry entry changed by ADMIN: name, type, size, place, address, and whether it is still in use' })
export class UpdateLaoInput {
  @Field()
  @Text({ label: 'ชื่อ อปท.', max: 200, required: true })
  name: string;

  @Field(() => LaoType)
  @IsEnum(LaoType, { message: 'ประเภท อปท. ไม่ถูกต้อง' })
  type: LaoType;

  @Field(() => LaoSize)
  @IsEnum(LaoSize, { message: 'ขนาด อปท. ไม่ถูกต้อง' })
  size: LaoSize;

  @Field({ description: 'The district; the province is the district’s' })
  @Matches(/^\d{4}$/, { message: 'รหัสอำเภอต้องเป็นตัวเลข 4 หลัก' })
  districtCode: string;

  @Field(() => String, { nullable: true })
  @Text({ label: 'ที่ตั้งทำการ', max: 500, multiline: true })
  address?: string | null;

  @Field({ description: 'False retires the LAO (merged or dissolved): its data and history stay, it leaves the current tables' })
  @IsBoolean({ message: 'สถานะการใช้งานไม่ถูกต้อง' })
  active: boolean;
}
