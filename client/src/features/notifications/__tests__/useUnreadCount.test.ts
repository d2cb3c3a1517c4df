import { nextTick, ref } from 'vue';
import { mountComposable, settle } from '@/core/__tests__/mount-composable';
import { useUnreadCount } from '../composables/useUnreadCount';

const EVERY = 180_000;
const GAP = 20_000;

/** The bell over a "server" whose unread count the test sets; `asks` counts its questions. */
function bell({ enabled = true } = {}) {
  const path = ref('/');
  const server = { unread: 3, asks: 0 };
  // The bell asks without the GraphQL client: the server is the page's fetch.
  globalThis.fetch = jest.fn(async (_url: unknown, init?: { body?: unknown }) => {
    expect(JSON.parse(String(init?.body)).operationName).toBe('UnreadNotifications');
    server.asks++;
    return { status: 200, json: async () => ({ data: { notifications: { unread: server.unread } } }) } as Response;
  }) as typeof fetch;
  const mounted = mountComposable(() => useUnreadCount(() => path.value, { enabled: ref(enabled), everyMs: EVERY, minGapMs: GAP }), {});
  return { ...mounted, path, server };
}

/** Moves to another page and lets the bell answer. */
async function navigate(path: { value: string }, to: string) {
  path.value = to;
  await nextTick();
  await settle();
}

describe('useUnreadCount (the bell)', () => {
  let hidden = false;
  beforeAll(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  });
  beforeEach(() => {
    hidden = false;
    // The clock and the bell's interval are the test's; the client's own timeouts run as they are.
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'nextTick', 'queueMicrotask'] });
  });
  afterEach(() => jest.useRealTimers());

  it('shows the unread count once the server has answered', async () => {
    const { result, server, wrapper } = bell();
    expect(result.unread.value).toBe(0);
    await settle();
    expect(result.unread.value).toBe(3);
    expect(server.asks).toBe(1);
    wrapper.unmount();
  });

  it('asks again on moving to another page, but not twice within the least gap', async () => {
    const { result, server, path, wrapper } = bell();
    await settle();
    server.unread = 5;
    await navigate(path, '/projects');
    expect(server.asks).toBe(1);
    jest.advanceTimersByTime(GAP);
    await navigate(path, '/reports');
    expect(server.asks).toBe(2);
    expect(result.unread.value).toBe(5);
    await navigate(path, '/');
    expect(server.asks).toBe(2);
    wrapper.unmount();
  });

  it('asks every few minutes while the window is in front, and not while it is hidden', async () => {
    const { result, server, wrapper } = bell();
    await settle();
    server.unread = 1;
    jest.advanceTimersByTime(EVERY - 1);
    await settle();
    expect(server.asks).toBe(1);
    jest.advanceTimersByTime(1);
    await settle();
    expect(server.asks).toBe(2);
    expect(result.unread.value).toBe(1);

    hidden = true;
    jest.advanceTimersByTime(EVERY * 3);
    await settle();
    expect(server.asks).toBe(2);
    // Back in front with a stale count: it asks at once.
    hidden = false;
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(server.asks).toBe(3);
    wrapper.unmount();
  });

  it('stops asking when the shell goes, and never asks for a user who gets no notices', async () => {
    const shown = bell();
    await settle();
    shown.wrapper.unmount();
    jest.advanceTimersByTime(EVERY * 2);
    await settle();
    expect(shown.server.asks).toBe(1);

    const none = bell({ enabled: false });
    await settle();
    await navigate(none.path, '/projects');
    jest.advanceTimersByTime(EVERY * 2);
    await settle();
    expect(none.server.asks).toBe(0);
    expect(none.result.unread.value).toBe(0);
    none.wrapper.unmount();
  });
});
