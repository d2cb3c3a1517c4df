import { ApolloClient, HttpLink, InMemoryCache, from } from '@apollo/client/core';
import { onError } from '@apollo/client/link/error';

type Listener = () => void;
let sessionExpired: Listener | null = null;

/** Called when a signed-in request comes back UNAUTHENTICATED (session ended elsewhere or expired). */
export function onSessionExpired(listener: Listener): void {
  sessionExpired = listener;
}

/** Operations where UNAUTHENTICATED means "wrong password", not "your session is over". */
const SIGN_IN_OPERATIONS = new Set(['Login', 'Me', 'Logout']);

const sessionLink = onError(({ graphQLErrors, operation }) => {
  if (SIGN_IN_OPERATIONS.has(operation.operationName)) return;
  if (graphQLErrors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) sessionExpired?.();
});

const httpLink = new HttpLink({
  uri: '/graphql',
  credentials: 'same-origin',
  // The server refuses simple (CSRF-able) requests; this header marks ours as a real API call.
  headers: { 'apollo-require-preflight': 'true' },
});

export const apolloClient = new ApolloClient({
  link: from([sessionLink, httpLink]),
  cache: new InMemoryCache({
    typePolicies: {
      Lao: { keyFields: ['code'] },
      Province: { keyFields: ['code'] },
      District: { keyFields: ['code'] },
      LaoAccount: { keyFields: false },
      FiscalYearOptions: { keyFields: false },
    },
  }),
  defaultOptions: {
    watchQuery: { fetchPolicy: 'cache-and-network' },
  },
});
