import type { RouteRecordRaw } from 'vue-router';
import { SHELL_ROUTE } from '@/core/router';
import { accountPublicRoutes, accountShellRoutes } from '@/features/account/routes';
import { adminRoutes } from '@/features/admin/routes';
import { adminDataRoutes } from '@/features/admin-data/routes';
import { baselineRequestRoutes } from '@/features/baseline-requests/routes';
import { laoProfileRoutes } from '@/features/lao-profile/routes';
import { notificationRoutes } from '@/features/notifications/routes';
import { memoEmblemRoutes } from '@/features/memo-emblem/routes';
import { projectRoutes } from '@/features/projects/routes';
import { progressReportRoutes } from '@/features/progress-reports/routes';
import { provinceScoreRoutes } from '@/features/province-scores/routes';
import { followUpRoutes } from '@/features/follow-up/routes';
import { redFlagRoutes } from '@/features/red-flags/routes';
import { resultsRoutes } from '@/features/results/routes';
import { reviewRoutes } from '@/features/review/routes';
import { sarRoutes } from '@/features/sar/routes';
import { shellHomeRoutes } from '@/features/shell/routes';
import { yearSettingsRoutes } from '@/features/year-settings/routes';
import { webhookRoutes } from '@/features/webhooks/routes';

export const publicRoutes: RouteRecordRaw[] = accountPublicRoutes;

/** Every signed-in page renders inside the shell (header, menu, fiscal year). */
export const shellRoute: RouteRecordRaw = {
  path: '/',
  name: SHELL_ROUTE,
  component: () => import('@/features/shell/pages/ShellPage.vue'),
  redirect: { name: 'home' },
  children: [
    ...shellHomeRoutes,
    ...accountShellRoutes,
    ...adminRoutes,
    ...laoProfileRoutes,
    ...projectRoutes,
    ...progressReportRoutes,
    ...resultsRoutes,
    ...yearSettingsRoutes,
    ...memoEmblemRoutes,
    ...webhookRoutes,
    ...baselineRequestRoutes,
    ...reviewRoutes,
    ...provinceScoreRoutes,
    ...followUpRoutes,
    ...redFlagRoutes,
    ...sarRoutes,
    ...adminDataRoutes,
    ...notificationRoutes,
  ],
};
