import type { App } from 'vue';
import type { Router } from 'vue-router';
import { ElMessage } from 'element-plus';
import { provideGlobalConfig } from 'element-plus/es/components/config-provider/index.mjs';
import { forgetCurrentUser, onSessionExpired } from './auth';
import { t } from './i18n';
import { elementPlusThai } from './i18n/element-plus';

/**
 * What every signed-in page needs, loaded with the first such page (the sign-in page, the first an officer
 * loads on a slow link, goes without it): Element Plus in Thai, and the way back to sign-in when a session ends
 * elsewhere. The GraphQL client (core/apollo.ts) loads on its own, with the first page that uses it.
 */
export function installAppParts(app: App, router: Router): void {
  // For the whole app, as the config provider would give it: its components' words, and its messages' and dialogs'.
  provideGlobalConfig({ locale: elementPlusThai }, app, true);

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
}
