import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FiscalYearArg } from '../../core/input';
import { listOf } from '../../core/limits';
import { Permission } from '../access/policy';
import { ReportRound } from '../plan/report.enums';
import { remindLao } from './remind-lao.command';
import { reminderSchedules, updateReminderSchedule } from './reminder-schedule.service';
import { ReminderScheduleRow, RemindLaoResult } from './reminder.types';

@Resolver()
export class ReminderResolver {
  @Authorized(Permission.READ_REVIEWS)
  @Mutation(() => RemindLaoResult, {
    description: 'Province office / NACC central: remind an LAO’s officers now to report a round (once a day per LAO and round)',
  })
  remindLao(
    @Arg('laoCode') laoCode: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Ctx() ctx: AppContext,
  ): Promise<RemindLaoResult> {
    return remindLao(ctx, laoCode, fiscalYear, round);
  }

  @Authorized(Permission.ADMINISTER)
  @Query(() => [ReminderScheduleRow], {
    complexity: listOf(2),
    description: 'ADMIN: the days before each round’s close on which LAOs are reminded',
  })
  reminderSchedule(@Ctx() ctx: AppContext): Promise<ReminderScheduleRow[]> {
    return reminderSchedules(ctx);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => ReminderScheduleRow, {
    description: 'ADMIN: set the days before a round’s close on which LAOs with waiting projects are reminded (0–60, at most 6; [] = none)',
  })
  updateReminderSchedule(
    @Arg('round', () => ReportRound) round: ReportRound,
    @Arg('days', () => [Int]) days: number[],
    @Ctx() ctx: AppContext,
  ): Promise<ReminderScheduleRow> {
    return updateReminderSchedule(ctx, round, days);
  }
}
