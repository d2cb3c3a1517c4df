import './core/fonts/sarabun.css';
import 'element-plus/theme-chalk/base.css';
import './core/styles.css';

import { createApp } from 'vue';
import type { RouteLocationNormalized } from 'vue-router';
import type { ApolloClient } from '@apollo/client/core';
import App from './App.vue';
import { can, signedInUser, takeYearsOfSession, type CurrentUser } from './core/auth';
import { ownLaoOf } from './core/current-lao';
import { sendOperation } from './core/graphql-request';
import { FiscalYearOptionsDocument } from '@/gql/graphql';
import { createAppRouter, loadPageCode } from './core/router';
import { parseYear, YEAR_QUERY } from './core/url-query';
import { publicRoutes, shellRoute } from './routes';

const app = createApp(App);

// The GraphQL client (with Element Plus's Thai) loads with the first page that needs it: the sign-in page does not.
let apollo: Promise<ApolloClient> | null = null;
const loadApollo = () => (apollo ??= import('./core/app-parts').then(({ installAppParts }) => installAppParts(app, router)));

// Every signed-in page shows the fiscal year, which the server decides: known from the session check (the
// same request), or else asked for (once for each sign-in) beside the page's code rather than after it, and
// handed to the client's cache; so is the page's first question about the officer's LAO in that year (the
// home page's figures), once the year is known.
let yearsAskedFor: CurrentUser | null = null;
function prepare(to: RouteLocationNormalized): Promise<unknown> {
  if (to.meta.sessionOnly) return Promise.resolve();
  const user = signedInUser();
  if (to.meta.public || !user || user === yearsAskedFor) return loadApollo();
  yearsAskedFor = user;
  const known = takeYearsOfSession();
  const years = known ? Promise.resolve(known) : sendOperation(FiscalYearOptionsDocument).catch(() => null);
  const laoCode = ownLaoOf(user);
  const query = to.meta.laoYearQuery;
  const first = years.then((data) => {
    const fiscalYear = parseYear(to.query[YEAR_QUERY]) ?? data?.fiscalYearOptions.current;
    if (!query || !laoCode || !fiscalYear) return null;
    const variables = { laoCode, fiscalYear };
    // A failure is left to the page, which asks again and shows its error.
    return sendOperation(query, variables).then(
      (answer) => ({ query, variables, answer }),
      () => null,
    );
  });
  return Promise.all([loadApollo(), years, first]).then(([client, data, page]) => {
    if (data) client.writeQuery({ query: FiscalYearOptionsDocument, data });
    if (page) client.writeQuery({ query: page.query, variables: page.variables, data: page.answer });
  });
}

const router = createAppRouter(publicRoutes, shellRoute, prepare);

// The next page of an officer's usual path loads while this one shows (sign-in → home → progress reports): its
// code is fetched as soon as this page's has arrived, when the link is free, rather than once the officer moves on.
const NEXT_PAGE: Record<string, string> = { login: 'home', home: 'progress-reports' };
router.afterEach((to) => {
  const next = NEXT_PAGE[String(to.name)];
  if (!next) return;
  const route = router.resolve({ name: next });
  const user = signedInUser();
  if (route.meta.can && user && !can(route.meta.can.permission, route.meta.can.reach, user)) return;
  void Promise.all([loadApollo(), loadPageCode(route)]).catch(() => undefined);
});

app.use(router);
void router.isReady().then(() => app.mount('#app'));
