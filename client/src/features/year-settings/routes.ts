import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/** ตั้งค่าปีงบประมาณ: ADMIN only (the server checks the role again on every call). */
export const yearSettingsRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/years',
    name: 'admin-years',
    component: () => import('./pages/YearSettingsPage.vue'),
    meta: { title: t.pages.yearSettings, can: { permission: 'ADMINISTER' } },
  },
];
