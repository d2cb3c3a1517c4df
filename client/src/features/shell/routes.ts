import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';
import { HomeDashboardDocument } from '@/gql/graphql';

export const shellHomeRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    component: () => import('./pages/HomePage.vue'),
    meta: { title: t.pages.home, laoYearQuery: HomeDashboardDocument },
  },
];
