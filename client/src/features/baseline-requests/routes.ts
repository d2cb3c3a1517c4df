import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/** ขอเพิ่ม/ลดโครงการ: an LAO asks NACC for a new baseline of a fiscal year (NACC decides in the review queue). */
export const baselineRequestRoutes: RouteRecordRaw[] = [
  {
    path: 'baseline',
    name: 'baseline-requests',
    component: () => import('./pages/BaselineRequestsPage.vue'),
    meta: { title: t.pages.baselineRequests, can: { permission: 'EDIT_LAO' } },
  },
];
