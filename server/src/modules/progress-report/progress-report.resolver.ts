import { API_READS, Permission } from '../access/policy';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FiscalYearArg } from '../../core/input';
import { ProjectYear } from '../project/project-year.entity';
import { Project } from '../project/project.entity';
import { pageProgressReports, ProgressReportConnection, ProgressReportsConnectionArgs } from './progress-report.connection';
import { PlanResultNote } from './plan-result-note.entity';
import { ProgressReport } from './progress-report.entity';
import { ReportRound } from '../plan/report.enums';
import { PlanResultNoteInput, ProgressReportInput } from './progress-report.inputs';
import { getReportDraft, savePlanResultNote, saveProgressReport } from './progress-report.service';
import { ReportDraft } from './report-draft';

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  @Authorized(Permission.READ_LAO)
  @Query(() => ReportDraft, {
    description:
      "What the report form of a project's fiscal year and round starts from: the saved report, or for a twelve-month report not yet written the six-month report's ordinance figures",
  })
  reportDraft(
    @Arg('projectId', () => ID) projectId: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('round', () => ReportRound) round: ReportRound,
    @Ctx() ctx: AppContext,
  ): Promise<ReportDraft> {
    return getReportDraft(ctx, projectId, fiscalYear, round);
  }

  @Authorized(API_READS.progressReportsConnection)
  @Query(() => ProgressReportConnection, {
    description:
      'Progress reports page by page within the caller’s scope, for other systems (`first` or `last` 1–100): of a fiscal year, a round, a province, or saved since an instant',
  })
  async progressReportsConnection(
    @Args() args: ProgressReportsConnectionArgs,
    @Ctx() ctx: AppContext,
  ): Promise<InstanceType<typeof ProgressReportConnection>> {
    return new ProgressReportConnection(await pageProgressReports(ctx, args));
  }

  @FieldResolver(() => Project, { description: 'The project reported on (its LAO is `project.lao`)' })
  async project(@Root() report: ProgressReport, @Ctx() ctx: AppContext): Promise<Project> {
    return (await ctx.loaders.projectById.load(report.projectId))!;
  }

  @Authorized(Permission.EDIT_LAO)
  @Mutation(() => ProgressReport, { description: 'บันทึกรายงานผลโครงการ (ROUND_CLOSED outside the reporting window)' })
  saveProgressReport(@Arg('input') input: ProgressReportInput, @Ctx() ctx: AppContext): Promise<ProgressReport> {
    return saveProgressReport(ctx, input);
  }

  @Authorized(Permission.EDIT_LAO)
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

/** A project year's reports, one field per round (the reports of every project asked for in one query). */
@Resolver(() => ProjectYear)
export class ProjectYearReportsResolver {
  @FieldResolver(() => ProgressReport, { nullable: true, description: 'รายงานผล รอบ 6 เดือน' })
  sixMonths(@Root() year: ProjectYear, @Ctx() ctx: AppContext): Promise<ProgressReport | null> {
    return reportOf(ctx, year, ReportRound.SIX_MONTHS);
  }

  @FieldResolver(() => ProgressReport, { nullable: true, description: 'รายงานผล รอบ 12 เดือน' })
  twelveMonths(@Root() year: ProjectYear, @Ctx() ctx: AppContext): Promise<ProgressReport | null> {
    return reportOf(ctx, year, ReportRound.TWELVE_MONTHS);
  }
}

async function reportOf(ctx: AppContext, year: ProjectYear, round: ReportRound): Promise<ProgressReport | null> {
  const reports = await ctx.loaders.reportsByProject.load(year.projectId);
  return reports.find((r) => r.fiscalYear === year.fiscalYear && r.round === round) ?? null;
}
