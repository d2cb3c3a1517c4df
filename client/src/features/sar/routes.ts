import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';
import type { Role } from '@/gql/graphql';

const PEOPLE: Role[] = ['LAO_OFFICER', 'PROVINCE_OFFICER', 'ADMIN'];

/** คะแนน SAR: the LAO reads its own; the province office and ADMIN enter them (the server checks the scope). */
export const sarRoutes: RouteRecordRaw[] = [
  {
    path: 'sar',
    name: 'sar',
    component: () => import('./pages/SarPage.vue'),
    meta: { title: t.oversight.sar.heading, roles: PEOPLE },
  },
];
