import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/700.css';
import 'element-plus/theme-chalk/base.css';
import './core/styles.css';

import { createApp } from 'vue';
import { ElMessage } from 'element-plus';
import App from './App.vue';
import { forgetCurrentUser, onSessionExpired } from './core/auth';
import { t } from './core/i18n';
import { createAppRouter, loadPageCode } from './core/router';
import { publicRoutes, shellRoute } from './routes';

const app = createApp(App);

// The GraphQL client loads with the first page that needs it: the sign-in page does not.
let apollo: Promise<void> | null = null;
const loadApollo = () => (apollo ??= import('./core/apollo').then(({ installApollo }) => installApollo(app)));

const router = createAppRouter(publicRoutes, shellRoute, (to) => (to.meta.sessionOnly ? Promise.resolve() : loadApollo()));

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
