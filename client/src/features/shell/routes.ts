import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';
import { MISSING_ROUTE } from '@/core/router';
import { HomeDashboardDocument } from '@/gql/graphql';

export const shellHomeRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    component: () => import('./pages/HomePage.vue'),
    meta: { title: t.pages.home, withoutClient: true, laoYearQuery: HomeDashboardDocument },
  },
  // An address that is no page, or a page the user may not open (the router sends those here): a Thai page
  // with a way back, in the shell, keeping the fiscal year.
  {
    path: ':pathMatch(.*)*',
    name: MISSING_ROUTE,
    component: () => import('./pages/MissingPage.vue'),
    meta: { title: t.pages.notFound },
  },
];
