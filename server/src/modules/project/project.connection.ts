import { ArgsType, Field, Int } from 'type-graphql';
import { IsOptional, Matches } from 'class-validator';
import type { AppContext } from '../../core/context';
import { connectionOf, PageArgs, pageBy, type Keyset, type Page } from '../../core/connection';
import { FiscalYear } from '../../core/input';
import { API_READS } from '../access/policy';
import { scopeToReadableLaos } from '../lao/lao.service';
import { ProjectYear } from './project-year.entity';
import { Project } from './project.entity';

export const ProjectConnection = connectionOf(
  Project,
  'Project',
  'A page of projects, in id order — or, with updatedSince, in the order they were last changed (projectsConnection)',
);

@ArgsType()
export class ProjectsConnectionArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Seven-digit LAO code; an LAO officer’s own LAO is implied' })
  @IsOptional()
  @Matches(/^\d{7}$/, { message: 'รหัส อปท. ต้องเป็นตัวเลข 7 หลัก' })
  laoCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Projects in this fiscal year’s plan (BE)' })
  @FiscalYear()
  fiscalYear?: number | null;

  @Field(() => Date, { nullable: true, description: 'Projects changed at or after this instant, oldest change first' })
  updatedSince?: Date | null;
}

/** Projects by id: unique and never reused. */
const BY_ID: Keyset<Project> = { name: 'project', parts: [{ column: 'p.id', kind: 'id' }], keyOf: (p) => [p.id] };
/** Projects by their last change, then id: a project changed while a caller pages comes again at the end. */
const BY_CHANGE: Keyset<Project> = {
  name: 'project-changed',
  parts: [
    { column: 'p.updated_at', kind: 'instant' },
    { column: 'p.id', kind: 'id' },
  ],
  keyOf: (p) => [p.updatedAt, p.id],
};

/** A page of the projects the caller may read, of an LAO, a fiscal year's plans, or those changed since an instant. */
export async function pageProjects(ctx: AppContext, args: ProjectsConnectionArgs): Promise<Page<Project>> {
  const qb = ctx.em.getRepository(Project).createQueryBuilder('p');
  await scopeToReadableLaos(ctx, qb, 'p.lao_code', API_READS.projectsConnection, { laoCode: args.laoCode });
  if (args.fiscalYear !== null && args.fiscalYear !== undefined) {
    qb.innerJoin(ProjectYear, 'y', 'y.project_id = p.id AND y.fiscal_year = :fiscalYear', { fiscalYear: args.fiscalYear });
  }
  if (args.updatedSince) qb.andWhere('p.updated_at >= :updatedSince', { updatedSince: args.updatedSince });
  return pageBy(qb, args.updatedSince ? BY_CHANGE : BY_ID, args);
}
