import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { PageSizeArg } from '../../core/input';
import { API_READS } from '../access/policy';
import { listChanges } from './change-feed.service';
import { ChangeConnection } from './change-feed.types';

@Resolver()
export class ChangeFeedResolver {
  @Authorized(API_READS.changes)
  @Query(() => ChangeConnection, {
    description:
      'Changes to plans, reports, requests, decisions, rounds and the registry in the order they were committed, within the caller’s scope. Start without `after`, then pass `pageInfo.endCursor`; nothing is missed or repeated.',
  })
  changes(
    @PageSizeArg('first') first: number,
    @Ctx() ctx: AppContext,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the last page read' }) after?: string | null,
  ): Promise<ChangeConnection> {
    return listChanges(ctx, after ?? null, first);
  }
}
