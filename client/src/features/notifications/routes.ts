import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';

/**
 * การแจ้งเตือน and its settings: every official who gets notices (WRITE); the reminder schedule and the
 * scheduled jobs: ADMIN (the server checks again on every call).
 */
export const notificationRoutes: RouteRecordRaw[] = [
  {
    path: 'notifications',
    name: 'notifications',
    component: () => import('./pages/NotificationsPage.vue'),
    meta: { title: t.pages.notifications, can: { permission: 'WRITE' } },
  },
  {
    path: 'notifications/settings',
    name: 'notification-settings',
    component: () => import('./pages/NotificationSettingsPage.vue'),
    meta: { title: t.pages.notificationSettings, can: { permission: 'WRITE' } },
  },
  {
    path: 'admin/reminders',
    name: 'admin-reminders',
    component: () => import('./pages/ReminderAdminPage.vue'),
    meta: { title: t.pages.reminders, can: { permission: 'ADMINISTER' } },
  },
];
