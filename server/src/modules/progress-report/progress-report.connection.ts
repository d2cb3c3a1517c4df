import { ArgsType, Field, Int } from 'type-graphql';
import { IsOptional, Matches } from 'class-validator';
import type { AppContext } from '../../core/context';
import { connectionOf, PageArgs, pageBy, type Keyset, type Page } from '../../core/connection';
import { FiscalYear } from '../../core/input';
import { API_READS } from '../access/policy';
import { scopeToReadableLaos } from '../lao/lao.service';
import { ReportRound } from '../plan/report.enums';
import { ProgressReport } from './progress-report.entity';

export const ProgressReportConnection = connectionOf(
  ProgressReport,
  'ProgressReport',
  'A page of progress reports, in id order — or, with updatedSince, in the order they were saved (progressReportsConnection)',
);

@ArgsType()
export class ProgressReportsConnectionArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Reports of this fiscal year (BE)' })
  @FiscalYear()
  fiscalYear?: number | null;

  @Field(() => ReportRound, { nullable: true })
  round?: ReportRound | null;

  @Field(() => String, { nullable: true, description: 'Two-digit province code; a province officer’s own province is implied' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก' })
  provinceCode?: string | null;

  @Field(() => Date, { nullable: true, description: 'Reports saved at or after this instant, oldest save first' })
  updatedSince?: Date | null;
}

/** Reports by id: unique and never reused. */
const BY_ID: Keyset<ProgressReport> = { name: 'report', parts: [{ column: 'r.id', kind: 'id' }], keyOf: (r) => [r.id] };
/** Reports by when they were last saved, then id: a report saved again while a caller pages comes again at the end. */
const BY_SAVE: Keyset<ProgressReport> = {
  name: 'report-saved',
  parts: [
    { column: 'r.reported_at', kind: 'instant' },
    { column: 'r.id', kind: 'id' },
  ],
  keyOf: (r) => [r.reportedAt, r.id],
};

/** A page of the progress reports the caller may read, of a fiscal year, a round, a province, or saved since an instant. */
export async function pageProgressReports(ctx: AppContext, args: ProgressReportsConnectionArgs): Promise<Page<ProgressReport>> {
  const qb = ctx.em.getRepository(ProgressReport).createQueryBuilder('r');
  await scopeToReadableLaos(ctx, qb, 'r.lao_code', API_READS.progressReportsConnection, { provinceCode: args.provinceCode });
  if (args.fiscalYear !== null && args.fiscalYear !== undefined)
    qb.andWhere('r.fiscal_year = :fiscalYear', { fiscalYear: args.fiscalYear });
  if (args.round) qb.andWhere('r.round = :round', { round: args.round });
  if (args.updatedSince) qb.andWhere('r.reported_at >= :updatedSince', { updatedSince: args.updatedSince });
  return pageBy(qb, args.updatedSince ? BY_SAVE : BY_ID, args);
}
