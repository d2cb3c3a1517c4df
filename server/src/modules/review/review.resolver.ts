import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FiscalYearArg, TextArg } from '../../core/input';
import { parseId } from '../../core/ids';
import { BaselineRequest } from '../baseline-request/baseline-request.entity';
import { reviewBaselineRequest } from '../baseline-request/baseline-request.service';
import { Lao } from '../lao/lao.entity';
import { ProjectYear } from '../project/project-year.entity';
import { moveProjectYear } from '../project/project-year.transitions';
import { allow, Permission, placeOfLao } from '../access/policy';
import { approveMany, reviewQueue, type ReviewKind } from './review.service';
import { ReviewItemInput, ReviewItemKind, ReviewQueue } from './review.types';

/** The reviewer's reason (to reject, or to mark non-compliant), which the LAO reads. */
const REASON = { label: 'เหตุผล', max: 2000, multiline: true, nullable: true };

@Resolver()
export class ReviewResolver {
  // NACC systems read it too (read-only, nationwide: PRODUCT.md §1, and the queue is part of the contract of §7).
  @Authorized(Permission.READ_REVIEWS)
  @Query(() => ReviewQueue, { description: 'Pending additions, reductions and baseline requests (a province officer: its province only)' })
  reviewQueue(
    @Ctx() ctx: AppContext,
    @Arg('provinceCode', () => String, { nullable: true }) provinceCode?: string | null,
    @Arg('districtCode', () => String, { nullable: true }) districtCode?: string | null,
    @Arg('kind', () => ReviewItemKind, { nullable: true }) kind?: ReviewItemKind | null,
  ): Promise<ReviewQueue> {
    return reviewQueue(ctx, { provinceCode, districtCode, kind: kind as ReviewKind | null });
  }

  @Authorized(Permission.REVIEW)
  @Mutation(() => ProjectYear, { description: 'Approve (COMPLIANT) or reject (ADD_REJECTED, reason required) an additional project' })
  reviewProjectAddition(
    @Arg('projectId', () => ID) projectId: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('approve') approve: boolean,
    @Ctx() ctx: AppContext,
    @TextArg('reason', REASON) reason?: string | null,
  ): Promise<ProjectYear> {
    return moveProjectYear(ctx, approve ? 'approveAddition' : 'rejectAddition', parseId(projectId), fiscalYear, reason);
  }

  @Authorized(Permission.REVIEW)
  @Mutation(() => ProjectYear, { description: 'Approve (REDUCED) or reject (REDUCE_REJECTED, reason required) a reduction' })
  reviewProjectReduction(
    @Arg('projectId', () => ID) projectId: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('approve') approve: boolean,
    @Ctx() ctx: AppContext,
    @TextArg('reason', REASON) reason?: string | null,
  ): Promise<ProjectYear> {
    return moveProjectYear(ctx, approve ? 'approveReduction' : 'rejectReduction', parseId(projectId), fiscalYear, reason);
  }

  @Authorized(Permission.REVIEW)
  @Mutation(() => ProjectYear, { description: 'Mark a project non-compliant (reason required) or compliant again' })
  setProjectCompliance(
    @Arg('projectId', () => ID) projectId: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('compliant') compliant: boolean,
    @Ctx() ctx: AppContext,
    @TextArg('reason', REASON) reason?: string | null,
  ): Promise<ProjectYear> {
    return moveProjectYear(ctx, compliant ? 'markCompliant' : 'markNonCompliant', parseId(projectId), fiscalYear, reason);
  }

  @Authorized(Permission.REVIEW)
  @Mutation(() => BaselineRequest, { description: 'Approve (sets the baseline) or reject (reason required) a baseline request' })
  reviewBaselineRequest(
    @Arg('id', () => ID) id: string,
    @Arg('approve') approve: boolean,
    @Ctx() ctx: AppContext,
    @TextArg('reason', REASON) reason?: string | null,
  ): Promise<BaselineRequest> {
    return reviewBaselineRequest(ctx, parseId(id), approve, reason);
  }

  @Authorized(Permission.REVIEW)
  @Mutation(() => Int, { description: 'Approve many items at once: all or none (the first refusal undoes the batch)' })
  approveMany(@Arg('items', () => [ReviewItemInput]) items: ReviewItemInput[], @Ctx() ctx: AppContext): Promise<number> {
    return approveMany(ctx, items);
  }
}

@Resolver(() => BaselineRequest)
export class BaselineRequestFieldResolver {
  @FieldResolver(() => Lao)
  async lao(@Root() request: BaselineRequest, @Ctx() ctx: AppContext): Promise<Lao> {
    return (await ctx.loaders.laoByCode.load(request.laoCode))!;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the current user may approve or reject it' })
  async canReview(@Root() request: BaselineRequest, @Ctx() ctx: AppContext): Promise<boolean> {
    return allow(ctx.user, Permission.REVIEW, placeOfLao((await ctx.loaders.laoByCode.load(request.laoCode))!));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the current user may cancel it' })
  async canCancel(@Root() request: BaselineRequest, @Ctx() ctx: AppContext): Promise<boolean> {
    return (
      allow(ctx.user, Permission.EDIT_LAO, placeOfLao((await ctx.loaders.laoByCode.load(request.laoCode))!)) &&
      ['PENDING', 'REJECTED'].includes(request.status)
    );
  }
}

@Resolver(() => ProjectYear)
export class ProjectYearReviewResolver {
  @FieldResolver(() => Boolean, { description: 'Whether the current user reviews this LAO' })
  async canReview(@Root() year: ProjectYear, @Ctx() ctx: AppContext): Promise<boolean> {
    return allow(ctx.user, Permission.REVIEW, placeOfLao((await ctx.loaders.laoByCode.load(year.laoCode))!));
  }

  @FieldResolver(() => Lao)
  async lao(@Root() year: ProjectYear, @Ctx() ctx: AppContext): Promise<Lao> {
    return (await ctx.loaders.laoByCode.load(year.laoCode))!;
  }
}
