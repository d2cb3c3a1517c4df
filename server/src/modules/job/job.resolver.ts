import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { listOf } from '../../core/limits';
import { Permission } from '../access/policy';
import { scheduledJobs } from './job.runner';
import { ScheduledJob } from './scheduled-job.entity';

@Resolver()
export class JobResolver {
  @Authorized(Permission.ADMINISTER)
  @Query(() => [ScheduledJob], {
    complexity: listOf(10),
    description: 'ADMIN: the scheduled jobs, when each runs next and how its last run went',
  })
  scheduledJobs(@Ctx() ctx: AppContext): Promise<ScheduledJob[]> {
    return scheduledJobs(ctx.em);
  }
}
