import type { GraphQLFormattedError } from 'graphql';
// The printer alone, not the index of the whole library (which the sign-in page would then carry).
import { print } from 'graphql/language/printer';
import { visit } from 'graphql/language/visitor';
import type { DocumentNode, FieldNode, SelectionSetNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

const TYPENAME: FieldNode = {
  kind: 'Field' as FieldNode['kind'],
  name: { kind: 'Name' as FieldNode['name']['kind'], value: '__typename' },
};

/**
 * The document as the GraphQL client sends it: `__typename` in every object's selection, so that an
 * answer fetched here can be handed to the client's cache (which needs the types to store it) and read
 * back from it.
 */
function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet(node: SelectionSetNode, _key, parent) {
      const root = parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === 'OperationDefinition';
      if (root || node.selections.some((s) => s.kind === 'Field' && s.name.value === '__typename')) return undefined;
      return { ...node, selections: [...node.selections, TYPENAME] };
    },
  });
}

/** What a failed request throws: the shape of the GraphQL client's errors, so that `toApiError` reads both. */
export class RequestError extends Error {
  constructor(
    readonly graphQLErrors: readonly GraphQLFormattedError[],
    readonly networkError: (Error & { result?: unknown; statusCode?: number }) | null,
  ) {
    super(graphQLErrors[0]?.message ?? networkError?.message ?? 'request failed');
  }
}

/**
 * One operation sent without the GraphQL client (Apollo): the sign-in page and the session (who is
 * signed in, sign in, sign out) use it, so that the first page an officer opens on a slow link does not
 * wait for the client's code. The request is the one the client sends (JSON POST with the header that
 * marks an API call, with the types the client's cache needs); answers are read as the client reads them: HTTP errors as a network error with the
 * body as its result, GraphQL errors as graphQLErrors. `sent`: the same request, already sent.
 */
export async function sendOperation<R, V>(document: TypedDocumentNode<R, V>, variables?: V, sent?: Promise<Response>): Promise<R> {
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  let response: Response;
  try {
    response = await (sent ??
      fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({ operationName: operation?.name?.value, query: print(withTypenames(document)), variables: variables ?? {} }),
      }));
  } catch (cause) {
    throw new RequestError([], cause instanceof Error ? cause : new Error(String(cause)));
  }
  const body = (await response.json().catch(() => null)) as { data?: R; errors?: GraphQLFormattedError[] } | null;
  if (response.status >= 300 || !body) {
    throw new RequestError([], Object.assign(new Error(`HTTP ${response.status}`), { statusCode: response.status, result: body }));
  }
  if (body.errors?.length) throw new RequestError(body.errors, null);
  return body.data as R;
}
