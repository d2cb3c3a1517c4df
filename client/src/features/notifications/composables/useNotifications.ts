import { computed, ref, watch } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import type { ApolloCache } from '@apollo/client/core';
import { errorMessageOf } from '@/core/errors';
import { MarkNotificationsReadDocument, NotificationsDocument } from '@/gql/graphql';
import { setUnreadCount } from './useUnreadCount';

/** Notices per page of the list, and the most ids the server marks read in one call. */
export const NOTICES_PAGE = 20;
const MARK_AT_ONCE = 100;

/**
 * The user's notices, newest first, a page at a time; marking read (one as it is opened, or every one
 * shown) turns them read in the list and lowers the bell's count at once, from what the server answers.
 */
export function useNotifications() {
  const list = useQuery(NotificationsDocument, { first: NOTICES_PAGE, after: null }, { fetchPolicy: 'network-only' });
  const loadingMore = ref(false);
  const unread = ref(0);
  watch(
    () => list.result.value?.notifications.unread,
    (n) => {
      if (n !== undefined) setUnreadCount((unread.value = n));
    },
    { immediate: true },
  );

  const { mutate, loading: marking, error: markError } = useMutation(MarkNotificationsReadDocument);

  /** The marked notices read in the cache. */
  function markedInCache(cache: ApolloCache<unknown>, ids: string[]): void {
    const at = new Date().toISOString();
    for (const id of ids) cache.modify({ id: cache.identify({ __typename: 'Notification', id }), fields: { readAt: (v) => v ?? at } });
  }

  async function markRead(ids: string[]): Promise<number> {
    let marked = 0;
    for (let i = 0; i < ids.length; i += MARK_AT_ONCE) {
      const chunk = ids.slice(i, i + MARK_AT_ONCE);
      const done = await mutate({ ids: chunk }, { update: (cache, { data }) => data && markedInCache(cache, chunk) });
      const answer = done?.data?.markNotificationsRead;
      if (!answer) break;
      marked += answer.marked;
      setUnreadCount((unread.value = answer.unread));
    }
    return marked;
  }

  const notices = computed(() => list.result.value?.notifications.nodes ?? []);
  const pageInfo = computed(() => list.result.value?.notifications.pageInfo ?? null);

  return {
    notices,
    unread,
    loading: computed(() => list.loading.value && !list.result.value),
    loadingMore,
    marking,
    hasMore: computed(() => Boolean(pageInfo.value?.hasNextPage)),
    errorMessage: errorMessageOf(computed(() => list.error.value ?? markError.value)),
    /** The next (older) page, added below the ones shown. */
    async more(): Promise<void> {
      const after = pageInfo.value?.endCursor;
      if (!after || loadingMore.value) return;
      loadingMore.value = true;
      try {
        await list.fetchMore({
          variables: { first: NOTICES_PAGE, after },
          updateQuery: (shown, { fetchMoreResult }) =>
            fetchMoreResult
              ? {
                  notifications: {
                    ...fetchMoreResult.notifications,
                    nodes: [...shown.notifications.nodes, ...fetchMoreResult.notifications.nodes],
                  },
                }
              : shown,
        });
      } finally {
        loadingMore.value = false;
      }
    },
    /** Marks one notice read (when it is opened); nothing to do for a read one. */
    open: (notice: { id: string; readAt?: string | null }) => (notice.readAt ? Promise.resolve(0) : markRead([notice.id])),
    /** Marks every unread notice shown read. */
    markAllRead: () => markRead(notices.value.filter((n) => !n.readAt).map((n) => n.id)),
  };
}
