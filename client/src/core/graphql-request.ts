import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/**
 * The id of one of the client's operations in the server's trusted documents: codegen (scripts/codegen.mjs)
 * writes it into each document module as `__meta__.hash`, the sha256 of the operation's text as the
 * server runs it (with the `__typename`s the GraphQL client's cache needs). A browser session sends only
 * this id, never the text: the server runs no other document for it.
 */
export function documentIdOf(document: DocumentNode): string {
  const id = (document as DocumentNode & { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!id) throw new Error('an operation without a trusted-document id: run `npm run codegen`');
  return id;
}

/** The request's `extensions`: the operation's id, in the shape of Apollo's persisted queries. */
export const trustedExtensions = (document: DocumentNode) => ({ persistedQuery: { version: 1, sha256Hash: documentIdOf(document) } });

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
 * marks an API call, the operation by its trusted-document id); answers are read as the client reads them: HTTP errors as a network error with the
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
        body: JSON.stringify({
          operationName: operation?.name?.value,
          variables: variables ?? {},
          extensions: trustedExtensions(document),
        }),
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
