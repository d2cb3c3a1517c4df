import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router';
import { ElMessage } from 'element-plus';
import './route-meta';
import { can, loadCurrentUser } from './auth';
import { LAO_QUERY } from './current-lao';
import { YEAR_QUERY } from './fiscal-year';
import { t } from './i18n';

/** Only same-site paths: a crafted ?redirect= must not send a user to another site. */
export function safeRedirect(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/** The signed-in shell's route is named `shell`; its pages are its children. */
export const SHELL_ROUTE = 'shell';
const inShell = (route: RouteLocationNormalized) => route.matched.some((r) => r.name === SHELL_ROUTE);

/**
 * The app's router. `publicRoutes` are open signed out; `shellRoutes` render inside the signed-in
 * shell and require a session (and, where a page says so, a role).
 */
export function createAppRouter(publicRoutes: RouteRecordRaw[], shell: RouteRecordRaw) {
  const router = createRouter({
    history: createWebHistory(),
    routes: [...publicRoutes, shell, { path: '/:pathMatch(.*)*', redirect: '/' }],
    scrollBehavior: () => ({ top: 0 }),
  });

  router.beforeEach(async (to, from) => {
    const user = await loadCurrentUser();
    if (to.meta.public) {
      return to.meta.guestOnly && user ? safeRedirect(to.query.redirect) : true;
    }
    if (!user) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    }
    if (to.meta.can && !can(to.meta.can.permission, to.meta.can.reach, user)) {
      ElMessage.error(t.errors.forbiddenPage);
      return from.name ? false : { name: 'home' };
    }
    // The chosen fiscal year, and the LAO a reviewer is looking at, follow the user from page to page.
    const carried = Object.fromEntries(
      [YEAR_QUERY, LAO_QUERY].filter((key) => from.query[key] && !to.query[key]).map((key) => [key, from.query[key]]),
    );
    if (Object.keys(carried).length && inShell(from)) {
      return { path: to.path, query: { ...to.query, ...carried }, hash: to.hash, replace: true };
    }
    return true;
  });

  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} | ${t.app.name}` : `${t.app.name} ${t.app.title}`;
  });

  return router;
}
