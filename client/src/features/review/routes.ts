import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';
import type { Role } from '@/gql/graphql';

const REVIEWERS: Role[] = ['PROVINCE_OFFICER', 'ADMIN'];

/** การพิจารณา: the province office and NACC central decide LAOs' requests and mark compliance (the server checks the scope). */
export const reviewRoutes: RouteRecordRaw[] = [
  {
    path: 'review',
    name: 'review-queue',
    component: () => import('./pages/ReviewQueuePage.vue'),
    meta: { title: t.oversight.queue.heading, roles: REVIEWERS },
  },
  {
    path: 'review/compliance',
    name: 'compliance',
    component: () => import('./pages/CompliancePage.vue'),
    meta: { title: t.oversight.compliance.heading, roles: REVIEWERS },
  },
  {
    path: 'province/laos',
    name: 'province-laos',
    component: () => import('./pages/ProvinceLaosPage.vue'),
    meta: { title: t.oversight.provinceLaos.heading, roles: ['PROVINCE_OFFICER'] },
  },
];
