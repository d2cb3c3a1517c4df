import { computed, reactive, ref, type Ref } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { ElMessage, ElMessageBox } from 'element-plus';
import { toApiError, useFormErrors } from '@/core/errors';
import { fmt } from '@/core/i18n';
import { t } from '@/features/admin/i18n';
import { ApiTokensDocument, CreateApiTokenDocument, RevokeApiTokenDocument } from '@/gql/graphql';
import { trimText } from '@rules';

/** API tokens of a SERVICE account: list, issue (the secret is shown once), revoke. */
export function useApiTokens(username: Ref<string>) {
  const { result, loading, refetch } = useQuery(
    ApiTokensDocument,
    () => ({ username: username.value }),
    () => ({ enabled: username.value !== '', fetchPolicy: 'network-only' }),
  );
  const tokens = computed(() => result.value?.apiTokens ?? []);

  const form = reactive({ name: '' });
  const errors = useFormErrors(['name'] as const);
  /** The new token's secret: shown in a dialog once, then forgotten. */
  const secret = ref('');
  const { mutate: create, loading: creating } = useMutation(CreateApiTokenDocument);
  const { mutate: revokeToken } = useMutation(RevokeApiTokenDocument);

  async function issue(): Promise<void> {
    errors.clear();
    if (!trimText(form.name)) {
      errors.setField('name', t.common.required);
      return;
    }
    try {
      const res = await create({ username: username.value, name: trimText(form.name) });
      secret.value = res?.data?.createApiToken.secret ?? '';
      form.name = '';
      await refetch();
    } catch (error) {
      errors.apply(error);
    }
  }

  async function revoke(id: string, name: string): Promise<void> {
    try {
      await ElMessageBox.confirm(fmt(t.apiTokens.confirmRevoke, { name }), t.common.confirm, {
        confirmButtonText: t.apiTokens.revoke,
        cancelButtonText: t.common.cancel,
        type: 'warning',
      });
    } catch {
      return;
    }
    try {
      await revokeToken({ id });
      ElMessage.success(t.apiTokens.revokedDone);
    } catch (error) {
      ElMessage.error(toApiError(error).message);
    }
  }

  function forgetSecret(): void {
    secret.value = '';
  }

  return { tokens, loading, form, errors, creating, secret, issue, revoke, forgetSecret };
}
