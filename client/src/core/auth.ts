import { computed, shallowRef } from 'vue';
import { apolloClient } from './apollo';
import { LoginDocument, LogoutDocument, MeDocument, type CurrentUserFragment, type Permission, type Reach } from '@/gql/graphql';

export type CurrentUser = CurrentUserFragment;

const currentUser = shallowRef<CurrentUser | null>(null);
let loading: Promise<CurrentUser | null> | null = null;

/** Asks the server who is signed in (once; later calls reuse the answer until sign-in or sign-out). */
export function loadCurrentUser(): Promise<CurrentUser | null> {
  if (!loading) {
    loading = apolloClient
      .query({ query: MeDocument, fetchPolicy: 'network-only' })
      .then(({ data }) => (currentUser.value = data.me ?? null))
      .catch(() => {
        // Server unreachable: behave as signed out; the sign-in page then reports the network problem.
        loading = null;
        currentUser.value = null;
        return null;
      });
  }
  return loading;
}

function setUser(user: CurrentUser | null): void {
  currentUser.value = user;
  loading = Promise.resolve(user);
}

/** Forgets the user and every cached answer, e.g. when the session ended on the server. */
export async function forgetCurrentUser(): Promise<void> {
  setUser(null);
  await apolloClient.clearStore();
}

/** How far a permission of the signed-in user reaches (the server's policy table); null when not held. */
export function reachOf(permission: Permission, user: CurrentUser | null = currentUser.value): Reach | null {
  return user?.grants.find((g) => g.permission === permission)?.reach ?? null;
}

/** Whether the signed-in user holds a permission — anywhere, or with the reach given. */
export function can(permission: Permission, reach?: Reach, user: CurrentUser | null = currentUser.value): boolean {
  const held = reachOf(permission, user);
  return held !== null && (reach === undefined || held === reach);
}

/** The signed-in user and the actions that change who it is. */
export function useAuth() {
  const user = computed(() => currentUser.value);

  /** Signs in; throws the server's error (UNAUTHENTICATED, LOCKED, FORBIDDEN, BAD_USER_INPUT) to the caller. */
  async function login(username: string, password: string): Promise<CurrentUser> {
    const { data } = await apolloClient.mutate({ mutation: LoginDocument, variables: { username, password } });
    const signedIn = data!.login.user;
    await apolloClient.clearStore();
    apolloClient.writeQuery({ query: MeDocument, data: { me: signedIn } });
    setUser(signedIn);
    return signedIn;
  }

  /** Signs out on the server (the session stops working) and forgets everything cached. */
  async function logout(): Promise<void> {
    try {
      await apolloClient.mutate({ mutation: LogoutDocument });
    } finally {
      await forgetCurrentUser();
    }
  }

  return {
    user,
    isSignedIn: computed(() => currentUser.value !== null),
    /** Reactive in templates and computed values: reads the current user. */
    can: (permission: Permission, reach?: Reach) => can(permission, reach, currentUser.value),
    reachOf: (permission: Permission) => reachOf(permission, currentUser.value),
    login,
    logout,
  };
}
