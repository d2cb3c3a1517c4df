import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';
import type { Role } from '@/gql/graphql';

/** Menu pages of the old system that later releases build; until then they say so (no made-up data). */
const UPCOMING: Array<{ name: string; path: string; title: string; roles: Role[] }> = [];

export const shellHomeRoutes: RouteRecordRaw[] = [
  { path: '', name: 'home', component: () => import('./pages/HomePage.vue'), meta: { title: t.menu.home } },
];

export const upcomingRoutes: RouteRecordRaw[] = UPCOMING.map((page) => ({
  path: page.path,
  name: page.name,
  component: () => import('./pages/ComingSoonPage.vue'),
  meta: { title: page.title, roles: page.roles },
}));
