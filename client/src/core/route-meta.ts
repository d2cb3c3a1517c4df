import type { Role } from '@/gql/graphql';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open to anyone, signed in or not. */
    public?: boolean;
    /** Only for signed-out users (the sign-in page): a signed-in user goes home instead. */
    guestOnly?: boolean;
    /** Roles that may open the page; any signed-in user when absent. */
    roles?: Role[];
    /** Thai title of the page (browser tab, placeholders of pages still to come). */
    title?: string;
  }
}

export {};
