import { computed, ref } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { errorMessageOf } from '@/core/errors';
import {
  NotificationDeliveriesDocument,
  RetryNotificationDeliveryDocument,
  SendTestNotificationDocument,
  type NoticeDeliveryStatus,
  type NotificationChannel,
} from '@/gql/graphql';

/** How many of the newest deliveries the log shows. */
export const LOG_SIZE = 50;

/**
 * ADMIN: the notices' delivery log, newest first (by channel and status if chosen), a delivery sent again, and a
 * test notice to oneself by one channel; the log is asked again after each.
 */
export function useDeliveryLog() {
  const channel = ref<NotificationChannel | ''>('');
  const status = ref<NoticeDeliveryStatus | ''>('');
  const log = useQuery(
    NotificationDeliveriesDocument,
    () => ({ last: LOG_SIZE, channel: channel.value || null, status: status.value || null }),
    { fetchPolicy: 'network-only' },
  );
  const retry = useMutation(RetryNotificationDeliveryDocument);
  const test = useMutation(SendTestNotificationDocument);
  const retrying = ref<string | null>(null);

  return {
    channel,
    status,
    // The page is the newest LOG_SIZE in the order they were queued: shown newest first.
    deliveries: computed(() => [...(log.result.value?.notificationDeliveries.edges ?? [])].reverse().map((e) => e.node)),
    total: computed(() => log.result.value?.notificationDeliveries.totalCount ?? 0),
    loading: log.loading,
    retrying,
    testing: test.loading,
    errorMessage: errorMessageOf(computed(() => log.error.value ?? retry.error.value ?? test.error.value)),
    refresh: () => log.refetch(),
    /** Sends one delivery again from its first attempt; true when queued. */
    async retry(id: string): Promise<boolean> {
      retrying.value = id;
      try {
        const done = await retry.mutate({ id }).catch(() => null);
        if (done?.data) await log.refetch();
        return Boolean(done?.data);
      } finally {
        retrying.value = null;
      }
    },
    /** Queues a test notice to the signed-in ADMIN by one channel; true when queued. */
    async sendTest(by: NotificationChannel): Promise<boolean> {
      const done = await test.mutate({ channel: by }).catch(() => null);
      if (done?.data) await log.refetch();
      return Boolean(done?.data);
    },
  };
}
