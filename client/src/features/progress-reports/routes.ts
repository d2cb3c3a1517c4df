import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/** บันทึกรายงานผลโครงการ: the LAO's officers report on their projects (the server checks the scope and the window). */
export const progressReportRoutes: RouteRecordRaw[] = [
  {
    path: 'reports',
    name: 'progress-reports',
    component: () => import('./pages/ProgressReportsPage.vue'),
    meta: { title: t.pages.progressReports, can: { permission: 'EDIT_LAO' } },
  },
];
