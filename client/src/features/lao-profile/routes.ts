import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/** ข้อมูลพื้นฐาน: an LAO's officers edit it; the province office and NACC central read it (LAO picker). */
export const laoProfileRoutes: RouteRecordRaw[] = [
  {
    path: 'lao/profile',
    name: 'lao-profile',
    component: () => import('./pages/LaoProfilePage.vue'),
    meta: { title: t.pages.laoProfile, can: { permission: 'READ_LAO' } },
  },
];
