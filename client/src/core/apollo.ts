import type { App } from 'vue';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, from } from '@apollo/client/core';
import { onError } from '@apollo/client/link/error';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { onForgetCache, reportSessionExpired } from './auth';
import { trustedExtensions } from './graphql-request';

// The session's own operations (sign in, who is signed in, sign out) do not come here: auth.ts sends
// them itself, so an UNAUTHENTICATED here always means "your session is over".
const sessionLink = onError(({ graphQLErrors }) => {
  if (graphQLErrors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) reportSessionExpired();
});

// Each operation goes as its trusted-document id alone (the server runs no text from a browser session).
const trustedDocumentLink = new ApolloLink((operation, forward) => {
  Object.assign(operation.extensions, trustedExtensions(operation.query));
  operation.setContext({ http: { includeQuery: false, includeExtensions: true } });
  return forward(operation);
});

const httpLink = new HttpLink({
  uri: '/graphql',
  credentials: 'same-origin',
  // The server refuses simple (CSRF-able) requests; this header marks ours as a real API call.
  headers: { 'apollo-require-preflight': 'true' },
});

export const apolloClient = new ApolloClient({
  link: from([sessionLink, trustedDocumentLink, httpLink]),
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

onForgetCache(() => apolloClient.clearStore());

/**
 * Gives the app's pages the client (useQuery, useMutation) and returns it. Loaded with the first page that
 * needs it (the router, main.ts); the pages that show without it (route meta `withoutClient`) fetch it once they show.
 */
export function installApollo(app: App): ApolloClient {
  app.provide(DefaultApolloClient, apolloClient);
  return apolloClient;
}
