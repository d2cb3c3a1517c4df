import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { AppContext } from './context';
import { DomainError } from './errors';
import { MAX_QUERY_COST, queryCost } from './limits';
import { costRefusal, rateLimitHeaders, spendQueryCost } from './rate-limit';
import { resultCost } from './result-cost';

const tooCostly = (cost: number) =>
  new DomainError(
    'TOO_COMPLEX',
    'คำขอนี้ขอข้อมูลมากเกินกว่าที่ระบบตอบได้ในครั้งเดียว กรุณาขอข้อมูลให้น้อยลงหรือแบ่งเป็นหลายคำขอ',
    Number.isFinite(cost) ? { cost, maxCost: MAX_QUERY_COST } : { maxCost: MAX_QUERY_COST },
  );

/**
 * Refuses operations that cost too much before any resolver runs (and before any database work), then
 * charges the cost to the caller's budget for the current window (rate-limit.ts): 429 when it is spent.
 * Every answer to a charged operation tells the caller what it cost — `extensions.cost` with the estimate
 * (`requested`, what was charged), what the answer really held (`actual`, result-cost.ts) and the most one
 * operation may cost (`limit`) — and what is left of its budget (`RateLimit-*` headers).
 */
export function limitsPlugin(schema: GraphQLSchema): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          const cost = queryCost(schema, document, request.operationName, request.variables);
          if (cost === null) return;
          if (cost > MAX_QUERY_COST) throw tooCostly(cost);
          const budget = await spendQueryCost(contextValue, cost);
          contextValue.queryCost = { requested: cost, budget };
          if (budget.retryAfterSeconds > 0) throw costRefusal(budget);
        },
        async willSendResponse({ response, contextValue, document, request }) {
          const charged = contextValue?.queryCost;
          if (!charged) return;
          for (const [name, value] of rateLimitHeaders(charged.budget, contextValue.clock.now())) response.http.headers.set(name, value);
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const actual =
            document && charged.budget.retryAfterSeconds === 0
              ? resultCost(schema, document, request.operationName, request.variables ?? {}, result.data)
              : 0;
          result.extensions = { ...result.extensions, cost: { requested: charged.requested, actual, limit: MAX_QUERY_COST } };
        },
      };
    },
  };
}
