import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FiscalYearArg, TextArg } from '../../core/input';
import { parseId } from '../../core/ids';
import { Lao } from '../lao/lao.entity';
import { COUNTED_STATUSES } from '../plan/project.enums';
import { ProjectYear } from './project-year.entity';
import { Project } from './project.entity';
import { ProjectInput } from './project.inputs';
import { allow, API_READS, Permission, placeOfLao } from '../access/policy';
import { pageProjects, ProjectConnection, ProjectsConnectionArgs } from './project.connection';
import { moveProjectYear } from './project-year.transitions';
import * as projects from './project.service';
import { EXPECTED, listOf } from '../../core/limits';

@Resolver(() => Project)
export class ProjectResolver {
  @Authorized()
  @Query(() => [Project], {
    complexity: listOf(EXPECTED.projectsOfLao),
    description: 'Projects of an LAO in their order; fiscalYear null = all years',
  })
  projects(
    @Arg('laoCode') laoCode: string,
    @Ctx() ctx: AppContext,
    @FiscalYearArg({ nullable: true }) fiscalYear?: number | null,
  ): Promise<Project[]> {
    return projects.listProjects(ctx, laoCode, fiscalYear);
  }

  @Authorized(API_READS.projectsConnection)
  @Query(() => ProjectConnection, {
    description:
      'Projects page by page within the caller’s scope, for other systems (`first` or `last` 1–100): of an LAO, a fiscal year’s plans, or changed since an instant',
  })
  async projectsConnection(@Args() args: ProjectsConnectionArgs, @Ctx() ctx: AppContext): Promise<InstanceType<typeof ProjectConnection>> {
    return new ProjectConnection(await pageProjects(ctx, args));
  }

  @Authorized()
  @Query(() => Project, { nullable: true })
  project(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Project> {
    return projects.getReadableProject(ctx, parseId(id));
  }

  @Authorized(Permission.EDIT_LAO)
  @Mutation(() => Project, { description: 'สร้างโครงการ. An ADDITIONAL project waits for NACC approval (ADD_PENDING).' })
  createProject(@Arg('laoCode') laoCode: string, @Arg('input') input: ProjectInput, @Ctx() ctx: AppContext): Promise<Project> {
    return projects.createProject(ctx, laoCode, input);
  }

  @Authorized(Permission.EDIT_LAO)
  @Mutation(() => Project, { description: 'แก้ไขโครงการ. A stale version → CONFLICT, nothing saved.' })
  updateProject(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: ProjectInput,
    @Ctx() ctx: AppContext,
  ): Promise<Project> {
    return projects.updateProject(ctx, parseId(id), version, input);
  }

  @Authorized(Permission.EDIT_LAO)
  @Mutation(() => Boolean, { description: 'Delete a project; refused (CONFLICT) once it has progress reports' })
  deleteProject(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return projects.deleteProject(ctx, parseId(id));
  }

  @Authorized(Permission.EDIT_LAO)
  @Mutation(() => ProjectYear, { description: 'ขอปรับลดจากแผนฯ: ask to drop the project from one fiscal year (REDUCE_PENDING)' })
  requestProjectReduction(
    @Arg('projectId', () => ID) projectId: string,
    @FiscalYearArg() fiscalYear: number,
    @Ctx() ctx: AppContext,
    @TextArg('note', { label: 'เหตุผลที่ขอปรับลด', max: 2000, multiline: true, nullable: true }) note?: string | null,
  ): Promise<ProjectYear> {
    return moveProjectYear(ctx, 'requestReduction', parseId(projectId), fiscalYear, note);
  }

  @FieldResolver(() => Lao)
  async lao(@Root() project: Project, @Ctx() ctx: AppContext): Promise<Lao> {
    return (await ctx.loaders.laoByCode.load(project.laoCode))!;
  }

  @FieldResolver(() => Date, { description: 'When the project itself was last changed (not its standing or reports)' })
  updatedAt(@Root() project: Project): Date {
    return project.updatedAt;
  }

  @FieldResolver(() => [Int], { description: 'Fiscal years (BE) the project runs in' })
  async fiscalYears(@Root() project: Project, @Ctx() ctx: AppContext): Promise<number[]> {
    return (await ctx.loaders.yearsByProject.load(project.id)).map((y) => y.fiscalYear);
  }

  @FieldResolver(() => [ProjectYear], {
    complexity: listOf(EXPECTED.yearsOfProject),
    description: 'Standing and reports in each fiscal year',
  })
  years(@Root() project: Project, @Ctx() ctx: AppContext): Promise<ProjectYear[]> {
    return ctx.loaders.yearsByProject.load(project.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the current user may edit it' })
  async canEdit(@Root() project: Project, @Ctx() ctx: AppContext): Promise<boolean> {
    const lao = (await ctx.loaders.laoByCode.load(project.laoCode))!;
    return allow(ctx.user, Permission.EDIT_LAO, placeOfLao(lao));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the current user may delete it (no reports yet)' })
  async canDelete(@Root() project: Project, @Ctx() ctx: AppContext): Promise<boolean> {
    const lao = (await ctx.loaders.laoByCode.load(project.laoCode))!;
    const reports = await ctx.loaders.reportsByProject.load(project.id);
    // A project that has any progress report stays: its history is part of the LAO's results.
    return allow(ctx.user, Permission.EDIT_LAO, placeOfLao(lao)) && reports.length === 0;
  }
}

@Resolver(() => ProjectYear)
export class ProjectYearResolver {
  @FieldResolver(() => Boolean, {
    description: 'Whether the project counts in the year’s plan (its standing is one of PRODUCT.md §5’s counted ones): reported on, scored',
  })
  counted(@Root() year: ProjectYear): boolean {
    return COUNTED_STATUSES.includes(year.planStatus);
  }

  @FieldResolver(() => Project)
  async project(@Root() year: ProjectYear, @Ctx() ctx: AppContext): Promise<Project> {
    return (await ctx.loaders.projectById.load(year.projectId))!;
  }
}
