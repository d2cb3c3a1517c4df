import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/**
 * NACC's data administration: imports and plan-year counts (ADMIN); the audit log, which a province
 * office also reads for its own province (the server limits it), under its own menu entry.
 */
export const adminDataRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/imports',
    name: 'admin-imports',
    component: () => import('./pages/ImportsPage.vue'),
    meta: { title: t.oversight.imports.heading, roles: ['ADMIN'] },
  },
  {
    path: 'admin/plan-years',
    name: 'admin-plan-years',
    component: () => import('./pages/PlanYearsPage.vue'),
    meta: { title: t.oversight.planYears.heading, roles: ['ADMIN'] },
  },
  {
    path: 'admin/audit',
    name: 'admin-audit',
    component: () => import('./pages/AuditLogPage.vue'),
    meta: { title: t.oversight.audit.heading, roles: ['ADMIN'] },
  },
  {
    path: 'review/audit',
    name: 'province-audit',
    component: () => import('./pages/AuditLogPage.vue'),
    meta: { title: t.oversight.audit.heading, roles: ['PROVINCE_OFFICER'] },
  },
];
