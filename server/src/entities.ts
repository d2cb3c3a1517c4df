import { RateLimitCounter } from './core/rate-limit.entity';
import { AuthToken } from './modules/account/auth-token.entity';
import { LoginLock } from './modules/account/login-lock.entity';
import { ServerSecret } from './modules/account/server-secret.entity';
import { OutboxMail } from './core/outbox-mail.entity';
import { PasswordReset } from './modules/account/password-reset.entity';
import { User } from './modules/account/user.entity';
import { AuditLog } from './modules/audit/audit-log.entity';
import { ChangeEvent, ChangeSequence } from './modules/audit/change-event.entity';
import { Webhook, WebhookDelivery } from './modules/webhook/webhook.entity';
import { District } from './modules/geography/district.entity';
import { Province } from './modules/geography/province.entity';
import { Award } from './modules/lao/award.entity';
import { Lao } from './modules/lao/lao.entity';
import { MemoEmblem } from './modules/memo-emblem/memo-emblem.entity';
import { BaselineRequest } from './modules/baseline-request/baseline-request.entity';
import { SarScore } from './modules/sar/sar-score.entity';
import { PlanYear } from './modules/plan-year/plan-year.entity';
import { PlanResultNote } from './modules/progress-report/plan-result-note.entity';
import { ReportingReopening, ReportingWindow } from './modules/reporting-window/reporting-window.entity';
import { LevelThreshold } from './modules/scoring/level-threshold.entity';
import { LaoYearFigures } from './modules/scoring/lao-year-figures.entity';
import { PlanDimension } from './modules/plan-dimension/plan-dimension.entity';
import { ProgressReport } from './modules/progress-report/progress-report.entity';
import { ProjectYear } from './modules/project/project-year.entity';
import { Project } from './modules/project/project.entity';
import { ScheduledJob } from './modules/job/scheduled-job.entity';
import { Notification, NotificationDelivery, NotificationSetting } from './modules/notification/notification.entity';
import { ReminderSchedule, ReminderSent } from './modules/reminder/reminder.entity';
import { LineLinkCode } from './modules/notification/line.entity';
import { Attachment, AttachmentChunk } from './modules/attachment/attachment.entity';
import { RoundPublication } from './modules/public/round-publication.entity';
import { PublishedFigures, PublishedRound } from './modules/scoring/published-figures.entity';
import { RedFlagDecision } from './modules/red-flag/red-flag-decision.entity';

/** Every entity of the schema, listed once (the DataSource, tests and scripts share it). */
export const entities = [
  Province,
  District,
  Lao,
  User,
  AuthToken,
  PasswordReset,
  OutboxMail,
  AuditLog,
  ChangeEvent,
  ChangeSequence,
  Webhook,
  WebhookDelivery,
  Award,
  PlanDimension,
  Project,
  ProjectYear,
  ProgressReport,
  PlanYear,
  ReportingWindow,
  ReportingReopening,
  LevelThreshold,
  LaoYearFigures,
  PlanResultNote,
  BaselineRequest,
  SarScore,
  RateLimitCounter,
  LoginLock,
  ServerSecret,
  MemoEmblem,
  ScheduledJob,
  Notification,
  NotificationDelivery,
  NotificationSetting,
  ReminderSchedule,
  ReminderSent,
  LineLinkCode,
  Attachment,
  AttachmentChunk,
  RoundPublication,
  PublishedFigures,
  PublishedRound,
  RedFlagDecision,
];
