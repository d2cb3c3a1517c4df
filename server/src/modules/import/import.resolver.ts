import { Permission } from '../access/policy';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { importLaos, importPlanYears, importUsers } from './import.service';
import { ImportRowResult, LaoImportRow, PlanYearImportRow, UserImportRow } from './import.types';
import { EXPECTED, listOf } from '../../core/limits';

/** ADMIN imports, one chunk of rows per call (see POST /import/<kind> for reading the file). */
@Resolver()
export class ImportResolver {
  @Authorized(Permission.ADMINISTER)
  @Mutation(() => [ImportRowResult], {
    complexity: listOf(EXPECTED.page),
    description: 'The LAO registry: create or update LAOs by code (≤ 200 rows a call)',
  })
  importLaos(@Arg('rows', () => [LaoImportRow]) rows: LaoImportRow[], @Ctx() ctx: AppContext): Promise<ImportRowResult[]> {
    return importLaos(ctx, rows);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => [ImportRowResult], {
    complexity: listOf(EXPECTED.page),
    description: 'Accounts: create new accounts (≤ 200 rows a call)',
  })
  importUsers(@Arg('rows', () => [UserImportRow]) rows: UserImportRow[], @Ctx() ctx: AppContext): Promise<ImportRowResult[]> {
    return importUsers(ctx, rows);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => [ImportRowResult], {
    complexity: listOf(EXPECTED.page),
    description: 'Baseline and minimum counts per LAO and fiscal year (≤ 200 rows a call)',
  })
  importPlanYears(@Arg('rows', () => [PlanYearImportRow]) rows: PlanYearImportRow[], @Ctx() ctx: AppContext): Promise<ImportRowResult[]> {
    return importPlanYears(ctx, rows);
  }
}
