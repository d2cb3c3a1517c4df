import type { RouteRecordRaw } from 'vue-router';
import { t } from '@/core/i18n';
// The first page most visits open: part of the app's first script, fetched with it (not after it).
import LoginPage from './pages/LoginPage.vue';

/** Pages anyone may open, signed out. */
export const accountPublicRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: LoginPage,
    meta: { public: true, guestOnly: true, sessionOnly: true, title: t.pages.login },
  },
  {
    path: '/username-lookup',
    name: 'username-lookup',
    component: () => import('./pages/UsernameLookupPage.vue'),
    meta: { public: true, title: t.pages.usernameLookup },
  },
  {
    path: '/forgot-password',
    name: 'forgot-password',
    component: () => import('./pages/ForgotPasswordPage.vue'),
    meta: { public: true, title: t.pages.forgotPassword },
  },
  {
    path: '/reset-password',
    name: 'reset-password',
    component: () => import('./pages/ResetPasswordPage.vue'),
    meta: { public: true, title: t.pages.resetPassword },
  },
];

/** Account pages inside the signed-in shell. */
export const accountShellRoutes: RouteRecordRaw[] = [
  {
    path: 'account/password',
    name: 'change-password',
    component: () => import('./pages/ChangePasswordPage.vue'),
    meta: { title: t.pages.changePassword },
  },
];
