import './core/fonts/sarabun.css';
import 'element-plus/theme-chalk/base.css';
import './core/styles.css';

import { createApp } from 'vue';
import type { RouteLocationNormalized } from 'vue-router';
import { ElMessage } from 'element-plus';
import type { ApolloClient } from '@apollo/client/core';
import App from './App.vue';
import { forgetCurrentUser, onSessionExpired, signedInUser, type CurrentUser } from './core/auth';
import { ownLaoOf } from './core/current-lao';
import { sendOperation } from './core/graphql-request';
import { FiscalYearOptionsDocument } from '@/gql/graphql';
import { t } from './core/i18n';
import { createAppRouter, loadPageCode } from './core/router';
import { parseYear, YEAR_QUERY } from './core/url-query';
import { publicRoutes, shellRoute } from './routes';

const app = createApp(App);

// The GraphQL client loads with the first page that needs it: the sign-in page does not.
let apollo: Promise<ApolloClient> | null = null;
const loadApollo = () =>
  (apollo ??= import('./core/apollo').then(({ installApollo, apolloClient }) => {
    installApollo(app);
    return apolloClient;
  }));

// Every signed-in page shows the fiscal year, which the server decides: asked for (once for each sign-in)
// beside the page's code rather than after it, and handed to the client's cache; so is the page's first
// question about the officer's LAO in that year (the home page's figures), once the year is known.
let yearsAskedFor: CurrentUser | null = null;
function prepare(to: RouteLocationNormalized): Promise<unknown> {
  if (to.meta.sessionOnly) return Promise.resolve();
  const user = signedInUser();
  if (to.meta.public || !user || user === yearsAskedFor) return loadApollo();
  yearsAskedFor = user;
  const years = sendOperation(FiscalYearOptionsDocument).catch(() => null);
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

// A session that ended elsewhere (signed out, password changed, account disabled): back to sign-in.
let expiring = false;
onSessionExpired(() => {
  if (expiring || router.currentRoute.value.meta.public) return;
  expiring = true;
  void forgetCurrentUser()
    .then(() => {
      ElMessage.warning(t.errors.sessionExpired);
      return router.replace({ name: 'login', query: { redirect: router.currentRoute.value.fullPath } });
    })
    .finally(() => {
      expiring = false;
    });
});

// While an officer types the password, the GraphQL client and the home page's code arrive.
router.afterEach((to) => {
  if (to.name !== 'login') return;
  const prefetch = () => void Promise.all([loadApollo(), loadPageCode(router.resolve({ name: 'home' }))]).catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(prefetch, { timeout: 1000 });
  else setTimeout(prefetch, 200);
});

app.use(router);
void router.isReady().then(() => app.mount('#app'));
