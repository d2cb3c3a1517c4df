import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';
import type { Role } from '@/gql/graphql';

const LAO: Role[] = ['LAO_OFFICER'];
const REVIEWERS: Role[] = ['PROVINCE_OFFICER', 'ADMIN'];
const PEOPLE: Role[] = ['LAO_OFFICER', 'PROVINCE_OFFICER', 'ADMIN'];

/** Menu pages of the old system that later releases build; until then they say so (no made-up data). */
const UPCOMING: Array<{ name: string; path: string; title: string; roles: Role[] }> = [
  { name: 'baseline-requests', path: 'baseline', title: t.menu.baselineRequests, roles: LAO },
  { name: 'review-queue', path: 'review', title: t.menu.reviewQueue, roles: REVIEWERS },
  { name: 'compliance', path: 'review/compliance', title: t.menu.compliance, roles: REVIEWERS },
  { name: 'province-laos', path: 'province/laos', title: t.menu.laosOfProvince, roles: ['PROVINCE_OFFICER'] },
  { name: 'province-scores', path: 'results/province', title: t.menu.provinceScores, roles: PEOPLE },
  { name: 'sar', path: 'sar', title: t.menu.sar, roles: PEOPLE },
];

export const shellHomeRoutes: RouteRecordRaw[] = [
  { path: '', name: 'home', component: () => import('./pages/HomePage.vue'), meta: { title: t.menu.home } },
];

export const upcomingRoutes: RouteRecordRaw[] = UPCOMING.map((page) => ({
  path: page.path,
  name: page.name,
  component: () => import('./pages/ComingSoonPage.vue'),
  meta: { title: page.title, roles: page.roles },
}));
