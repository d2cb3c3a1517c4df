import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router';
import './route-meta';
import { can, loadCurrentUser, signedInUser } from './auth';
import { t } from './i18n';
import { LAO_QUERY, YEAR_QUERY } from './url-query';

/** Only same-site paths: a crafted ?redirect= must not send a user to another site. */
export function safeRedirect(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/** The signed-in shell's route is named `shell`; its pages are its children. */
export const SHELL_ROUTE = 'shell';

/**
 * The shell's page for an address that is no page, or a page the user's role may not open: it keeps the
 * address (and the fiscal year) and says which of the two it is.
 */
export const MISSING_ROUTE = 'not-found';
const inShell = (route: RouteLocationNormalized) => route.matched.some((r) => r.name === SHELL_ROUTE);

/**
 * Starts fetching the code of a page (its lazily loaded components, the shell's and the page's), so that
 * it arrives alongside other requests instead of after them; the router's own load then finds it.
 */
export function loadPageCode(route: Pick<RouteLocationNormalized, 'matched'>): Promise<unknown> {
  const loads = route.matched.flatMap((record) =>
    Object.values(record.components ?? {}).map((component) =>
      typeof component === 'function' ? (component as () => Promise<unknown>)() : component,
    ),
  );
  // A failure shows when the router loads the page itself.
  return Promise.all(loads).catch(() => undefined);
}

/**
 * The app's router. `publicRoutes` are open signed out; `shellRoutes` render inside the signed-in
 * shell and require a session (and, where a page says so, a role). `prepare(to)` loads what a page
 * needs before it renders (beside its code); it runs while the server is asked who is signed in.
 */
export function createAppRouter(
  publicRoutes: RouteRecordRaw[],
  shell: RouteRecordRaw,
  prepare?: (to: RouteLocationNormalized) => Promise<unknown>,
) {
  const router = createRouter({
    history: createWebHistory(),
    routes: [...publicRoutes, shell],
    scrollBehavior: () => ({ top: 0 }),
  });

  router.beforeEach(async (to, from) => {
    // On a slow link every round trip counts: a page's code and what it needs load while the server is asked
    // who is signed in — when the page will show: a signed-in page opened signed out (the first visit, at
    // `/`) goes to sign-in instead, and fetching that page's code would only hold the sign-in page up.
    const prepareNow = () => Promise.all([loadPageCode(to), prepare?.(to)]);
    const early = to.meta.public || signedInUser() ? prepareNow() : null;
    const user = await loadCurrentUser();
    if (user || to.meta.public) await (early ?? prepareNow());
    if (to.meta.public) {
      return to.meta.guestOnly && user ? safeRedirect(to.query.redirect) : true;
    }
    if (!user) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    }
    // The chosen fiscal year, and the LAO a reviewer is looking at, follow the user from page to page.
    const carried = inShell(from)
      ? Object.fromEntries([YEAR_QUERY, LAO_QUERY].filter((key) => from.query[key] && !to.query[key]).map((key) => [key, from.query[key]]))
      : {};
    if (to.meta.can && !can(to.meta.can.permission, to.meta.can.reach, user)) {
      // At the same address, the page that says so (the address stays, so a reload asks again).
      const pathMatch = to.path.split('/').slice(1);
      return { name: MISSING_ROUTE, params: { pathMatch }, query: { ...to.query, ...carried }, hash: to.hash };
    }
    if (Object.keys(carried).length) {
      return { path: to.path, query: { ...to.query, ...carried }, hash: to.hash, replace: true };
    }
    return true;
  });

  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} | ${t.app.name}` : `${t.app.name} ${t.app.title}`;
  });

  return router;
}
