import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { listOf } from '../../core/limits';
import { Permission } from '../access/policy';
import { listAuditLog } from './audit.service';
import { AUDIT_ACTIONS, filterLabelOf, type AuditAction } from './audit.actions';
import { AuditActionOption, AuditFilter, AuditLogPage } from './audit.types';

@Resolver()
export class AuditResolver {
  @Authorized(Permission.READ_AUDIT)
  @Query(() => AuditLogPage, { description: 'The audit log with filters: ADMIN everything, a province officer its province' })
  auditLog(@Args() filter: AuditFilter, @Ctx() ctx: AppContext): Promise<AuditLogPage> {
    return listAuditLog(ctx, filter);
  }

  @Authorized(Permission.READ_AUDIT)
  @Query(() => [AuditActionOption], {
    complexity: listOf(60),
    description: 'Every action of the audit log with its Thai name, for its filter',
  })
  auditActions(): AuditActionOption[] {
    return (Object.keys(AUDIT_ACTIONS) as AuditAction[]).map((code) => ({ code, label: filterLabelOf(code) }));
  }
}
