import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Text } from '../../core/input';
import { EXPECTED, listOf } from '../../core/limits';
import { AUDIT_ACTIONS } from './audit.actions';
import { AuditLog } from './audit-log.entity';

@ArgsType()
export class AuditFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{7}$/, { message: 'รหัส อปท. ต้องเป็นตัวเลข 7 หลัก' })
  laoCode?: string | null;

  @Field(() => String, { nullable: true, description: 'ADMIN only; a province officer sees its own province' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก' })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true, description: 'An action code of Query.auditActions, e.g. login, updateProject' })
  @Text({ label: 'รายการ', max: 64 })
  @IsOptional()
  @IsIn(Object.keys(AUDIT_ACTIONS), { message: 'ไม่มีรายการนี้ในบันทึก กรุณาเลือกจากรายการ' })
  action?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ label: 'ชื่อผู้ใช้งาน', max: 64 })
  actorUsername?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  to?: Date | null;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt({ message: 'จำนวนรายการไม่ถูกต้อง' })
  @Min(1, { message: 'จำนวนรายการต้องอยู่ระหว่าง 1–200' })
  @Max(200, { message: 'จำนวนรายการต้องอยู่ระหว่าง 1–200' })
  limit: number;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt({ message: 'ตำแหน่งเริ่มต้นไม่ถูกต้อง' })
  @Min(0, { message: 'ตำแหน่งเริ่มต้นไม่ถูกต้อง' })
  offset: number;
}

@ObjectType({ description: 'A page of the audit log, newest first' })
export class AuditLogPage {
  @Field(() => [AuditLog], { complexity: listOf(EXPECTED.page) })
  rows: AuditLog[];

  @Field(() => Int)
  total: number;
}

@ObjectType({ description: 'An action the audit log records, with its Thai name' })
export class AuditActionOption {
  @Field({ description: 'The code the filter takes' }) code: string;
  @Field({ description: 'Thai name' }) label: string;
}
