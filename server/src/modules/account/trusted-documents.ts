import type { NextFunction, Request, Response } from 'express';
import { ERROR_CODES, httpStatusOf } from '../../core/errors';
import manifest from '../../trusted-documents.json';
import { credentialOf } from './authentication';

/**
 * The web client's operations, by id: the sha256 (hex) of each operation's text → that text. Written by
 * `npm run codegen` from client/src/features/**\/graphql/*.graphql (and checked by `npm run schema:check`),
 * never by a request: there is no way for a caller to add a document.
 */
const documents = new Map<string, string>(Object.entries(manifest));

interface GraphQLBody {
  query?: unknown;
  extensions?: { persistedQuery?: { version?: unknown; sha256Hash?: unknown } | null; [key: string]: unknown } | null;
  [key: string]: unknown;
}

function refuse(res: Response): void {
  res.status(httpStatusOf('UNTRUSTED_DOCUMENT')).json({
    errors: [{ message: ERROR_CODES.UNTRUSTED_DOCUMENT, extensions: { code: 'UNTRUSTED_DOCUMENT' } }],
  });
}

/**
 * Trusted documents, before GraphQL sees the request. An id sent as Apollo's persisted-query extension
 * (`{ extensions: { persistedQuery: { version: 1, sha256Hash } } }`, by POST, without the text) is
 * replaced by its document's text; an unknown id is refused. A browser session (the session cookie) may
 * run only those documents: free-form text with the cookie is refused, never run, so a script that got
 * into a page can make the session do only what the client's own pages do. API tokens (and the
 * signed-out, who reach only the public operations) may also send text, within their cost budget.
 */
export function trustedDocuments(req: Request, res: Response, next: NextFunction): void {
  const credential = credentialOf(req.headers, req.cookies);
  if (req.method === 'GET') {
    // The client sends ids by POST only; a GET carrying an operation is for tokens' free-form text.
    const operation = req.query.query !== undefined || req.query.extensions !== undefined;
    if (operation && (credential === 'session' || String(req.query.extensions ?? '').includes('persistedQuery'))) return refuse(res);
    return next();
  }
  const body = req.body as GraphQLBody | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return credential === 'session' ? refuse(res) : next();
  const persisted = body.extensions?.persistedQuery;
  if (persisted === undefined) return credential === 'session' ? refuse(res) : next();
  const id = persisted?.version === 1 ? persisted.sha256Hash : undefined;
  const text = typeof id === 'string' ? documents.get(id) : undefined;
  // The text, if sent too, must be the document's own: an id never vouches for other text.
  if (text === undefined || (body.query !== undefined && body.query !== text)) return refuse(res);
  const { persistedQuery: _, ...extensions } = body.extensions!;
  req.body = { ...body, query: text, extensions };
  next();
}
