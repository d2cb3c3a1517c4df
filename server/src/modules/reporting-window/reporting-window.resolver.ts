import { Permission } from '../access/policy';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FiscalYearArg } from '../../core/input';
import { ReportRound } from '../plan/report.enums';
import { ReportingReopening, ReportingWindow } from './reporting-window.entity';
import { endReopening, openReopenings, reopenRound, setReportingWindow } from './reporting-window.service';
import { EXPECTED, listOf } from '../../core/limits';

@Resolver()
export class ReportingWindowResolver {
  @Authorized()
  @Query(() => [ReportingWindow], {
    complexity: listOf(2),
    description: 'The reporting windows NACC set for a fiscal year (a round without one is open)',
  })
  reportingWindows(@FiscalYearArg() fiscalYear: number, @Ctx() ctx: AppContext): Promise<ReportingWindow[]> {
    return ctx.em.getRepository(ReportingWindow).find({ where: { fiscalYear }, order: { round: 'ASC' } });
  }

  @Authorized(Permission.ADMINISTER)
  @Query(() => [ReportingReopening], {
    complexity: listOf(EXPECTED.page),
    description: 'ADMIN: rounds reopened for single LAOs in a fiscal year, latest first',
  })
  reportingReopenings(@FiscalYearArg() fiscalYear: number, @Ctx() ctx: AppContext): Promise<ReportingReopening[]> {
    return ctx.em.getRepository(ReportingReopening).find({ where: { fiscalYear }, order: { openUntil: 'DESC' } });
  }

  @Authorized(Permission.ADMINISTER)
  @Query(() => [ReportingReopening], {
    complexity: listOf(EXPECTED.page),
    description: 'ADMIN: the rounds reopened for one LAO that are still open, latest fiscal year first',
  })
  openReopenings(@Arg('laoCode') laoCode: string, @Ctx() ctx: AppContext): Promise<ReportingReopening[]> {
    return openReopenings(ctx, laoCode);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => ReportingWindow, { description: 'ADMIN: when a round opens and closes (null = no limit)' })
  setReportingWindow(
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Ctx() ctx: AppContext,
    @Arg('opensAt', () => Date, { nullable: true }) opensAt?: Date | null,
    @Arg('closesAt', () => Date, { nullable: true }) closesAt?: Date | null,
  ): Promise<ReportingWindow> {
    return setReportingWindow(ctx, fiscalYear, round, opensAt ?? null, closesAt ?? null);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => ReportingReopening, { description: 'ADMIN: reopen a round for one LAO until a time' })
  reopenRound(
    @Arg('laoCode') laoCode: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Arg('until', () => Date) until: Date,
    @Ctx() ctx: AppContext,
  ): Promise<ReportingReopening> {
    return reopenRound(ctx, laoCode, fiscalYear, round, until);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => Boolean, { description: 'ADMIN: end a reopening before its time; false when there was none' })
  endReopening(
    @Arg('laoCode') laoCode: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Ctx() ctx: AppContext,
  ): Promise<boolean> {
    return endReopening(ctx, laoCode, fiscalYear, round);
  }
}
