import { Field, InputType } from 'type-graphql';
import { IsEnum, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { LaoSize, LaoType } from './lao.enums';

@InputType({ description: 'A new LAO in the registry (ADMIN). No account is made: createUser does that.' })
export class CreateLaoInput {
  @Field({ description: '7-digit LAO code' })
  @Matches(/^\d{7}$/, { message: 'รหัส อปท. ต้องเป็นตัวเลข 7 หลัก' })
  code: string;

  @Field()
  @Length(1, 200, { message: 'กรุณากรอกชื่อ อปท. (ไม่เกิน 200 ตัวอักษร)' })
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

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(500, { message: 'ที่ตั้งทำการต้องไม่เกิน 500 ตัวอักษร' })
  address?: string;
}
