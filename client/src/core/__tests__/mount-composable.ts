import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import { ApolloClient, ApolloLink, InMemoryCache, Observable, type FetchResult } from '@apollo/client/core';
import { DefaultApolloClient } from '@vue/apollo-composable';
import type { GraphQLFormattedError } from 'graphql';

/** What the server answers to one operation: its data, or its errors as the API sends them. */
export type Answer = { data?: Record<string, unknown>; errors?: GraphQLFormattedError[] };
/** The server's answers by operation name, given the request's variables. */
export type Answers = Record<string, (variables: Record<string, any>) => Answer>;

/**
 * An Apollo client whose "server" answers by operation name; every request is kept in `requests`
 * (what the composable sent). An operation with no answer fails the test.
 */
export function answeringClient(answers: Answers) {
  const requests: Array<{ operation: string; variables: Record<string, any> }> = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable<FetchResult>((observer) => {
        requests.push({ operation: operation.operationName, variables: operation.variables });
        const answer = answers[operation.operationName];
        if (!answer) {
          observer.error(new Error(`no answer for ${operation.operationName}`));
          return;
        }
        observer.next(answer(operation.variables) as FetchResult);
        observer.complete();
      }),
  );
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), requests };
}

/**
 * Mounts `composable` in a throwaway component, as a page would use it, and hands back what it
 * exposes (the Directus way of testing composables). `answers` stand in for the server.
 */
export function mountComposable<T>(composable: () => T, answers: Answers = {}) {
  const { client, requests } = answeringClient(answers);
  let exposed: T | undefined;
  const wrapper = mount(
    defineComponent({
      setup() {
        exposed = composable();
        return () => h('div');
      },
    }),
    { global: { provide: { [DefaultApolloClient]: client } } },
  );
  return { result: exposed as T, wrapper, requests };
}

/** Lets Apollo deliver what the "server" answered. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
