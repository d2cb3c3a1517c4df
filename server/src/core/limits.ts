import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';

/** Deepest selection accepted (introspection needs about 12). */
export const MAX_DEPTH = 12;
/** Most fields one operation may ask for. */
export const MAX_COMPLEXITY = 5_000;
/** Largest request body, and most tokens a query may parse into. */
export const MAX_BODY_BYTES = 100 * 1024;
export const MAX_TOKENS = 10_000;

export const depthRule = depthLimit(MAX_DEPTH);

/** Refuses operations that are too costly before any resolver runs. */
export function limitsPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that do not fit their types: execution answers that as BAD_USER_INPUT.
            return;
          }
          if (complexity > MAX_COMPLEXITY) {
            throw new GraphQLError(`คำขอซับซ้อนเกินกำหนด (${complexity} > ${MAX_COMPLEXITY})`, {
              extensions: { code: 'BAD_REQUEST' },
            });
          }
        },
      };
    },
  };
}
