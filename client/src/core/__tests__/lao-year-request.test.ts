import { defineComponent, h, nextTick, ref } from 'vue';
import { mount } from '@vue/test-utils';
import { SarScoresDocument } from '@/gql/graphql';
import { onSessionExpired } from '../auth';
import { prepareLaoYearRequest, useLaoYearRequest } from '../lao-year-request';
import { settle, type Answer } from './mount-composable';

/** The server, answering every request with `answer`; what the browser sent is kept in `sent`. */
function serve(answer: (variables: Record<string, unknown>) => Answer) {
  const sent: Array<Record<string, any>> = [];
  globalThis.fetch = jest.fn(async (_url: unknown, init?: { body?: unknown }) => {
    const body = JSON.parse(String(init?.body));
    sent.push(body);
    const reply = answer(body.variables);
    return { status: 200, json: async () => reply } as Response;
  }) as typeof fetch;
  return sent;
}

function mountRequest(laoCode = ref<string | null>('6800707'), year = ref<number | null>(2567)) {
  let exposed: ReturnType<typeof useLaoYearRequest<unknown, { laoCode: string; fiscalYear: number }>> | undefined;
  mount(
    defineComponent({
      setup() {
        exposed = useLaoYearRequest(SarScoresDocument, laoCode, year);
        return () => h('div');
      },
    }),
  );
  return exposed!;
}

const scores = (variables: Record<string, unknown>) => ({ data: { sarScores: [{ laoCode: variables.laoCode }], planDimensions: [] } });

describe('useLaoYearRequest (a question of the home page, without the GraphQL client)', () => {
  it('asks nothing until both the LAO and the year are known, then asks by the trusted-document id alone', async () => {
    const sent = serve(scores);
    const laoCode = ref<string | null>(null);
    const request = mountRequest(laoCode);
    await settle();
    expect(sent).toEqual([]);
    laoCode.value = '6800101';
    await nextTick();
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0].operationName).toBe('SarScores');
    expect(sent[0].variables).toEqual({ laoCode: '6800101', fiscalYear: 2567 });
    expect(sent[0].query).toBeUndefined();
    expect(sent[0].extensions.persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    expect(request.result.value).toEqual(scores({ laoCode: '6800101' }).data);
    expect(request.loading.value).toBe(false);
    expect(request.errorMessage.value).toBe('');
  });

  it("shows the router's answer, asked beside the page's code, without asking again; the next visit asks afresh", async () => {
    const sent = serve(scores);
    await prepareLaoYearRequest(SarScoresDocument, { laoCode: '6800202', fiscalYear: 2567 });
    expect(sent).toHaveLength(1);
    const first = mountRequest(ref('6800202'));
    expect(first.result.value).toEqual(scores({ laoCode: '6800202' }).data);
    await settle();
    expect(sent).toHaveLength(1);
    // Back on the page later: the last answer shows at once while a fresh one is asked for.
    const again = mountRequest(ref('6800202'));
    expect(again.result.value).toEqual(scores({ laoCode: '6800202' }).data);
    expect(again.loading.value).toBe(true);
    await settle();
    expect(sent).toHaveLength(2);
    expect(again.loading.value).toBe(false);
  });

  it('says what the server refused, in its words, and sends the user back to sign-in when the session has ended', async () => {
    const expired = jest.fn();
    onSessionExpired(expired);
    serve(() => ({ errors: [{ message: 'ท่านไม่มีสิทธิ์ทำรายการนี้', extensions: { code: 'FORBIDDEN' } }] }));
    const refused = mountRequest(ref('6800303'));
    await settle();
    await settle();
    expect(refused.errorMessage.value).toBe('ท่านไม่มีสิทธิ์ทำรายการนี้');
    expect(expired).not.toHaveBeenCalled();

    serve(() => ({ errors: [{ message: 'กรุณาเข้าสู่ระบบ', extensions: { code: 'UNAUTHENTICATED' } }] }));
    const ended = mountRequest(ref('6800404'));
    await settle();
    await settle();
    expect(ended.errorMessage.value).toBe('กรุณาเข้าสู่ระบบ');
    expect(expired).toHaveBeenCalledTimes(1);
  });
});
