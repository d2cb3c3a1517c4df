import { ref } from 'vue';
import { mountComposable, settle } from '@/core/__tests__/mount-composable';
import { useAttachments } from '../composables/useAttachments';
import type { AttachmentPlace } from '../composables/sendFile';

const MB = 1024 * 1024;
const listOf = (usedBytes = 2 * MB) => ({
  data: {
    attachments: {
      __typename: 'AttachmentList',
      items: [
        {
          __typename: 'Attachment',
          id: '7',
          fileName: 'รายงานผล.pdf',
          mediaType: 'application/pdf',
          size: usedBytes,
          public: false,
          round: 'SIX_MONTHS',
          uploadedAt: '2024-05-02T03:00:00.000Z',
        },
      ],
      canEdit: true,
      usedBytes,
      quotaBytes: 200 * MB,
      maxFileBytes: 10 * MB,
    },
  },
});

/** A file of `size` bytes as the browser's file input gives it. */
const fileOf = (name: string, size: number) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

/** What POST /attachments answers, and what was sent to it. */
function answering(status: number, body: object) {
  const sent: Array<{ url: string; init: RequestInit }> = [];
  globalThis.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(url), init: init! });
    // What the composable reads of a response (jsdom has no Response of its own).
    return { ok: status < 300, status, json: async () => body } as Response;
  }) as typeof fetch;
  return sent;
}

async function open(place: AttachmentPlace, usedBytes?: number) {
  const mounted = mountComposable(() => useAttachments(ref(place)), { AttachmentList: () => listOf(usedBytes) });
  await settle();
  return mounted;
}

describe('useAttachments', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('lists the files of a report, as the server says', async () => {
    const { result, requests } = await open({ progressReportId: '41' });
    expect(requests).toEqual([{ operation: 'AttachmentList', variables: { progressReportId: '41' } }]);
    expect(result.list.value?.items.map((i) => i.fileName)).toEqual(['รายงานผล.pdf']);
    expect(result.list.value?.canEdit).toBe(true);
  });

  it('says a file over 10 MB is too large, naming it, without sending it', async () => {
    const sent = answering(200, { id: '8' });
    const { result } = await open({ progressReportId: '41' });
    expect(await result.upload(fileOf('สแกนทั้งเล่ม.pdf', 10 * MB + 1))).toBe(false);
    expect(sent).toEqual([]);
    expect(result.message.value).toBe(
      'ไฟล์ “สแกนทั้งเล่ม.pdf” มีขนาด 10 MB เกินกำหนด 10 MB ต่อไฟล์ กรุณาลดขนาดไฟล์ (เช่น สแกนที่ความละเอียดต่ำลง) หรือแบ่งเป็นหลายไฟล์',
    );
  });

  it('says the LAO’s room is full before sending a file that would not fit', async () => {
    const sent = answering(200, { id: '8' });
    const { result } = await open({ laoCode: '6800707', fiscalYear: 2567 }, 195 * MB);
    expect(await result.upload(fileOf('ภาพ.pdf', 6 * MB))).toBe(false);
    expect(sent).toEqual([]);
    expect(result.message.value).toContain('ใช้ไปแล้ว 195 MB จาก 200 MB');
  });

  it('tells a file the server found not to be a PDF, JPEG or PNG by its reason, in Thai', async () => {
    const sent = answering(415, { code: 'BAD_USER_INPUT', reason: 'WRONG_TYPE', message: 'ไฟล์นี้ไม่ใช่ PDF' });
    const { result } = await open({ progressReportId: '41' });
    expect(await result.upload(fileOf('report.pdf', 300))).toBe(false);
    expect(result.message.value).toMatch(/^ไฟล์ “report\.pdf” ไม่ใช่ PDF, JPEG หรือ PNG/);
    // The report first, then the file, with the header that marks the app's own request.
    const form = sent[0].init.body as FormData;
    expect([...form.keys()]).toEqual(['progressReportId', 'file']);
    expect(sent[0].init.headers).toEqual({ 'apollo-require-preflight': 'true' });
    expect(sent[0].url).toBe('/attachments');
  });

  it('shows the server’s own message for other refusals, and lists the file again after a success', async () => {
    answering(409, { code: 'ROUND_CLOSED', message: 'ขณะนี้ไม่อยู่ในช่วงเวลารายงานผลรอบ 6 เดือน' });
    const { result, requests } = await open({ progressReportId: '41' });
    expect(await result.upload(fileOf('a.pdf', 300))).toBe(false);
    expect(result.message.value).toBe('ขณะนี้ไม่อยู่ในช่วงเวลารายงานผลรอบ 6 เดือน');
    answering(200, { id: '8' });
    expect(await result.upload(fileOf('หลักฐาน.pdf', 300))).toBe(true);
    expect(result.message.value).toBe('');
    expect(result.done.value).toBe('แนบไฟล์ “หลักฐาน.pdf” แล้ว');
    expect(requests.filter((r) => r.operation === 'AttachmentList')).toHaveLength(2);
  });
});
