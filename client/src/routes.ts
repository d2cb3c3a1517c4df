import type { RouteRecordRaw } from 'vue-router';
import { SHELL_ROUTE } from '@/core/router';
import { accountPublicRoutes, accountShellRoutes } from '@/features/account/routes';
import { adminRoutes } from '@/features/admin/routes';
import { shellHomeRoutes, upcomingRoutes } from '@/features/shell/routes';
import ShellPage from '@/features/shell/pages/ShellPage.vue';

export const publicRoutes: RouteRecordRaw[] = accountPublicRoutes;

/** Every signed-in page renders inside the shell (header, menu, fiscal year). */
export const shellRoute: RouteRecordRaw = {
  path: '/',
  name: SHELL_ROUTE,
  component: ShellPage,
  redirect: { name: 'home' },
  children: [...shellHomeRoutes, ...accountShellRoutes, ...adminRoutes, ...upcomingRoutes],
};
