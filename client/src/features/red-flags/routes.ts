import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/features/red-flags/i18n';

/** ควรตรวจสอบ: a province office its own province's red flags, NACC central any province's. */
export const redFlagRoutes: RouteRecordRaw[] = [
  {
    path: 'red-flags',
    name: 'red-flags',
    component: () => import('./pages/RedFlagsPage.vue'),
    meta: { title: t.redFlags.heading, can: { permission: 'READ_REVIEWS' } },
  },
];
