import type { Component } from 'vue';
import { Document, Files, House, Histogram, Setting, SwitchButton, Tickets, TrendCharts } from '@element-plus/icons-vue';
import { t } from '@/features/shell/i18n';

/** An entry of the left menu: a page (by route name) or the sign-out action. */
export interface MenuItem {
  key: string;
  title: string;
  /** Route to open; who may see it is the route's `meta.can`. */
  route?: string;
  action?: 'signOut';
}

export interface MenuGroup {
  key: string;
  title: string;
  icon: Component;
  items: MenuItem[];
}

/**
 * The menu of the old system (คู่มือ, ส่วนประกอบของระบบ), in its order. Each user sees the items whose
 * routes their role may open: an LAO its editing items, a province officer and an admin the review
 * items, an admin also the administration.
 */
export const MENU: Array<MenuItem | MenuGroup> = [
  { key: 'home', title: t.menu.home, route: 'home' },
  {
    key: 'basic',
    title: t.menu.basic,
    icon: Document,
    items: [
      { key: 'lao-profile', title: t.menu.laoProfile, route: 'lao-profile' },
      { key: 'change-password', title: t.menu.changePassword, route: 'change-password' },
      { key: 'notifications', title: t.menu.notifications, route: 'notifications' },
      { key: 'notification-settings', title: t.menu.notificationSettings, route: 'notification-settings' },
    ],
  },
  {
    key: 'projects',
    title: t.menu.projects,
    icon: Files,
    items: [
      { key: 'project-create', title: t.menu.createProject, route: 'project-create' },
      { key: 'project-list', title: t.menu.editProjects, route: 'project-list' },
      { key: 'plan-print', title: t.menu.printPlan, route: 'plan-print' },
      { key: 'progress-reports', title: t.menu.progressReports, route: 'progress-reports' },
      { key: 'baseline-requests', title: t.menu.baselineRequests, route: 'baseline-requests' },
    ],
  },
  {
    key: 'review',
    title: t.menu.review,
    icon: Tickets,
    items: [
      { key: 'review-queue', title: t.menu.reviewQueue, route: 'review-queue' },
      { key: 'follow-up', title: t.menu.followUp, route: 'follow-up' },
      { key: 'red-flags', title: t.menu.redFlags, route: 'red-flags' },
      { key: 'compliance', title: t.menu.compliance, route: 'compliance' },
      { key: 'province-laos', title: t.menu.laosOfProvince, route: 'province-laos' },
      { key: 'province-audit', title: t.oversight.menu.audit, route: 'province-audit' },
    ],
  },
  {
    key: 'results',
    title: t.menu.results,
    icon: TrendCharts,
    items: [
      { key: 'lao-overview', title: t.menu.laoOverview, route: 'lao-overview' },
      { key: 'plan-results', title: t.menu.planResults, route: 'plan-results' },
      { key: 'province-scores', title: t.menu.provinceScores, route: 'province-scores' },
    ],
  },
  {
    key: 'assessment',
    title: t.menu.assessment,
    icon: Histogram,
    items: [{ key: 'sar', title: t.menu.sar, route: 'sar' }],
  },
  {
    key: 'admin',
    title: t.menu.admin,
    icon: Setting,
    items: [
      { key: 'admin-users', title: t.menu.users, route: 'admin-users' },
      { key: 'admin-laos', title: t.menu.laoRegistry, route: 'admin-laos' },
      { key: 'admin-outbox', title: t.menu.outbox, route: 'admin-outbox' },
      { key: 'admin-webhooks', title: t.menu.webhooks, route: 'admin-webhooks' },
      { key: 'admin-reminders', title: t.menu.reminders, route: 'admin-reminders' },
      { key: 'admin-years', title: t.menu.yearSettings, route: 'admin-years' },
      { key: 'admin-memo-emblem', title: t.memoEmblem.menu, route: 'admin-memo-emblem' },
      { key: 'admin-imports', title: t.oversight.menu.imports, route: 'admin-imports' },
      { key: 'admin-plan-years', title: t.oversight.menu.planYears, route: 'admin-plan-years' },
      { key: 'admin-audit', title: t.oversight.menu.audit, route: 'admin-audit' },
    ],
  },
  {
    key: 'sign-out',
    title: t.menu.signOutGroup,
    icon: SwitchButton,
    items: [{ key: 'sign-out-now', title: t.menu.signOut, action: 'signOut' }],
  },
];

export const HOME_ICON = House;

export const isGroup = (entry: MenuItem | MenuGroup): entry is MenuGroup => 'items' in entry;
