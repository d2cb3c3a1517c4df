import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/** NACC central administration: ADMIN only (the server checks the role again on every call). */
export const adminRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/users',
    name: 'admin-users',
    component: () => import('./pages/UsersPage.vue'),
    meta: { title: t.pages.users, can: { permission: 'ADMINISTER' } },
  },
  {
    path: 'admin/laos',
    name: 'admin-laos',
    component: () => import('./pages/LaoRegistryPage.vue'),
    meta: { title: t.pages.laoRegistry, can: { permission: 'ADMINISTER' } },
  },
  {
    path: 'admin/outbox',
    name: 'admin-outbox',
    component: () => import('./pages/OutboxPage.vue'),
    meta: { title: t.pages.outbox, can: { permission: 'ADMINISTER' } },
  },
];
