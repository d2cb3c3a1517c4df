import { computed, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { onForgetCache } from '@/core/auth';
import { sendOperation } from '@/core/graphql-request';
import { UnreadNotificationsDocument } from '@/gql/graphql';

/** How often the bell asks again while a page stays open, and the least time between two asks. */
export const UNREAD_EVERY_MS = 3 * 60_000;
export const UNREAD_MIN_GAP_MS = 20_000;

/** The count the bell shows: one for the app, so that the list lowers it at once when notices are marked read. */
const unreadCount = ref(0);
onForgetCache(() => (unreadCount.value = 0));

/** The unread count as the server last said it (the list's answers included). */
export function setUnreadCount(n: number): void {
  unreadCount.value = n;
}

/**
 * The bell's unread count, asked without the GraphQL client (the bell is on the home page, which shows
 * before that client's code has arrived): asked when the shell opens, again when the user moves to another page (`trigger`
 * changes) and every few minutes while the window is in front — never twice within `minGapMs`, so quick
 * clicks through the menu, or a tab left open all day, do not keep the server busy. A hidden window does not
 * ask; it asks when it comes back to the front, if the count has grown stale. `enabled`: whether the user gets
 * notices at all (a read-only account gets none).
 */
export function useUnreadCount(
  trigger: () => unknown,
  { enabled, everyMs = UNREAD_EVERY_MS, minGapMs = UNREAD_MIN_GAP_MS }: { enabled: Ref<boolean>; everyMs?: number; minGapMs?: number },
) {
  let askedAt = Date.now();
  let asked = 0;

  function ask(): void {
    const number = ++asked;
    // A failure leaves the last count shown; the next ask may do better. An older answer never overwrites a newer one.
    sendOperation(UnreadNotificationsDocument).then(
      (answer) => number === asked && setUnreadCount(answer.notifications.unread),
      () => undefined,
    );
  }

  function refresh(force = false): void {
    if (!enabled.value || (!force && Date.now() - askedAt < minGapMs)) return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    askedAt = Date.now();
    ask();
  }

  watch(trigger, () => refresh());
  watch(enabled, (on) => on && ask());
  const onVisible = () => refresh();
  let timer: ReturnType<typeof setInterval> | null = null;
  onMounted(() => {
    askedAt = Date.now();
    if (enabled.value) ask();
    timer = setInterval(() => refresh(true), everyMs);
    document.addEventListener('visibilitychange', onVisible);
  });
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  });

  return {
    /** Unread notices of the user; 0 until known. */
    unread: computed(() => (enabled.value ? unreadCount.value : 0)),
    refresh,
  };
}
