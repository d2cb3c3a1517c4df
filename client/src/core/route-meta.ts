import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Permission, Reach } from '@/gql/graphql';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open to anyone, signed in or not. */
    public?: boolean;
    /** Only for signed-out users (the sign-in page): a signed-in user goes home instead. */
    guestOnly?: boolean;
    /** The permission (and, where the page is for one reach only, its reach) that opens the page; any signed-in user when absent. */
    can?: { permission: Permission; reach?: Reach };
    /**
     * The page sends no request but the session's own (sign in, who is signed in): it loads without the
     * GraphQL client, which every other page needs, so the first page on a slow link stays light.
     */
    sessionOnly?: boolean;
    /**
     * The page shows an officer of one LAO its own LAO without the GraphQL client (its questions go through
     * `useLaoYearRequest`): the client's code loads once the page shows, for the pages after it, so that on a
     * slow link the first page after sign-in comes sooner. Whoever picks an LAO there (the picker uses the
     * client) gets the client with the page.
     */
    withoutClient?: boolean;
    /**
     * The page's first question (`useLaoYearRequest`), about an LAO officer's own LAO in the chosen year: on
     * the first page after sign-in it is asked as soon as the year is known, beside the page's code instead of after it.
     */
    laoYearQuery?: TypedDocumentNode<unknown, { laoCode: string; fiscalYear: number }>;
    /** Thai title of the page (browser tab, placeholders of pages still to come). */
    title?: string;
  }
}

export {};
