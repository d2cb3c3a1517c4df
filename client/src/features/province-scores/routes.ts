import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/**
 * ผลการนำแผนฯ ไปปฏิบัติระดับจังหวัด: the province office and the LAO officers of a province its table (an
 * LAO sees where it stands among its neighbours, PRODUCT §1), NACC central any province and the whole country.
 */
export const provinceScoreRoutes: RouteRecordRaw[] = [
  {
    path: 'results/province',
    name: 'province-scores',
    component: () => import('./pages/ProvinceScoresPage.vue'),
    meta: { title: t.pages.provinceScores, can: { permission: 'READ_PROVINCE_SCORES' } },
  },
];
