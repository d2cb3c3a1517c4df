import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/** สรุปผลการดำเนินงาน: an LAO's reports for a year and round (reviewers pick the LAO; the server checks the scope). */
export const resultsRoutes: RouteRecordRaw[] = [
  {
    path: 'results/overview',
    name: 'lao-overview',
    component: () => import('./pages/LaoOverviewPage.vue'),
    meta: { title: t.pages.laoOverview, can: { permission: 'READ_LAO' } },
  },
  {
    path: 'results/plan',
    name: 'plan-results',
    component: () => import('./pages/PlanResultsPage.vue'),
    meta: { title: t.pages.planResults, can: { permission: 'READ_LAO' } },
  },
];
