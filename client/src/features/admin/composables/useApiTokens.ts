import { computed, reactive, ref, type Ref } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { ElMessage, ElMessageBox } from 'element-plus';
import { dayjs } from '@/core/dayjs';
import { TIME_ZONE, formatDateTime } from '@/core/dates';
import { toApiError, useFormErrors } from '@/core/errors';
import { fmt } from '@/core/i18n';
import { t } from '@/features/admin/i18n';
import { ApiTokensDocument, CreateApiTokenDocument, RevokeApiTokenDocument, RotateApiTokenDocument, type ApiScope } from '@/gql/graphql';
import { trimText } from '@rules';

/** Every scope a token may be given, in the order the server lists them (the `ApiScope` enum). */
export const API_SCOPES: ApiScope[] = [
  'READ_REGISTRY',
  'READ_PLANS',
  'READ_REPORTS',
  'READ_SCORES',
  'READ_REVIEWS',
  'READ_CHANGES',
  'WRITE_WEBHOOKS',
];

/** A scope as the API documentation and the server's messages write it (`read:registry`). */
export const scopeCode = (scope: ApiScope): string => scope.toLowerCase().replace('_', ':');

/** How long a new token may last (the server takes at most two years), in days; a year is offered. */
export const LIFETIMES = [30, 90, 180, 365, 730] as const;

/** When a token made now for `days` stops working: the end of that day in Bangkok. */
export const expiryAfter = (days: number): string => dayjs().tz(TIME_ZONE).add(days, 'day').endOf('day').toISOString();

/** Addresses typed one per line (or separated by commas or spaces). */
const addressesOf = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/**
 * API tokens of a SERVICE account: list, issue with scopes, a province, an expiry and an address
 * allow-list (the secret is shown once), rotate (a new secret; the old one works 24 more hours), revoke.
 */
export function useApiTokens(username: Ref<string>) {
  const { result, loading, refetch } = useQuery(
    ApiTokensDocument,
    () => ({ username: username.value }),
    () => ({ enabled: username.value !== '', fetchPolicy: 'network-only' }),
  );
  const tokens = computed(() => result.value?.apiTokens ?? []);

  const blank = () => ({ name: '', scopes: [] as ApiScope[], provinceCode: '', lifetimeDays: 365 as number, allowedIps: '' });
  const form = reactive(blank());
  const errors = useFormErrors(['name', 'scopes', 'provinceCode', 'expiresAt', 'allowedIps'] as const);
  /** The secret just made: shown in a dialog once, then forgotten; `graceUntil` when it replaced another. */
  const secret = ref('');
  const graceUntil = ref<string | null>(null);
  const { mutate: create, loading: creating } = useMutation(CreateApiTokenDocument);
  const { mutate: rotateToken } = useMutation(RotateApiTokenDocument);
  const { mutate: revokeToken } = useMutation(RevokeApiTokenDocument);

  async function issue(): Promise<void> {
    errors.clear();
    if (!trimText(form.name)) errors.setField('name', t.common.required);
    if (!form.scopes.length) errors.setField('scopes', t.apiTokens.scopesRequired);
    if (errors.hasFieldErrors()) return;
    try {
      const res = await create({
        username: username.value,
        name: trimText(form.name),
        scopes: form.scopes,
        provinceCode: form.provinceCode || null,
        expiresAt: expiryAfter(form.lifetimeDays),
        allowedIps: addressesOf(form.allowedIps),
      });
      graceUntil.value = null;
      secret.value = res?.data?.createApiToken.secret ?? '';
      Object.assign(form, blank());
      await refetch();
    } catch (error) {
      errors.apply(error);
    }
  }

  async function rotate(id: string, name: string): Promise<void> {
    try {
      await ElMessageBox.confirm(fmt(t.apiTokens.confirmRotate, { name }), t.common.confirm, {
        confirmButtonText: t.apiTokens.rotate,
        cancelButtonText: t.common.cancel,
        type: 'warning',
      });
    } catch {
      return;
    }
    try {
      const res = await rotateToken({ id });
      await refetch();
      graceUntil.value = tokens.value.find((token) => token.id === id)?.expiresAt ?? null;
      secret.value = res?.data?.rotateApiToken.secret ?? '';
    } catch (error) {
      ElMessage.error(toApiError(error).message);
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
    graceUntil.value = null;
  }

  /** What a token's status column says: revoked, expired, replaced (until when), or in use. */
  function statusOf(token: { revokedAt: string | null; expiresAt: string | null; rotatedAt: string | null }): {
    text: string;
    live: boolean;
  } {
    if (token.revokedAt) return { text: fmt(t.apiTokens.revokedStatus, { time: formatDateTime(token.revokedAt) }), live: false };
    if (token.expiresAt && dayjs(token.expiresAt).isBefore(dayjs())) return { text: t.apiTokens.expiredStatus, live: false };
    if (token.rotatedAt) return { text: fmt(t.apiTokens.rotatedStatus, { time: formatDateTime(token.expiresAt) }), live: true };
    return { text: t.apiTokens.activeStatus, live: true };
  }

  return { tokens, loading, form, errors, creating, secret, graceUntil, issue, rotate, revoke, forgetSecret, statusOf };
}
