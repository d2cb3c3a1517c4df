import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FiscalYearArg } from '../../core/input';
import { Role } from '../account/role';
import { PlanResultNote } from './plan-result-note.entity';
import { ProgressReport } from './progress-report.entity';
import { ReportRound } from './progress-report.enums';
import { PlanResultNoteInput, ProgressReportInput } from './progress-report.inputs';
import { savePlanResultNote, saveProgressReport } from './progress-report.service';

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  @Authorized(Role.LAO_OFFICER)
  @Mutation(() => ProgressReport, { description: 'บันทึกรายงานผลโครงการ (ROUND_CLOSED outside the reporting window)' })
  saveProgressReport(@Arg('input') input: ProgressReportInput, @Ctx() ctx: AppContext): Promise<ProgressReport> {
    return saveProgressReport(ctx, input);
  }

  @Authorized(Role.LAO_OFFICER)
  @Mutation(() => PlanResultNote, {
    description: 'ปัญหา อุปสรรค ข้อเสนอแนะ และผู้รายงาน of a round (ROUND_CLOSED outside the reporting window)',
  })
  savePlanResultNote(
    @Arg('laoCode') laoCode: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Arg('input') input: PlanResultNoteInput,
    @Ctx() ctx: AppContext,
  ): Promise<PlanResultNote> {
    return savePlanResultNote(ctx, laoCode, fiscalYear, round, input);
  }
}
