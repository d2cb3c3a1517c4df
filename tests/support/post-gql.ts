/**
 * The one place the tests POST GraphQL over HTTP: `TestServer.gql` (tests/integration/harness.ts) sends
 * through it, and so does code that has no TestServer — a server process of its own (Galera), a browser's
 * server (e2e), a report save counted across a crash.
 */
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

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
  const headers: Record<string, string> = { 'content-type': 'application/json', ...auth.headers };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.from) headers['x-forwarded-for'] = auth.from;
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: GqlResult['errors']; extensions?: GqlResult['extensions'] };
  return {
    data: body.data ?? null,
    errors: body.errors,
    extensions: body.extensions,
    status: res.status,
    setCookie: res.headers.get('set-cookie'),
    headers: res.headers,
  };
}
