import { Lao } from '../../server/src/modules/lao/lao.entity';
import { Project } from '../../server/src/modules/project/project.entity';
import { ReportRound } from '../../server/src/modules/plan/report.enums';
import { ReportingReopening } from '../../server/src/modules/reporting-window/reporting-window.entity';
import { KHON_HAT } from '../../server/src/demo/demo-data';
import { demoDatabaseUrl } from './demo-database';
import { databases, TestServer } from './harness';

/** The demo LAO's coordinator, set here: the public pages must show none of it (PDPA). */
const COORDINATOR = {
  coordinatorName: 'นางสาวทดสอบ ผู้ประสานงาน',
  coordinatorPosition: 'นักวิเคราะห์นโยบายและแผนชำนาญการ',
  coordinatorDepartment: 'สำนักปลัดทดสอบ',
  coordinatorPhone: '075-000-111',
  coordinatorMobile: '081-234-5678',
  coordinatorFax: '075-000-112',
  coordinatorEmail: 'coordinator.khonhat@example.org',
};
const PRIVATE_NOTE = 'บันทึกภายในของเจ้าหน้าที่ห้ามเผยแพร่';

describe.each(databases)('the public pages, with no session ($name)', ({ name }) => {
  let server: TestServer;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
  beforeAll(async () => {
    server = await TestServer.start(await demoDatabaseUrl(name, 'public'));
    await server.db.getRepository(Lao).update({ code: KHON_HAT.code }, COORDINATOR);
    await server.db.getRepository(Project).update({ laoCode: KHON_HAT.code, seq: 1 }, { note: PRIVATE_NOTE });
  });
  afterAll(() => server.stop());

  it('the memo’s LAO, 2567: its plan, no round (both still open), no coordinator value, no note', async () => {
    const res = await get(`/public/lao/${KHON_HAT.code}/2567`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('องค์การบริหารส่วนตำบลขอนหาด');
    expect(html).toContain('แผนปฏิบัติการป้องกันการทุจริต (49 โครงการ)');
    expect(html).toContain('ยังไม่มีรอบการรายงานที่ปิดแล้ว');
    expect(html).not.toContain('ที่มาของคะแนน');
    for (const value of [...Object.values(COORDINATOR), PRIVATE_NOTE]) expect([value, html.includes(value)]).toEqual([value, false]);
  });

  it('Krabi 2563 (past, so closed): each round with its score, level and ที่มาของคะแนน; cached by ETag', async () => {
    const res = await get('/public/lao/6810453/2563');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('องค์การบริหารส่วนตำบลเทพา');
    expect(html).toContain('ผลการดำเนินงาน รอบ 6 เดือน');
    expect(html).toContain('ที่มาของคะแนน: ดำเนินการแล้วเสร็จ 26 × 1 + อยู่ระหว่างดำเนินการ 0 × 0.5 = 26 ÷ โครงการตั้งต้น 75 = 34.67 ระดับกลาง');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(res.headers.get('cache-control')).toContain('public');
    const again = await get('/public/lao/6810453/2563', { 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it('withdraws a round NACC reopens for the LAO: the page changes, so the old ETag no longer matches', async () => {
    const before = await get('/public/lao/6810304/2563');
    const etag = before.headers.get('etag')!;
    expect(await before.text()).toContain('ผลการดำเนินงาน รอบ 6 เดือน');
    await server.db
      .getRepository(ReportingReopening)
      .insert({ laoCode: '6810304', fiscalYear: 2563, round: ReportRound.SIX_MONTHS, openUntil: new Date(Date.now() + 86_400_000) });
    const after = await get('/public/lao/6810304/2563', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    const html = await after.text();
    expect(html).not.toContain('ผลการดำเนินงาน รอบ 6 เดือน');
    expect(html).toContain('ผลการดำเนินงาน รอบ 12 เดือน');
  });

  it('refuses what is not there, in Thai', async () => {
    const bad = await get('/public/lao/abc/2567');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('รหัส อปท. ต้องเป็นตัวเลข 7 หลัก');
    const year = await get(`/public/lao/${KHON_HAT.code}/1999`);
    expect(year.status).toBe(400);
    expect(await year.text()).toContain('ปีงบประมาณต้องเป็นปี พ.ศ.');
    const none = await get('/public/lao/9999999/2567');
    expect(none.status).toBe(404);
    expect(await none.text()).toContain('ไม่พบ อปท. รหัสนี้');
  });
});
