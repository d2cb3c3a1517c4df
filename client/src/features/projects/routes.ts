import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/**
 * จัดการโครงการ: an LAO creates and edits its projects and prints its plan; the province office and
 * NACC central read them (LAO picker). What each may change comes from the server (`canEdit`, `canDelete`).
 */
export const projectRoutes: RouteRecordRaw[] = [
  {
    path: 'projects/new',
    name: 'project-create',
    component: () => import('./pages/ProjectCreatePage.vue'),
    meta: { title: t.pages.createProject, can: { permission: 'EDIT_LAO' } },
  },
  {
    path: 'projects',
    name: 'project-list',
    component: () => import('./pages/ProjectListPage.vue'),
    meta: { title: t.pages.projects, can: { permission: 'READ_LAO' } },
  },
  {
    path: 'projects/:id(\\d+)/edit',
    name: 'project-edit',
    component: () => import('./pages/ProjectEditPage.vue'),
    // The page titles itself once it knows whether the user may edit the project.
    meta: { title: t.pages.project, can: { permission: 'READ_LAO' } },
  },
  {
    path: 'projects/print',
    name: 'plan-print',
    component: () => import('./pages/PlanPrintPage.vue'),
    meta: { title: t.pages.planPrint, can: { permission: 'READ_LAO' } },
  },
];
