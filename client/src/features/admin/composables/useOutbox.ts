import { computed } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { errorMessageOf } from '@/core/errors';
import { OutboxDocument } from '@/gql/graphql';

/** กล่องจดหมายออก: mail the system wrote while no mail server is set, newest first. */
export function useOutbox(limit = 50) {
  const { result, loading, error, refetch } = useQuery(OutboxDocument, { limit }, { fetchPolicy: 'network-only' });
  return {
    mails: computed(() => result.value?.outbox ?? []),
    loading,
    errorMessage: errorMessageOf(error),
    refetch: () => refetch(),
  };
}
