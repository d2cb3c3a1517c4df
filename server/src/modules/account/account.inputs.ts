import { ArgsType, Field, InputType } from 'type-graphql';
import { IsEmail, IsEnum, IsOptional, Length, Matches } from 'class-validator';
import { Text } from '../../core/input';
import { Role } from '../access/role';

export const PASSWORD_RULE_TH = 'รหัสผ่านต้องมี 8–128 ตัวอักษร และมีทั้งตัวอักษรและตัวเลข';
/** At least 8 characters with a letter (Latin or Thai) and a digit. */
export const PASSWORD_PATTERN = /^(?=.*[A-Za-z\u0E00-\u0E7F])(?=.*\d).{8,128}$/s;

@InputType()
export class CreateUserInput {
  @Field({ description: "Sign-in name; an LAO's first officer uses the LAO's 7-digit code" })
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'ชื่อผู้ใช้งานต้องมี 3–64 ตัว ใช้ได้เฉพาะ a–z, 0–9, จุด ขีด และขีดล่าง' })
  username: string;

  @Field(() => String, { nullable: true, description: 'Required except for SERVICE accounts, which use API tokens' })
  @IsOptional()
  @Matches(PASSWORD_PATTERN, { message: PASSWORD_RULE_TH })
  password?: string | null;

  @Field(() => Role)
  @IsEnum(Role, { message: 'บทบาทผู้ใช้งานไม่ถูกต้อง' })
  role: Role;

  @Field(() => String, { nullable: true, description: 'Required for LAO_OFFICER' })
  @IsOptional()
  @Matches(/^\d{7}$/, { message: 'รหัส อปท. ต้องเป็นตัวเลข 7 หลัก' })
  laoCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for PROVINCE_OFFICER' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก' })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'อีเมล', max: 254 })
  @IsOptional()
  @IsEmail({}, { message: 'รูปแบบอีเมลไม่ถูกต้อง' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the officer holding the account' })
  @Text({ label: 'ชื่อ-สกุล ผู้ใช้งาน', max: 200 })
  displayName?: string | null;
}

@InputType({ description: 'Hand an account to a new officer (staff transfer): new holder, new e-mail, new password' })
export class ReassignUserInput {
  @Field()
  @Text({ label: 'ชื่อผู้รับผิดชอบคนใหม่', max: 200, required: true })
  displayName: string;

  @Field(() => String, { nullable: true })
  @Text({ label: 'อีเมล', max: 254 })
  @IsOptional()
  @IsEmail({}, { message: 'รูปแบบอีเมลไม่ถูกต้อง' })
  email?: string | null;

  @Field()
  @Matches(PASSWORD_PATTERN, { message: PASSWORD_RULE_TH })
  newPassword: string;
}

@ArgsType()
export class LoginArgs {
  @Field()
  @Length(1, 64, { message: 'กรุณากรอกชื่อผู้ใช้งาน' })
  username: string;

  @Field()
  @Length(1, 128, { message: 'กรุณากรอกรหัสผ่าน' })
  password: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @Length(1, 128, { message: 'กรุณากรอกรหัสผ่านเดิม' })
  currentPassword: string;

  @Field()
  @Length(1, 128, { message: PASSWORD_RULE_TH })
  newPassword: string;
}

@ArgsType()
export class PasswordResetRequestArgs {
  @Field()
  @Length(1, 64, { message: 'กรุณากรอกชื่อผู้ใช้งาน' })
  username: string;

  @Field()
  @Text({ label: 'อีเมล', max: 254, required: true })
  @IsEmail({}, { message: 'รูปแบบอีเมลไม่ถูกต้อง' })
  email: string;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field()
  @Length(1, 200, { message: 'ลิงก์ตั้งรหัสผ่านใหม่ไม่ถูกต้อง' })
  token: string;

  @Field()
  @Length(1, 128, { message: PASSWORD_RULE_TH })
  newPassword: string;
}

@ArgsType()
export class UsernameLookupArgs {
  @Field()
  @Matches(/^\d{2}$/, { message: 'กรุณาเลือกจังหวัด' })
  provinceCode: string;

  @Field()
  @Matches(/^\d{4}$/, { message: 'กรุณาเลือกอำเภอ' })
  districtCode: string;
}

@ArgsType()
export class UsersFilter {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role, { message: 'บทบาทผู้ใช้งานไม่ถูกต้อง' })
  role?: Role;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก' })
  provinceCode?: string;

  @Field(() => String, { nullable: true, description: 'Part of a username or officer name' })
  @Text({ label: 'คำค้น', max: 64 })
  search?: string | null;
}

@ArgsType()
export class UserPasswordArgs {
  @Field()
  username: string;

  @Field()
  @Matches(PASSWORD_PATTERN, { message: PASSWORD_RULE_TH })
  newPassword: string;
}

@ArgsType()
export class ApiTokenArgs {
  @Field({ description: 'The SERVICE account' })
  username: string;

  @Field({ description: 'What the token is for, e.g. the calling system' })
  @Text({ label: 'ชื่อระบบงานที่ใช้ token นี้', max: 200, required: true })
  name: string;
}
