import { buildSchema } from 'type-graphql';
import { GraphQLScalarType, GraphQLSchema } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { authChecker } from './core/auth';
import { MoneyScalar } from './core/money';
import { wrapMutationsInTransactions } from './core/transaction';
import { AuthResolver } from './modules/account/auth.resolver';
import { UserResolver } from './modules/account/user.resolver';
import { GeographyResolver } from './modules/geography/geography.resolver';
import { LaoResolver } from './modules/lao/lao.resolver';
import { PlanDimensionResolver } from './modules/plan-dimension/plan-dimension.resolver';
import { BaselineRequestResolver } from './modules/baseline-request/baseline-request.resolver';
import { BaselineRequestFieldResolver, ProjectYearReviewResolver, ReviewResolver } from './modules/review/review.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { ImportResolver } from './modules/import/import.resolver';
import { SarResolver } from './modules/sar/sar.resolver';
import { PlanYearResolver } from './modules/plan-year/plan-year.resolver';
import { ProgressReportResolver } from './modules/progress-report/progress-report.resolver';
import { ProjectResolver, ProjectYearResolver } from './modules/project/project.resolver';
import { ReportingWindowResolver } from './modules/reporting-window/reporting-window.resolver';
import { ScoringResolver } from './modules/scoring/scoring.resolver';

export const resolvers = [
  AuthResolver,
  UserResolver,
  GeographyResolver,
  LaoResolver,
  PlanDimensionResolver,
  ProjectResolver,
  ProjectYearResolver,
  ProgressReportResolver,
  ReportingWindowResolver,
  PlanYearResolver,
  ScoringResolver,
  BaselineRequestResolver,
  ReviewResolver,
  BaselineRequestFieldResolver,
  ProjectYearReviewResolver,
  SarResolver,
  AuditResolver,
  ImportResolver,
] as const;

/** Instants as ISO-8601 strings in UTC, under the contract's name `DateTime`. */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  name: 'DateTime',
  description: 'An instant as an ISO-8601 string in UTC, e.g. 2024-05-02T03:00:00.000Z (show it in Asia/Bangkok)',
});

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    // Dates and other scalars reach the validator too; only decorated input classes have rules.
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  }).then((schema) => {
    // Money is part of the contract (PRODUCT.md §7) even before a field of this build uses it.
    if (schema.getType('Money')) return wrapMutationsInTransactions(schema);
    const config = schema.toConfig();
    return wrapMutationsInTransactions(new GraphQLSchema({ ...config, types: [...config.types, MoneyScalar] }));
  });
  return built;
}
