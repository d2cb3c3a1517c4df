import { computed, ref } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { errorMessageOf } from '@/core/errors';
import { RedeliverWebhookDocument, WebhookDeliveriesDocument, WebhooksDocument } from '@/gql/graphql';

/** The webhooks of every calling system, and the delivery log of the one picked, with replay. */
export function useWebhooks() {
  const hooks = useQuery(WebhooksDocument, {}, { fetchPolicy: 'network-only' });
  const pickedId = ref<string | null>(null);
  const log = useQuery(
    WebhookDeliveriesDocument,
    () => ({ webhookId: pickedId.value ?? '0', first: 100 }),
    () => ({ enabled: pickedId.value !== null, fetchPolicy: 'network-only' }),
  );
  const { mutate, error: replayError } = useMutation(RedeliverWebhookDocument);
  return {
    webhooks: computed(() => hooks.result.value?.webhooks ?? []),
    loading: hooks.loading,
    pickedId,
    picked: computed(() => hooks.result.value?.webhooks.find((w) => w.id === pickedId.value) ?? null),
    deliveries: computed(() => (pickedId.value ? (log.result.value?.webhookDeliveries ?? []) : [])),
    logLoading: log.loading,
    errorMessage: errorMessageOf(computed(() => hooks.error.value ?? log.error.value ?? replayError.value)),
    refresh: () => Promise.all([hooks.refetch(), pickedId.value ? log.refetch() : null]),
    redeliver: async (deliveryId: string) => {
      const done = await mutate({ deliveryId });
      if (done?.data) await log.refetch();
      return Boolean(done?.data);
    },
  };
}
