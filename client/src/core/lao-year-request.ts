import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { onForgetCache, reportSessionExpired } from './auth';
import { errorMessageOf, toApiError } from './errors';
import { sendOperation } from './graphql-request';

type LaoYear = { laoCode: string; fiscalYear: number };

/**
 * Answers of queries about one LAO in one year sent without the GraphQL client, by operation and
 * variables, for the signed-in user: the last answer shows at once when a page asks again (and is then
 * asked for afresh, as the client's cache-and-network does), and the router's answer beside the page's
 * code (`prepareLaoYearRequest`) is taken once, as it stands, by the page it was asked for.
 */
const last = new Map<string, unknown>();
const prepared = new Map<string, unknown>();
onForgetCache(() => {
  last.clear();
  prepared.clear();
});

const keyOf = (document: TypedDocumentNode<unknown, never>, variables: LaoYear) =>
  `${document.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value}:${variables.laoCode}:${variables.fiscalYear}`;

/** Asks a page's first question beside its code; a failure is left to the page, which asks again and shows its error. */
export function prepareLaoYearRequest<R, V extends LaoYear>(document: TypedDocumentNode<R, V>, variables: V): Promise<void> {
  return sendOperation(document, variables).then(
    (answer) => {
      const key = keyOf(document as TypedDocumentNode<unknown, never>, variables);
      last.set(key, answer);
      prepared.set(key, answer);
    },
    () => undefined,
  );
}

/**
 * A query about one LAO in one fiscal year (`$laoCode`, `$fiscalYear`), asked once both are known, with
 * what its error says to the user — as `useLaoYearQuery`, but without the GraphQL client: for the home page,
 * which an officer on a slow link opens first and which shows before that client's code has arrived.
 */
export function useLaoYearRequest<R, V extends LaoYear>(
  document: TypedDocumentNode<R, V>,
  laoCode: Ref<string | null>,
  fiscalYear: Ref<number | null>,
) {
  const enabled = computed(() => laoCode.value !== null && fiscalYear.value !== null);
  const result = shallowRef<R | undefined>(undefined);
  const error = shallowRef<unknown>(null);
  const loading = ref(false);
  let asked = 0;

  function ask(): void {
    const number = ++asked;
    if (!enabled.value) {
      loading.value = false;
      return;
    }
    const variables = { laoCode: laoCode.value, fiscalYear: fiscalYear.value } as V;
    const key = keyOf(document as TypedDocumentNode<unknown, never>, variables);
    error.value = null;
    const ready = prepared.get(key) as R | undefined;
    prepared.delete(key);
    if (ready) {
      result.value = ready;
      loading.value = false;
      return;
    }
    result.value = last.get(key) as R | undefined;
    loading.value = true;
    sendOperation(document, variables).then(
      (answer) => {
        if (number !== asked) return;
        last.set(key, answer);
        result.value = answer;
        loading.value = false;
      },
      (failure: unknown) => {
        if (number !== asked) return;
        error.value = failure;
        loading.value = false;
        // As the client does: a session that ended elsewhere sends the user back to sign-in.
        if (toApiError(failure).code === 'UNAUTHENTICATED') reportSessionExpired();
      },
    );
  }

  watch([laoCode, fiscalYear], ask, { immediate: true });
  return { result, loading, errorMessage: errorMessageOf(error), enabled };
}
