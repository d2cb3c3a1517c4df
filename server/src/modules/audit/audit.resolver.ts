import { Permission, provinceWithin, scopeOf } from '../access/policy';
import { Args, ArgsType, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { AppContext } from '../../core/context';
import { Text } from '../../core/input';
import { forbidden } from '../../core/errors';
import { AuditLog } from './audit-log.entity';
import { EXPECTED, listOf } from '../../core/limits';

@ArgsType()
class AuditFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{7}$/, { message: 'รหัส อปท. ต้องเป็นตัวเลข 7 หลัก' })
  laoCode?: string | null;

  @Field(() => String, { nullable: true, description: 'ADMIN only; a province officer sees its own province' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก' })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. login, updateProject' })
  @Text({ label: 'ชื่อรายการ', max: 64 })
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
class AuditLogPage {
  @Field(() => [AuditLog], { complexity: listOf(EXPECTED.page) })
  rows: AuditLog[];

  @Field(() => Int)
  total: number;
}

@Resolver()
export class AuditResolver {
  @Authorized(Permission.READ_AUDIT)
  @Query(() => AuditLogPage, { description: 'The audit log with filters: ADMIN everything, a province officer its province' })
  async auditLog(@Args() f: AuditFilter, @Ctx() ctx: AppContext): Promise<AuditLogPage> {
    const qb = ctx.em.getRepository(AuditLog).createQueryBuilder('a').orderBy('a.id', 'DESC').take(f.limit).skip(f.offset);
    const scope = scopeOf(ctx.user, Permission.READ_AUDIT)!;
    const province = provinceWithin(scope, f.provinceCode, () => forbidden('ท่านดูบันทึกได้เฉพาะจังหวัดของท่าน'));
    if (province) qb.andWhere('a.province_code = :p', { p: province });
    if (f.laoCode) qb.andWhere('a.lao_code = :l', { l: f.laoCode });
    if (f.action) qb.andWhere('a.action = :action', { action: f.action });
    if (f.actorUsername) qb.andWhere('a.actor_username = :u', { u: f.actorUsername });
    if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.at < :to', { to: f.to });
    const [rows, total] = await qb.getManyAndCount();
    return { rows, total };
  }
}
