import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/** การพิจารณา: the province office and NACC central decide LAOs' requests and mark compliance (the server checks the scope). */
export const reviewRoutes: RouteRecordRaw[] = [
  {
    path: 'review',
    name: 'review-queue',
    component: () => import('./pages/ReviewQueuePage.vue'),
    meta: { title: t.pages.reviewQueue, can: { permission: 'REVIEW' } },
  },
  {
    path: 'review/compliance',
    name: 'compliance',
    component: () => import('./pages/CompliancePage.vue'),
    meta: { title: t.pages.compliance, can: { permission: 'REVIEW' } },
  },
  {
    path: 'province/laos',
    name: 'province-laos',
    component: () => import('./pages/ProvinceLaosPage.vue'),
    meta: { title: t.pages.provinceLaos, can: { permission: 'REVIEW', reach: 'OWN_PROVINCE' } },
  },
];
