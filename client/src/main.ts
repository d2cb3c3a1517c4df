import './core/fonts/sarabun.css';
import 'element-plus/theme-chalk/base.css';
import './core/styles.css';

import { createApp } from 'vue';
import type { RouteLocationNormalized } from 'vue-router';
import App from './App.vue';
import { can, signedInUser, type CurrentUser } from './core/auth';
import { ownLaoOf } from './core/current-lao';
import { loadFiscalYearOptions } from './core/fiscal-year';
import { prepareLaoYearRequest } from './core/lao-year-request';
import { createAppRouter, loadPageCode } from './core/router';
import { parseYear, YEAR_QUERY } from './core/url-query';
import { publicRoutes, shellRoute } from './routes';

const app = createApp(App);

// Element Plus's Thai and the "session ended" handling load with the first signed-in page; the GraphQL client with
// the first page that uses it: the sign-in page needs neither, an LAO officer's home page only the former.
let appParts: Promise<void> | null = null;
const loadAppParts = () => (appParts ??= import('./core/app-parts').then(({ installAppParts }) => installAppParts(app, router)));
let client: Promise<unknown> | null = null;
const loadClient = () => (client ??= import('./core/apollo').then(({ installApollo }) => installApollo(app)));
/**
 * What a page needs loaded before it shows, besides its code, for this user. A page shown without the client
 * does not wait for it, but starts loading it at once, beside its own code and first questions: the pages after it
 * need it (after sign-in, the home page's code has mostly arrived while the officer typed).
 */
function partsFor(to: Pick<RouteLocationNormalized, 'meta'>, user: CurrentUser | null): Promise<unknown> {
  if (!to.meta.withoutClient || !ownLaoOf(user)) return Promise.all([loadAppParts(), loadClient()]);
  void loadClient().catch(() => undefined);
  return loadAppParts();
}

// Every signed-in page shows the fiscal year, which the server decides: known from the session check (the
// same request), or else asked for beside the page's code rather than after it; so is the first page's first
// question about the officer's LAO in that year (the home page's figures, once for each sign-in), once the year is known.
let firstPageOf: CurrentUser | null = null;
function prepare(to: RouteLocationNormalized): Promise<unknown> {
  if (to.meta.sessionOnly) return Promise.resolve();
  const user = signedInUser();
  if (to.meta.public || !user) return partsFor(to, null);
  const years = loadFiscalYearOptions();
  const laoCode = ownLaoOf(user);
  const query = to.meta.laoYearQuery;
  let first: Promise<unknown> | null = null;
  if (user !== firstPageOf) {
    firstPageOf = user;
    first = years.then((options) => {
      const fiscalYear = parseYear(to.query[YEAR_QUERY]) ?? options?.current;
      return query && laoCode && fiscalYear ? prepareLaoYearRequest(query, { laoCode, fiscalYear }) : null;
    });
  }
  return Promise.all([partsFor(to, user), years, first]);
}

const router = createAppRouter(publicRoutes, shellRoute, prepare);

// The next page of an officer's usual path loads while this one shows (sign-in → home → progress reports): its
// code, and the GraphQL client if it needs it, are fetched as soon as this page's have arrived, when the link
// is free, rather than once the officer moves on.
const NEXT_PAGE: Record<string, string> = { login: 'home', home: 'progress-reports' };
router.afterEach((to) => {
  const next = NEXT_PAGE[String(to.name)];
  if (!next) return;
  const route = router.resolve({ name: next });
  const user = signedInUser();
  if (route.meta.can && user && !can(route.meta.can.permission, route.meta.can.reach, user)) return;
  // From the sign-in page, the next page's parts are fetched as for an LAO officer (who goes without the client there).
  const parts = !user && route.meta.withoutClient ? loadAppParts() : partsFor(route, user);
  void Promise.all([parts, loadPageCode(route)]).catch(() => undefined);
});

app.use(router);
void router.isReady().then(() => app.mount('#app'));
