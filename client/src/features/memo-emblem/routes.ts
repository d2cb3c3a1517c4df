import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/** ตราครุฑในบันทึกข้อความ: ADMIN only (the server checks the role again on every call). */
export const memoEmblemRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/memo-emblem',
    name: 'admin-memo-emblem',
    component: () => import('./pages/MemoEmblemPage.vue'),
    meta: { title: t.pages.memoEmblem, can: { permission: 'ADMINISTER' } },
  },
];
