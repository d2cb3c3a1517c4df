import { computed, onBeforeUnmount, onMounted, watch, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { UnreadNotificationsDocument } from '@/gql/graphql';

/** How often the bell asks again while a page stays open, and the least time between two asks. */
export const UNREAD_EVERY_MS = 3 * 60_000;
export const UNREAD_MIN_GAP_MS = 20_000;

/**
 * The bell's unread count: asked when the shell opens, again when the user moves to another page (`trigger`
 * changes) and every few minutes while the window is in front — never twice within `minGapMs`, so quick
 * clicks through the menu, or a tab left open all day, do not keep the server busy. A hidden window does not
 * ask; it asks when it comes back to the front, if the count has grown stale. `enabled`: whether the user gets
 * notices at all (a read-only account gets none).
 */
export function useUnreadCount(
  trigger: () => unknown,
  { enabled, everyMs = UNREAD_EVERY_MS, minGapMs = UNREAD_MIN_GAP_MS }: { enabled: Ref<boolean>; everyMs?: number; minGapMs?: number },
) {
  const query = useQuery(UnreadNotificationsDocument, {}, () => ({ enabled: enabled.value, fetchPolicy: 'cache-and-network' }));
  let askedAt = Date.now();

  function refresh(force = false): void {
    if (!enabled.value || (!force && Date.now() - askedAt < minGapMs)) return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    askedAt = Date.now();
    // A failure leaves the last count shown; the next ask may do better.
    void query.refetch()?.catch(() => undefined);
  }

  watch(trigger, () => refresh());
  const onVisible = () => refresh();
  let timer: ReturnType<typeof setInterval> | null = null;
  onMounted(() => {
    askedAt = Date.now();
    timer = setInterval(() => refresh(true), everyMs);
    document.addEventListener('visibilitychange', onVisible);
  });
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  });

  return {
    /** Unread notices of the user; 0 until known. */
    unread: computed(() => query.result.value?.notifications.unread ?? 0),
    refresh,
  };
}
