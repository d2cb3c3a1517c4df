import { buildSchema } from 'type-graphql';
import { GraphQLSchema } from 'graphql';
import { authChecker } from './modules/account/authentication';
import { DateTimeScalar } from './core/date-time';
import { validateArgument } from './core/input';
import { MoneyScalar } from './core/money';
import { wrapMutationsInTransactions } from './core/transaction';
import { AuthResolver } from './modules/account/auth.resolver';
import { UserResolver } from './modules/account/user.resolver';
import { RoleOptionsResolver } from './modules/access/role-options';
import { DistrictLabelResolver, GeographyResolver, ProvinceLabelResolver } from './modules/geography/geography.resolver';
import { LaoResolver } from './modules/lao/lao.resolver';
import { MemoEmblemResolver } from './modules/memo-emblem/memo-emblem.resolver';
import { PlanDimensionResolver } from './modules/plan-dimension/plan-dimension.resolver';
import { BaselineRequestResolver } from './modules/baseline-request/baseline-request.resolver';
import { BaselineRequestFieldResolver, ProjectYearReviewResolver, ReviewResolver } from './modules/review/review.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { AuditTrailResolver } from './modules/audit-trail/audit-trail.resolver';
import { ImportResolver } from './modules/import/import.resolver';
import { SarResolver } from './modules/sar/sar.resolver';
import { PlanYearResolver } from './modules/plan-year/plan-year.resolver';
import { ProgressReportResolver, ProjectYearReportsResolver } from './modules/progress-report/progress-report.resolver';
import { ProjectResolver, ProjectYearResolver } from './modules/project/project.resolver';
import { ReportingWindowResolver } from './modules/reporting-window/reporting-window.resolver';
import { ScoringResolver } from './modules/scoring/scoring.resolver';
import { asSubgraph } from './federation';
import { ActionPlanResolver } from './modules/export/action-plan.resolver';
import { ChangeFeedResolver } from './modules/change-feed/change-feed.resolver';
import { WebhookResolver } from './modules/webhook/webhook.resolver';
import { RateLimitResolver } from './modules/rate-limit/rate-limit.resolver';
import { FollowUpResolver } from './modules/follow-up/follow-up.resolver';
import { NotificationResolver } from './modules/notification/notification.resolver';
import { LineResolver } from './modules/notification/line.resolver';
import { JobResolver } from './modules/job/job.resolver';
import { ReminderResolver } from './modules/reminder/reminder.resolver';
import { RedFlagResolver } from './modules/red-flag/red-flag.resolver';
import { PublicationResolver } from './modules/public/public.resolver';
import { AttachmentResolver } from './modules/attachment/attachment.resolver';

export const resolvers = [
  AuthResolver,
  ChangeFeedResolver,
  FollowUpResolver,
  RedFlagResolver,
  NotificationResolver,
  LineResolver,
  JobResolver,
  ReminderResolver,
  WebhookResolver,
  UserResolver,
  RoleOptionsResolver,
  GeographyResolver,
  ProvinceLabelResolver,
  DistrictLabelResolver,
  LaoResolver,
  MemoEmblemResolver,
  PlanDimensionResolver,
  ProjectResolver,
  ProjectYearResolver,
  ActionPlanResolver,
  ProgressReportResolver,
  ProjectYearReportsResolver,
  ReportingWindowResolver,
  PublicationResolver,
  PlanYearResolver,
  ScoringResolver,
  BaselineRequestResolver,
  ReviewResolver,
  BaselineRequestFieldResolver,
  ProjectYearReviewResolver,
  SarResolver,
  AuditResolver,
  AuditTrailResolver,
  ImportResolver,
  RateLimitResolver,
  AttachmentResolver,
] as const;

const built = new Map<boolean, Promise<GraphQLSchema>>();

/** The executable schema, built once per process (as an Apollo Federation 2 subgraph with `federation`). */
export function getSchema({ federation = false }: { federation?: boolean } = {}): Promise<GraphQLSchema> {
  let schema = built.get(federation);
  if (!schema) {
    schema = buildSchema({
      resolvers,
      authChecker,
      // Every argument passes the input rules at the edge (text, fiscal years, counts, class-validator's).
      validateFn: validateArgument,
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    }).then((typed) => {
      // Money is part of the contract (PRODUCT.md §7) even before a field of this build uses it.
      const config = typed.toConfig();
      const withMoney = typed.getType('Money') ? typed : new GraphQLSchema({ ...config, types: [...config.types, MoneyScalar] });
      return wrapMutationsInTransactions(federation ? asSubgraph(withMoney) : withMoney);
    });
    built.set(federation, schema);
  }
  return schema;
}
