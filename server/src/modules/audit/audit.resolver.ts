import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { Permission } from '../access/policy';
import { listAuditLog } from './audit.service';
import { AuditFilter, AuditLogPage } from './audit.types';

@Resolver()
export class AuditResolver {
  @Authorized(Permission.READ_AUDIT)
  @Query(() => AuditLogPage, { description: 'The audit log with filters: ADMIN everything, a province officer its province' })
  auditLog(@Args() filter: AuditFilter, @Ctx() ctx: AppContext): Promise<AuditLogPage> {
    return listAuditLog(ctx, filter);
  }
}
