import { mountComposable, settle, type Answers } from '@/core/__tests__/mount-composable';
import { useNotifications } from '../composables/useNotifications';

/** A notice as the server lists it; `read` ones carry when. */
const notice = (id: number, read = false) => ({
  __typename: 'Notification',
  id: String(id),
  kind: 'DECISION',
  title: `เรื่องที่ ${id}`,
  body: 'ไม่อนุมัติ เหตุผล: ข้อมูลไม่ครบ',
  link: '/projects?year=2568',
  createdAt: '2025-01-01T03:00:00.000Z',
  readAt: read ? '2025-01-02T03:00:00.000Z' : null,
});

/** The "server": 330 notices of which every third is read, and what each mark call sent. */
function inbox() {
  const notices = Array.from({ length: 330 }, (_, i) => notice(i + 1, i % 3 === 2));
  const marked: string[][] = [];
  const unread = () => notices.filter((n) => !n.readAt).length;
  return {
    marked,
    answers: <Answers>{
      Notifications: () => ({
        data: {
          notifications: {
            __typename: 'NotificationConnection',
            unread: unread(),
            nodes: notices.map((n) => ({ ...n })),
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          },
        },
      }),
      MarkNotificationsRead: (variables) => {
        const ids = variables.ids as string[];
        marked.push(ids);
        let count = 0;
        for (const n of notices) if (ids.includes(n.id) && !n.readAt && ++count) n.readAt = '2025-01-03T03:00:00.000Z';
        return { data: { markNotificationsRead: { __typename: 'NotificationsRead', marked: count, unread: unread() } } };
      },
    },
  };
}

describe('useNotifications (the list)', () => {
  it('marks every unread notice shown read, at most 100 ids a call, and shows them read with the count the server gives', async () => {
    const server = inbox();
    const { result, wrapper } = mountComposable(() => useNotifications(), server.answers);
    await settle();
    expect(result.notices.value).toHaveLength(330);
    expect(result.unread.value).toBe(220);

    expect(await result.markAllRead()).toBe(220);
    expect(server.marked.map((ids) => ids.length)).toEqual([100, 100, 20]);
    expect(result.unread.value).toBe(0);
    await settle();
    expect(result.notices.value.every((n) => n.readAt)).toBe(true);
    wrapper.unmount();
  });

  it('marks a notice read as it is opened, and sends nothing for one already read', async () => {
    const server = inbox();
    const { result, wrapper } = mountComposable(() => useNotifications(), server.answers);
    await settle();
    await result.open(result.notices.value[2]!);
    expect(server.marked).toEqual([]);
    await result.open(result.notices.value[0]!);
    expect(server.marked).toEqual([['1']]);
    expect(result.unread.value).toBe(219);
    await settle();
    expect(result.notices.value[0]!.readAt).not.toBeNull();
    wrapper.unmount();
  });
});
