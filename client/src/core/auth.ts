import { computed, shallowRef } from 'vue';
import { sendOperation } from './graphql-request';
import {
  LoginDocument,
  LogoutDocument,
  MeDocument,
  type CurrentUserFragment,
  type FiscalYearOptionsQuery,
  type Permission,
  type Reach,
} from '@/gql/graphql';

export type CurrentUser = CurrentUserFragment;

/** The fiscal years the server offers, as answered with the session check; older than this, they are asked again. */
const YEARS_KEPT_MS = 30 * 60 * 1000;
let yearsWithSession: { data: FiscalYearOptionsQuery; at: number } | null = null;

/**
 * The fiscal years answered with the session check (the same request), once: the first signed-in page after
 * it — at once, or after signing in on that page — needs no request of its own for them. Null when used or stale.
 */
export function takeYearsOfSession(): FiscalYearOptionsQuery | null {
  const kept = yearsWithSession;
  yearsWithSession = null;
  return kept && Date.now() - kept.at < YEARS_KEPT_MS ? kept.data : null;
}

const currentUser = shallowRef<CurrentUser | null>(null);
let loading: Promise<CurrentUser | null> | null = null;

// The session is kept without the GraphQL client (sendOperation), so that the sign-in page loads without
// it; what keeps answers (the client, once loaded, the fiscal years, the home page's figures) registers how to
// forget them, and the app's parts how to report sessions that ended.
const forgetters: Array<() => unknown> = [];
let sessionExpired: (() => void) | null = null;

/** Answers kept for the signed-in user, forgotten whenever who is signed in changes. */
export function onForgetCache(forget: () => unknown): void {
  forgetters.push(forget);
}

const forgetCache = () => Promise.all(forgetters.map((forget) => forget()));

/** Called when a signed-in request comes back UNAUTHENTICATED (session ended elsewhere or expired). */
export function onSessionExpired(listener: () => void): void {
  sessionExpired = listener;
}

/** A signed-in request came back UNAUTHENTICATED. */
export function reportSessionExpired(): void {
  sessionExpired?.();
}

declare global {
  interface Window {
    /** "Who is signed in?", sent by the page's first script while the app's code loads (the build adds it). */
    eplanSession?: Promise<Response> | null;
  }
}

/** Asks the server who is signed in (once; later calls reuse the answer until sign-in or sign-out). */
export function loadCurrentUser(): Promise<CurrentUser | null> {
  if (!loading) {
    const sent = window.eplanSession ?? undefined;
    window.eplanSession = null; // asked once: later answers may differ
    loading = sendOperation(MeDocument, undefined, sent)
      .then((data) => {
        yearsWithSession = { data: { fiscalYearOptions: data.fiscalYearOptions }, at: Date.now() };
        return (currentUser.value = data.me ?? null);
      })
      .catch(() => {
        // Server unreachable: behave as signed out; the sign-in page then reports the network problem.
        loading = null;
        currentUser.value = null;
        return null;
      });
  }
  return loading;
}

/** The user known to be signed in (null also while that is not known yet). */
export function signedInUser(): CurrentUser | null {
  return currentUser.value;
}

function setUser(user: CurrentUser | null): void {
  currentUser.value = user;
  loading = Promise.resolve(user);
}

/** Forgets the user and every cached answer, e.g. when the session ended on the server. */
export async function forgetCurrentUser(): Promise<void> {
  setUser(null);
  await forgetCache();
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
    const data = await sendOperation(LoginDocument, { username, password });
    const signedIn = data.login.user;
    await forgetCache();
    setUser(signedIn);
    return signedIn;
  }

  /** Signs out on the server (the session stops working) and forgets everything cached. */
  async function logout(): Promise<void> {
    try {
      await sendOperation(LogoutDocument);
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
