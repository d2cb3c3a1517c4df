import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FiscalYearArg, TextArg } from '../../core/input';
import { listOf } from '../../core/limits';
import { Permission } from '../access/policy';
import { ReportRound } from '../plan/report.enums';
import { roundPublications, setRoundPublication, WITHDRAWAL_REASON_MAX } from './publication';
import { RoundPublicationStatus } from './public.types';

/** ADMIN's control of what the public pages and the open data publish (the pages themselves: public.routes.ts). */
@Resolver()
export class PublicationResolver {
  @Authorized(Permission.ADMINISTER)
  @Query(() => [RoundPublicationStatus], {
    complexity: listOf(2),
    description: 'ADMIN: both rounds of a fiscal year with their publication (published, not closed yet, withdrawn and why)',
  })
  roundPublications(@FiscalYearArg() fiscalYear: number, @Ctx() ctx: AppContext): Promise<RoundPublicationStatus[]> {
    return roundPublications(ctx, fiscalYear);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => RoundPublicationStatus, {
    description:
      'ADMIN: withdraw a round from publication (published: false; a reason required) or publish it again (published: true). Withdrawn, it is on no public page and in no open data',
  })
  setRoundPublication(
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Arg('published', { description: 'false: withdraw; true: publish again' }) published: boolean,
    @Ctx() ctx: AppContext,
    @TextArg('reason', { label: 'เหตุผล', max: WITHDRAWAL_REASON_MAX, multiline: true, nullable: true }) reason?: string | null,
  ): Promise<RoundPublicationStatus> {
    return setRoundPublication(ctx, fiscalYear, round, published, reason ?? null);
  }
}
