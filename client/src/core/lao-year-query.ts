import { computed, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { errorMessageOf } from './errors';

/**
 * A query about one LAO in one fiscal year (`$laoCode`, `$fiscalYear`), asked only once both are
 * known, with what its error says to the user.
 */
export function useLaoYearQuery<R, V extends { laoCode: string; fiscalYear: number }>(
  document: TypedDocumentNode<R, V>,
  laoCode: Ref<string | null>,
  fiscalYear: Ref<number | null>,
) {
  const enabled = computed(() => laoCode.value !== null && fiscalYear.value !== null);
  const { result, loading, error, refetch } = useQuery(
    document,
    () => ({ laoCode: laoCode.value ?? '', fiscalYear: fiscalYear.value ?? 0 }) as V,
    () => ({
      enabled: enabled.value,
    }),
  );
  return { result, loading, errorMessage: errorMessageOf(error), enabled, refetch };
}
