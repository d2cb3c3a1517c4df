import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/**
 * ผลการนำแผนฯ ไปปฏิบัติระดับจังหวัด: the province office its province, NACC central any province and the
 * whole country. An LAO officer reads its own LAO only (PRODUCT §1), so the page is not offered to it.
 */
export const provinceScoreRoutes: RouteRecordRaw[] = [
  {
    path: 'results/province',
    name: 'province-scores',
    component: () => import('./pages/ProvinceScoresPage.vue'),
    meta: { title: t.oversight.scores.heading, roles: ['PROVINCE_OFFICER', 'ADMIN'] },
  },
];
