import { ArgsType, Field, InputType } from 'type-graphql';
import { IsEnum, IsOptional, Length, Matches } from 'class-validator';
import { EMAIL, LAO_CODE, PASSWORD, USERNAME } from '../../core/field-rules';
import { Format, Text } from '../../core/input';
import { ApiScope } from '../access/api-scope';
import { Role } from '../access/role';

export const PASSWORD_RULE_TH = PASSWORD.message;
/** At least 8 characters with a letter (Latin or Thai) and a digit. */
export const PASSWORD_PATTERN = PASSWORD.pattern;

@InputType()
export class CreateUserInput {
  @Field({ description: "Sign-in name; an LAO's first officer uses the LAO's 7-digit code" })
  @Format(USERNAME)
  username: string;

  @Field(() => String, { nullable: true, description: 'Required except for SERVICE accounts, which use API tokens' })
  @IsOptional()
  @Format(PASSWORD)
  password?: string | null;

  @Field(() => Role)
  @IsEnum(Role, { message: 'บทบาทผู้ใช้งานไม่ถูกต้อง' })
  role: Role;

  @Field(() => String, { nullable: true, description: 'Required for LAO_OFFICER' })
  @IsOptional()
  @Format(LAO_CODE)
  laoCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for PROVINCE_OFFICER' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก' })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'อีเมล', max: 254 })
  @IsOptional()
  @Format(EMAIL)
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
  @Format(EMAIL)
  email?: string | null;

  @Field()
  @Format(PASSWORD)
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
  @Format(EMAIL)
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
  @Format(PASSWORD)
  newPassword: string;
}

@ArgsType()
export class ApiTokenArgs {
  @Field({ description: 'The SERVICE account' })
  username: string;

  @Field({ description: 'What the token is for, e.g. the calling system' })
  @Text({ label: 'ชื่อระบบงานที่ใช้ token นี้', max: 200, required: true })
  name: string;

  @Field(() => [ApiScope], {
    nullable: true,
    description: 'What the token may reach; omitted: every scope (as tokens made before scopes existed)',
  })
  scopes?: ApiScope[] | null;

  @Field(() => String, { nullable: true, description: "Restrict the token to one province's LAOs (2-digit province code)" })
  provinceCode?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the token stops working: at most 2 years ahead; omitted: one year' })
  expiresAt?: Date | null;

  @Field(() => [String], {
    nullable: true,
    description: 'IPv4/IPv6 addresses and CIDR ranges the token may be used from; omitted or empty: anywhere',
  })
  allowedIps?: string[] | null;
}
