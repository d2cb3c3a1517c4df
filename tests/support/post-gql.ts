/**
 * The one place the tests POST GraphQL over HTTP: `TestServer.gql` (tests/integration/harness.ts) sends
 * through it, and so does code that has no TestServer — a server process of its own (Galera), a browser's
 * server (e2e), a report save counted across a crash.
 */
import { parse, print, type OperationDefinitionNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import manifest from '../../server/src/trusted-documents.json';

/** What the server puts in an error's `extensions` (core/errors.ts). */
export interface GqlErrorExtensions {
  code?: string;
  fields?: Array<{ field: string; message: string }>;
  remainingAttempts?: number;
  retryAfterSeconds?: number;
  /** What GraphQL itself said about a malformed request. */
  detail?: string;
  requestId?: string;
  [key: string]: unknown;
}

export interface GqlResult<T = unknown> {
  data: T | null;
  errors?: Array<{ message: string; extensions?: GqlErrorExtensions; path?: Array<string | number> }>;
  /** The answer's own extensions: `cost` (requested, actual, limit) on every charged operation. */
  extensions?: { cost?: { requested: number; actual: number; limit: number }; [key: string]: unknown };
  status: number;
  setCookie: string | null;
  headers: Headers;
}

/**
 * Who sends a request: a bearer token holder, a cookie holder, or signed out (from `from`, as a proxy
 * would say); `headers` adds any other request header (e.g. `accept-encoding`).
 */
export interface GqlAuth {
  token?: string;
  cookie?: string;
  from?: string;
  headers?: Record<string, string>;
}

/** An operation's variables may be left out when it has none that are required. */
export type VariablesOf<V> = Record<string, never> extends V ? [variables?: V, auth?: GqlAuth] : [variables: V, auth?: GqlAuth];

/**
 * POSTs one GraphQL operation to `${baseUrl}/graphql`: a typed document from tests/operations (generated
 * into tests/gql by `npm run codegen`), its variables and its answer typed by the schema.
 */
export function postGql<R, V>(baseUrl: string, document: TypedDocumentNode<R, V>, ...args: VariablesOf<V>): Promise<GqlResult<R>>;
/**
 * POSTs GraphQL text, untyped by design: only for operations no schema types — malformed ones, aliased
 * floods that reach the limits, operations generated from the schema (fuzz, the authorization matrix).
 */
export function postGql(baseUrl: string, query: string, variables?: Record<string, unknown>, auth?: GqlAuth): Promise<GqlResult<any>>;
export async function postGql(
  baseUrl: string,
  query: string | TypedDocumentNode<unknown, unknown>,
  variables: unknown = {},
  auth: GqlAuth = {},
): Promise<GqlResult<unknown>> {
  return send(baseUrl, { query: typeof query === 'string' ? query : print(query), variables }, auth);
}

/** The web client's trusted documents (server/src/trusted-documents.json, written by codegen): operation name → id. */
const trustedIds = new Map(
  Object.entries(manifest).map(([id, text]) => {
    const operation = parse(text).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    return [operation!.name!.value, id] as const;
  }),
);

/** The trusted-document id of the web client's operation of that name; fails the test for an unknown name. */
export function trustedIdOf(operationName: string): string {
  const id = trustedIds.get(operationName);
  if (!id) throw new Error(`the web client has no operation ${operationName} (server/src/trusted-documents.json)`);
  return id;
}

/** POSTs one of the web client's operations as the client sends it: its trusted-document id alone, no text. */
export function postTrusted(
  baseUrl: string,
  operationName: string,
  variables: Record<string, unknown> = {},
  auth: GqlAuth = {},
): Promise<GqlResult<any>> {
  return send(
    baseUrl,
    { operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: trustedIdOf(operationName) } } },
    auth,
  );
}

async function send(baseUrl: string, body: Record<string, unknown>, auth: GqlAuth): Promise<GqlResult<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...auth.headers };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.from) headers['x-forwarded-for'] = auth.from;
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as { data?: unknown; errors?: GqlResult['errors']; extensions?: GqlResult['extensions'] };
  return {
    data: answer.data ?? null,
    errors: answer.errors,
    extensions: answer.extensions,
    status: res.status,
    setCookie: res.headers.get('set-cookie'),
    headers: res.headers,
  };
}
