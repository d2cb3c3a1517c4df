import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FiscalYearArg, TextArg, type TextRule } from '../../core/input';
import { EXPECTED, listOf } from '../../core/limits';
import { Permission } from '../access/policy';
import { ReportRound } from '../plan/report.enums';
import { RedFlagAction } from './red-flag.enums';
import { decideRedFlag, redFlags } from './red-flag.service';
import { RedFlag } from './red-flag.types';

/** The officer's note on a decision: required, one thousand characters at most. */
const NOTE: TextRule = { label: 'บันทึกผลการพิจารณา', max: 1000, required: true, multiline: true };

@Resolver(() => RedFlag)
export class RedFlagResolver {
  @Authorized(Permission.READ_REVIEWS)
  @Query(() => [RedFlag], {
    complexity: listOf(EXPECTED.laosOfProvince),
    description:
      'ควรตรวจสอบ: the red flags of a province’s round by the rules (confirmed warnings, all done at six months, last-minute reports, score jumps, identical plans or notes), each with its evidence and decisions; by district and LAO. Never changes a score',
  })
  redFlags(
    @Arg('provinceCode') provinceCode: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Ctx() ctx: AppContext,
  ): Promise<RedFlag[]> {
    return redFlags(ctx, provinceCode, fiscalYear, round);
  }

  @Authorized(Permission.REVIEW)
  @Mutation(() => RedFlag, {
    description:
      'ไม่มีประเด็น: dismisses a red flag with a note (REVIEW over its LAO’s province). It stays listed as dismissed; once dismissed, nothing more (CONFLICT)',
  })
  dismissRedFlag(@Arg('id', () => ID) id: string, @TextArg('note', NOTE) note: string, @Ctx() ctx: AppContext): Promise<RedFlag> {
    return decideRedFlag(ctx, id, RedFlagAction.DISMISS, note);
  }

  @Authorized(Permission.REVIEW)
  @Mutation(() => RedFlag, {
    description: 'ติดตามตรวจสอบ: marks a red flag as followed up, with a note (once; it may be dismissed afterwards)',
  })
  followUpRedFlag(@Arg('id', () => ID) id: string, @TextArg('note', NOTE) note: string, @Ctx() ctx: AppContext): Promise<RedFlag> {
    return decideRedFlag(ctx, id, RedFlagAction.FOLLOW_UP, note);
  }
}
