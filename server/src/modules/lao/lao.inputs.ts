import { Field, InputType } from 'type-graphql';
import { IsBoolean, IsEnum, Matches } from 'class-validator';
import { LAO_CODE as LAO_CODE_RULE } from '../../core/field-rules';
import { Format, Text } from '../../core/input';
import { LaoSize, LaoType } from './lao.enums';

/** What an LAO code is: seven digits. */
export const LAO_CODE = LAO_CODE_RULE.pattern;

/**
 * The fields a registry entry is made and changed with, each with its rule once. Decorated so that the
 * inputs extending it inherit its fields; no argument names it, so the schema does not list it.
 */
@InputType()
abstract class LaoFieldsInput {
  @Field()
  @Text({ label: 'ชื่อ อปท.', max: 200, required: true })
  name: string;

  @Field(() => LaoType)
  @IsEnum(LaoType, { message: 'ประเภท อปท. ไม่ถูกต้อง' })
  type: LaoType;

  @Field(() => LaoSize)
  @IsEnum(LaoSize, { message: 'ขนาด อปท. ไม่ถูกต้อง' })
  size: LaoSize;

  @Field({ description: '4-digit district code (อำเภอ)' })
  @Matches(/^\d{4}$/, { message: 'รหัสอำเภอต้องเป็นตัวเลข 4 หลัก' })
  districtCode: string;

  @Field(() => String, { nullable: true })
  @Text({ label: 'ที่ตั้งทำการ', max: 500, multiline: true })
  address?: string | null;
}

@InputType({ description: 'A new LAO in the registry (ADMIN). No account is made: createUser does that.' })
export class CreateLaoInput extends LaoFieldsInput {
  @Field({ description: '7-digit LAO code' })
  @Format(LAO_CODE_RULE)
  code: string;

  @Field({ description: '2-digit province code; the district must lie in it' })
  @Matches(/^\d{2}$/, { message: 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก' })
  provinceCode: string;
}

@InputType({
  description:
    'A registry entry changed by ADMIN: name, type, size, place (the province is the district’s), address, and whether it is still in use',
})
export class UpdateLaoInput extends LaoFieldsInput {
  @Field({ description: 'False retires the LAO (merged or dissolved): its data and history stay, it leaves the current tables' })
  @IsBoolean({ message: 'สถานะการใช้งานไม่ถูกต้อง' })
  active: boolean;
}
