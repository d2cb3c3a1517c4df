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
    meta: { title: t.pages.imports, can: { permission: 'ADMINISTER' } },
  },
  {
    path: 'admin/plan-years',
    name: 'admin-plan-years',
    component: () => import('./pages/PlanYearsPage.vue'),
    meta: { title: t.pages.planYears, can: { permission: 'ADMINISTER' } },
  },
  {
    path: 'admin/audit',
    name: 'admin-audit',
    component: () => import('./pages/AuditLogPage.vue'),
    meta: { title: t.pages.auditLog, can: { permission: 'READ_AUDIT', reach: 'NATION' } },
  },
  {
    path: 'review/audit',
    name: 'province-audit',
    component: () => import('./pages/AuditLogPage.vue'),
    meta: { title: t.pages.auditLog, can: { permission: 'READ_AUDIT', reach: 'OWN_PROVINCE' } },
  },
];
