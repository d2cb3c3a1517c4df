import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FREE } from '../../core/limits';
import { spendQueryCost } from '../../core/rate-limit';
import { RateLimit } from './rate-limit.type';

@Resolver(() => RateLimit)
export class RateLimitResolver {
  /** Any signed-in account or token may ask (free in API_SCOPES, access/policy.ts); asking spends nothing. */
  @Authorized()
  @Query(() => RateLimit, {
    complexity: FREE,
    description: 'What is left of the caller’s query-cost budget (also in the RateLimit-* headers of every answer); costs nothing',
  })
  async rateLimit(@Ctx() ctx: AppContext): Promise<RateLimit> {
    // Charged before any resolver runs (core/cost-plugin.ts); read here only for an operation that was not.
    const { requested, budget } = ctx.queryCost ?? { requested: 0, budget: await spendQueryCost(ctx, 0) };
    return { limit: budget.limit, remaining: budget.remaining, resetAt: budget.resetAt, used: budget.used, cost: requested };
  }
}
