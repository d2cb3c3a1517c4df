import type { AuditAction } from './audit.actions';

/**
 * The events of the change feed and of webhooks, and the audit actions each one reports: changes to
 * plans, reports, requests, decisions, reporting rounds and the registry. Accounts, sign-ins and
 * settings stay in the audit log only.
 */
export const CHANGE_EVENTS = {
  'project.created': ['createProject'],
  'project.updated': ['updateProject'],
  'project.deleted': ['deleteProject'],
  'projectYear.reductionRequested': ['requestReduction'],
  'projectYear.reviewed': ['approveAddition', 'rejectAddition', 'approveReduction', 'rejectReduction', 'markNonCompliant', 'markCompliant'],
  'progressReport.saved': ['saveProgressReport', 'carryProgressReport'],
  'progressReport.removed': ['removeCarriedReport'],
  'planResult.saved': ['savePlanResultNote'],
  'plan.baselineSet': ['setPlanYear', 'importPlanYears'],
  'baselineRequest.submitted': ['requestBaselineChange'],
  'baselineRequest.cancelled': ['cancelBaselineRequest'],
  'baselineRequest.decided': ['approveBaselineRequest', 'rejectBaselineRequest'],
  'round.scheduled': ['setReportingWindow'],
  'round.reopened': ['reopenRound'],
  'round.closed': ['endReopening'],
  'lao.registered': ['createLao', 'importLaos'],
  'lao.updated': ['updateLao', 'updateLaoProfile', 'setAwards'],
  'scores.sarSet': ['setSarScores'],
} as const satisfies Record<string, readonly AuditAction[]>;

export type ChangeEventName = keyof typeof CHANGE_EVENTS;

export const CHANGE_EVENT_NAMES = Object.keys(CHANGE_EVENTS) as ChangeEventName[];

const EVENT_OF = new Map<string, ChangeEventName>(
  CHANGE_EVENT_NAMES.flatMap((event) => CHANGE_EVENTS[event].map((action) => [action, event] as const)),
);

/** The event an audit action reports, or null when it stays in the audit log only. */
export const changeEventOf = (action: AuditAction): ChangeEventName | null => EVENT_OF.get(action) ?? null;

export const isChangeEventName = (name: string): name is ChangeEventName => Object.hasOwn(CHANGE_EVENTS, name);
