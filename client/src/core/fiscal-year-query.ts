import { useQuery } from '@vue/apollo-composable';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { errorMessageOf } from './errors';
import { useFiscalYear } from './fiscal-year';

/** A query about the chosen fiscal year (`$fiscalYear`), asked once the year is known, with what its error says. */
export function useFiscalYearQuery<R, V extends { fiscalYear: number }>(document: TypedDocumentNode<R, V>) {
  const { year } = useFiscalYear();
  const { result, loading, error } = useQuery(
    document,
    () => ({ fiscalYear: year.value ?? 0 }) as V,
    () => ({ enabled: year.value !== null }),
  );
  return { year, result, loading, errorMessage: errorMessageOf(error) };
}
