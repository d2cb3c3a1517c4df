import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/features/follow-up/i18n';

/** ติดตามการรายงานผล: a province office its own province, NACC central any province and the whole country. */
export const followUpRoutes: RouteRecordRaw[] = [
  {
    path: 'follow-up',
    name: 'follow-up',
    component: () => import('./pages/FollowUpPage.vue'),
    meta: { title: t.followUp.heading, can: { permission: 'READ_REVIEWS' } },
  },
];
