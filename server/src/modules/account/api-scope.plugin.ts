import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { AppContext } from '../../core/context';
import { contextError, DomainError, forbidden } from '../../core/errors';
import { auditApiRequest } from './api-token';
import { API_SCOPE_LABELS, type ApiScope } from '../access/api-scope';
import { API_SCOPES } from '../access/policy';

/** Introspection and `__typename`: not fields of the API's data, free to every caller. */
const META_FIELDS = new Set(['__typename', '__schema', '__type']);

/** The root fields an operation asks for (`Query.laos`), through its fragments. */
export function rootFieldsOf(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const type = operation.operation === 'query' ? 'Query' : operation.operation === 'mutation' ? 'Mutation' : 'Subscription';
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
  const fields = new Set<string>();
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!META_FIELDS.has(selection.name.value)) fields.add(`${type}.${selection.name.value}`);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return [...fields];
}

/**
 * Why a token may not call `key` (a root field or a route, as API_SCOPES names it), in Thai, or null
 * when its scopes grant it. What API_SCOPES does not list no token may call.
 */
export function scopeRefusal(scopes: string[], key: string): string | null {
  if (!(key in API_SCOPES)) return `API token ใช้ ${key} ไม่ได้: ใช้ได้เฉพาะการอ่านข้อมูลตามขอบเขตของ token`;
  const scope = API_SCOPES[key];
  if (scope === null || scopes.includes(scope)) return null;
  return `API token นี้ไม่มีขอบเขต ${scope} (${API_SCOPE_LABELS[scope as ApiScope]}) ที่ ${key} ต้องใช้`;
}

/** The errors of an answer that are the caller being refused, not a fault of the data. */
const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

/**
 * The scopes of API tokens on GraphQL: an operation asking for a root field its token's scopes do not
 * grant is refused as a whole (FORBIDDEN, naming the missing scope) before any resolver runs. Every
 * operation by a token — answered or refused, here or by the resolvers' own checks — leaves one audit
 * row: the token, the operation's name, its root fields, allowed or not.
 */
export const apiScopePlugin: ApolloServerPlugin<AppContext> = {
  async requestDidStart({ contextValue }) {
    const token = contextValue.apiToken;
    if (!token) return;
    let fields: string[] = [];
    let name: string | null = null;
    let refusal: string | null = null;
    return {
      async didResolveOperation({ document, operation }) {
        fields = operation ? rootFieldsOf(document, operation) : [];
        name = operation?.name?.value ?? null;
        refusal = fields.map((f) => scopeRefusal(token.scopes, f)).find((r) => r !== null) ?? null;
        if (refusal) throw contextError(forbidden(refusal));
      },
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        const refused = errors.find((e) => REFUSALS.has(String(e.extensions?.code)));
        // The answer is made by now: a row that cannot be written (the database gone) is logged, not answered.
        await auditApiRequest(contextValue, token, {
          operation: name,
          fields,
          allowed: !refusal && !refused,
          refusal: refusal ?? refused?.message ?? null,
        }).catch((err) => contextValue.log.error({ err, apiToken: token.id }, 'the audit row of a token request could not be written'));
      },
    };
  },
};

/** The scopes of API tokens on a route (`GET /export/…`): refused (and audited) when not granted. */
export async function checkRouteScope(ctx: AppContext, route: string): Promise<void> {
  const token = ctx.apiToken;
  if (!token) return;
  const refusal = scopeRefusal(token.scopes, route);
  if (refusal) {
    await auditApiRequest(ctx, token, { operation: route, fields: [route], allowed: false, refusal });
    throw new ScopeRefusal(refusal);
  }
}

/** A route refused by the token's scopes (FORBIDDEN), already audited. */
export class ScopeRefusal extends DomainError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** The audit row of a route's request by a token that was let through (its answer may still be a refusal of the services). */
export async function auditRoute(ctx: AppContext, route: string, refusal: string | null): Promise<void> {
  if (ctx.apiToken) await auditApiRequest(ctx, ctx.apiToken, { operation: route, fields: [route], allowed: !refusal, refusal });
}
