import { renderPdf } from '../../server/src/core/pdf/pdf';
import { RenderPool, renderPool } from '../../server/src/core/pdf/render-pool';
import { DomainError } from '../../server/src/core/errors';
import { Role } from '../../server/src/modules/access/role';
import { makeLao, makeProject, makeUser, PASSWORD } from '../fixtures/factories';
import { databases, signIn, TestServer } from './harness';
import { ProvincesDocument } from '../gql/graphql';

const PROJECTS = 200;

/** PDFs render in worker threads: the server answers others meanwhile, refuses a flood as busy, survives a failure. */
describe.each(databases)('rendering PDFs off the event loop ($name)', ({ url }) => {
  let server: TestServer;
  let plan: string;
  let token: string;

  beforeAll(async () => {
    // one worker and room for two waiting: the limits are reached with few documents
    server = await TestServer.start(url(), { env: { RENDER_WORKERS: '1', RENDER_QUEUE: '2' } });
    const lao = await makeLao(server.db, { name: 'องค์การบริหารส่วนตำบลทดสอบการพิมพ์', provinceCode: '80', districtCode: '8007' });
    const officer = await makeUser(server.db, Role.LAO_OFFICER, { lao });
    token = await signIn(server, officer.username, PASSWORD);
    for (let i = 0; i < PROJECTS; i++) {
      await makeProject(server.db, lao, {
        name: `โครงการส่งเสริมคุณธรรมจริยธรรมและความโปร่งใสในการบริหารงานขององค์กรปกครองส่วนท้องถิ่น ครั้งที่ ${i + 1}`,
        dimension: 1 + (i % 4),
        budget: 123_456_789 + i,
        quarters: [1 + (i % 4)],
        note: 'ดำเนินการร่วมกับหน่วยงานในพื้นที่และภาคประชาชน '.repeat(8), // long notes: each plan takes most of a second to render
      });
    }
    plan = `/export/action-plan.pdf?lao=${lao.code}&year=2567&issuer=${encodeURIComponent('นายทดสอบ')}`;
    // the worker's first document loads its fonts and dictionary: not what is measured here
    expect((await get(plan)).status).toBe(200);
  }, 240_000);
  afterAll(() => server.stop());

  const get = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  it('answers a cheap request while 200-project plans render', async () => {
    let printed = 0;
    const printing = [1, 2, 3].map(() =>
      get(plan).then(async (res) => {
        await res.arrayBuffer();
        printed++;
        return res.status;
      }),
    );
    // all three have reached the renderer: one renders, two wait
    await until(() => renderPool().stats().rendering === 1 && renderPool().stats().waiting === 2);
    const cheap = await server.gql(ProvincesDocument);
    expect(cheap.status).toBe(200);
    expect(cheap.data!.provinces).toHaveLength(77);
    // answered while the first plan was still being rendered
    expect([printed, renderPool().stats().rendering]).toEqual([0, 1]);
    expect(await Promise.all(printing)).toEqual([200, 200, 200]);
  });

  it('answers a flood of documents "busy" (503, Retry-After, Thai) rather than queueing without end, then prints again', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        get(plan).then(async (res) => ({
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          body: Buffer.from(await res.arrayBuffer()),
        })),
      ),
    );
    const busy = answers.filter((a) => a.status === 503);
    const printed = answers.filter((a) => a.status === 200);
    expect(busy.length + printed.length).toBe(answers.length);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(printed.length).toBeGreaterThanOrEqual(3); // one rendering and two waiting at any time
    for (const a of busy) {
      expect(a.retryAfter).toBe('10');
      expect(a.body.toString()).toBe('ขณะนี้มีการสร้างเอกสารจำนวนมาก กรุณาลองใหม่อีกครั้งในอีกสักครู่');
    }
    for (const a of printed) expect(a.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(renderPool().stats()).toMatchObject({ rendering: 0, waiting: 0 });
    expect((await get(plan)).status).toBe(200);
  });

  it('turns a document the worker cannot render into a Thai error, and the next document prints', async () => {
    const failed = await renderPdf({ title: 'เอกสารที่ใช้แบบอักษรที่ไม่มี' }, { text: 'ทดสอบ', font: 'NoSuchFont' }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(DomainError);
    expect((failed as DomainError).code).toBe('INTERNAL_SERVER_ERROR');
    expect((failed as DomainError).message).toMatch(/^สร้างเอกสาร PDF ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง/);
    const next = await get(plan);
    expect(next.status).toBe(200);
    expect(
      Buffer.from(await next.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('refuses a document holding a function before it reaches a worker', async () => {
    const content = { table: { body: [['ก']] }, layout: { hLineWidth: () => 1 } };
    await expect(renderPdf({ title: 'ตาราง' }, content as never)).rejects.toThrow('document.content.layout.hLineWidth is a function');
  });
});

describe('a render worker that takes too long', () => {
  it('is stopped: that document gets a Thai error, the cause is logged, and the next document gets a new worker', async () => {
    const logged: Error[] = [];
    const pool = new RenderPool({ workers: 1, queue: 1, timeoutMs: 8_000 }, (err) => logged.push(err));
    try {
      // far more than eight seconds of layout
      const endless = Array.from({ length: 100_000 }, (_, i) => ({ text: `บรรทัดที่ ${i} ของเอกสารที่ยาวเกินกว่าจะพิมพ์ได้ทัน` }));
      const failed = await pool.render({ info: { title: 'ยาวเกินไป' }, content: endless, styles: {} }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(DomainError);
      expect((failed as DomainError).message).toMatch(/^สร้างเอกสาร PDF ไม่สำเร็จ/);
      expect(logged.map((e) => e.message)).toEqual(['the render took longer than 8000 ms']);
      const next = await pool.render({ info: { title: 'สั้น' }, content: [{ text: 'เอกสารสั้น' }], styles: {} });
      expect(next.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pool.stats()).toEqual({ rendering: 0, waiting: 0, workers: 1 });
    } finally {
      await pool.close();
    }
  }, 60_000);
});
