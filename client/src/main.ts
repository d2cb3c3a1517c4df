import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/700.css';
import 'element-plus/dist/index.css';
import './core/styles.css';

import { createApp } from 'vue';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { ElMessage } from 'element-plus';
import App from './App.vue';
import { apolloClient, onSessionExpired } from './core/apollo';
import { forgetCurrentUser } from './core/auth';
import { t } from './core/i18n';
import { createAppRouter } from './core/router';
import { publicRoutes, shellRoute } from './routes';

const router = createAppRouter(publicRoutes, shellRoute);

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

const app = createApp(App);
app.provide(DefaultApolloClient, apolloClient);
app.use(router);
void router.isReady().then(() => app.mount('#app'));
