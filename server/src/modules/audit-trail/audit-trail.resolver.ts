import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { listOf } from '../../core/limits';
import { ROLE_TH } from '../access/role';
import { auditActionLabel } from '../audit/audit.actions';
import { AuditLog } from '../audit/audit-log.entity';
import type { Project } from '../project/project.entity';
import { RedFlagRule } from '../red-flag/red-flag.enums';
import { ruleOf } from '../red-flag/red-flag.rules';
import { auditSentence, fieldChanges, roundOfYear, type FieldChange } from './audit-trail.describe';

@ObjectType({ description: 'One field of a change, in Thai: its name, the value before and after' })
export class AuditFieldChange implements FieldChange {
  @Field({ description: 'The record’s field (English), for filters and tests' }) field: string;
  @Field({ description: 'Thai name of the field' }) label: string;
  @Field({ description: 'The value before, as users read it (baht, Thai names, Thai dates), or —' }) before: string;
  @Field({ description: 'The value after, as users read it, or —' }) after: string;
}

const projectLabel = (p: Project | null, name: unknown): string =>
  p ? `โครงการที่ ${p.seq} '${p.name}'` : typeof name === 'string' ? `โครงการ '${name}'` : 'โครงการ';

const snapshotOf = (row: AuditLog): Record<string, unknown> => {
  try {
    return { ...(JSON.parse(row.before ?? 'null') as object), ...(JSON.parse(row.after ?? 'null') as object) };
  } catch {
    return {};
  }
};

/** The audit log read in Thai: who (name and role), what was done, to which record, the fields it changed. */
@Resolver(() => AuditLog)
export class AuditTrailResolver {
  @FieldResolver(() => String, { description: 'Thai name of the action, e.g. ทำเครื่องหมายว่าไม่เป็นไปตามหลักเกณฑ์' })
  actionLabel(@Root() row: AuditLog): string {
    return auditActionLabel(row.action);
  }

  @FieldResolver(() => String, {
    description: 'Who made the change: name (role, account), e.g. นายสมชาย ใจดี (เจ้าหน้าที่ อปท. บัญชี 6800707)',
  })
  async actorLabel(@Root() row: AuditLog, @Ctx() ctx: AppContext): Promise<string> {
    if (row.actorUsername === 'system') return 'ระบบ';
    const actor = row.actorId === null ? null : await ctx.loaders.auditActorById.load(row.actorId);
    if (!actor) return row.actorUsername === '-' ? 'ผู้ที่ยังไม่ได้เข้าสู่ระบบ' : row.actorUsername;
    // The account always, for an audit; the role unless the name already is it (an office's account).
    const name = actor.displayName || actor.username;
    const role = ROLE_TH[actor.role] === name ? [] : [ROLE_TH[actor.role]];
    return `${name} (${[...role, `บัญชี ${actor.username}`].join(' ')})`;
  }

  @FieldResolver(() => String, { description: 'The record changed, in Thai, e.g. โครงการที่ 14 ‘ชื่อ’ ปี พ.ศ. 2567' })
  async targetLabel(@Root() row: AuditLog, @Ctx() ctx: AppContext): Promise<string> {
    const parts = (row.targetId ?? '').split(':');
    const snap = snapshotOf(row);
    const laoName = async (code: string | null | undefined) => {
      const lao = code ? await ctx.loaders.laoByCode.load(code) : null;
      return lao ? `${lao.name} (${lao.code})` : (code ?? '');
    };
    const project = async (id: unknown) => (Number.isInteger(Number(id)) ? ctx.loaders.projectById.load(Number(id)) : null);
    switch (row.targetType) {
      case 'Project':
        return projectLabel(await project(parts[0]), snap.name);
      case 'ProjectYear':
        return `${projectLabel(await project(parts[0]), snap.name)} ${roundOfYear(undefined, parts[1])}`;
      case 'ProgressReport': {
        const p = await project(snap.projectId);
        return `${projectLabel(p, undefined)} ${roundOfYear(snap.round as string, snap.fiscalYear as number)}`;
      }
      case 'Lao':
        return row.targetId ? laoName(row.targetId) : 'ทะเบียน อปท.';
      case 'User': {
        const user = row.targetId ? await ctx.loaders.auditActorById.load(Number(row.targetId)) : null;
        const username = user?.username ?? (typeof snap.username === 'string' ? snap.username : null);
        return username ? `บัญชี ${username}` : 'บัญชีผู้ใช้งาน';
      }
      case 'PlanYear':
      case 'SarScore':
        return `${await laoName(parts[0] || row.laoCode)} ${roundOfYear(undefined, parts[1])}`;
      case 'PlanResultNote':
      case 'ReportingReopening':
        return `${roundOfYear(parts[2], parts[1])} ของ ${await laoName(parts[0] || row.laoCode)}`;
      case 'ReportingWindow':
        return `ช่วงเวลารายงาน${roundOfYear(parts[1], parts[0])}`;
      case 'LevelThreshold':
      case 'RoundPublication':
        return roundOfYear(parts[1], parts[0]);
      case 'BaselineRequest':
        return `คำขอปรับจำนวนโครงการตั้งต้น เลขที่ ${row.targetId ?? ''} ของ ${await laoName(row.laoCode)}`;
      case 'RedFlag': {
        // rule:lao:year:round:hash
        const rule = Object.values(RedFlagRule).find((r) => r === parts[0]);
        return `${await laoName(parts[1] || row.laoCode)} ${roundOfYear(parts[3], parts[2])}${rule ? ` (“${ruleOf(rule).title}”)` : ''}`;
      }
      case 'ApiToken':
        return row.targetId ? `เลขที่ ${row.targetId}` : '';
      case 'Attachment':
        return `ไฟล์ '${String(snap.fileName ?? '')}' ของ ${await laoName(row.laoCode)} ${roundOfYear(snap.round as string | undefined, snap.fiscalYear as number)}`;
      default:
        return '';
    }
  }

  @FieldResolver(() => String, {
    description: 'The whole line in Thai: who, what, which record, and when (Buddhist era, Thai time)',
  })
  async sentence(@Root() row: AuditLog, @Ctx() ctx: AppContext): Promise<string> {
    return auditSentence(await this.actorLabel(row, ctx), this.actionLabel(row), await this.targetLabel(row, ctx), row.at);
  }

  @FieldResolver(() => [AuditFieldChange], { complexity: listOf(10), description: 'Field by field, before → after, in Thai' })
  changes(@Root() row: AuditLog): AuditFieldChange[] {
    return fieldChanges(row.before, row.after);
  }
}
