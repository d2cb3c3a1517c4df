import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/** The webhook delivery log: ADMIN (the server checks again on every call). */
export const webhookRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/webhooks',
    name: 'admin-webhooks',
    component: () => import('./pages/WebhooksPage.vue'),
    meta: { title: t.pages.webhooks, can: { permission: 'ADMINISTER' } },
  },
];
