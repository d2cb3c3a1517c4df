import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/** คะแนน SAR: the LAO reads its own; the province office and ADMIN enter them (the server checks the scope). */
export const sarRoutes: RouteRecordRaw[] = [
  {
    path: 'sar',
    name: 'sar',
    component: () => import('./pages/SarPage.vue'),
    meta: { title: t.pages.sar, can: { permission: 'READ_LAO' } },
  },
];
