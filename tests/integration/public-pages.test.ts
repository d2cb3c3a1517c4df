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

  it('the province table of Krabi, 2563, six months: the figures of the officers’ table, each with ที่มาของคะแนน; a reopened LAO withheld', async () => {
    const res = await get('/public/province/81/2563/SIX_MONTHS');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('จังหวัดกระบี่ ประจำปีงบประมาณ พ.ศ. 2563 รอบ 6 เดือน');
    // One row per LAO: its code, and its raw and shown score when it has one.
    const scores = Object.fromEntries(
      html
        .split('<tr data-lao="')
        .slice(1)
        .map((row) => [row.slice(0, 7), /data-score="([\d.]+)">([^<]+)</.exec(row)?.slice(1)]),
    );
    expect(scores['5810201']).toEqual(['121.43', '100.00*']);
    expect(scores['6810453']).toEqual(['34.67', '34.67']);
    expect(html).toContain('<a href="/public/lao/6810453/2563">องค์การบริหารส่วนตำบลเทพา</a>');
    expect(html).toContain('= 26 ÷ โครงการตั้งต้น 75 = 34.67 ระดับกลาง');
    // 6810304 was reopened for its six months above: listed without a score, not counted (11 มาก less one).
    expect(scores['6810304']).toBeUndefined();
    expect(html).toContain('เปิดให้รายงานเพิ่มเติม ยังไม่เผยแพร่คะแนน');
    expect(html).toContain('ระดับมาก 10 แห่ง · ระดับกลาง 1 แห่ง · ระดับน้อย 7 แห่ง');
    expect(res.headers.get('etag')).toMatch(/^".+"$/);
  });

  it('does not publish a round that is still open (2567 has a window without end)', async () => {
    const res = await get('/public/province/80/2567/SIX_MONTHS');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('รอบการรายงานนี้ยังไม่ปิด จึงยังไม่เผยแพร่');
    const round = await get('/public/province/81/2563/NINE_MONTHS');
    expect(round.status).toBe(400);
    expect(await round.text()).toContain('รอบการรายงานต้องเป็น');
  });

  it('open data of 2563, six months: a valid package whose CSV (UTF-8 with BOM) and JSON equal the province table', async () => {
    const pkgRes = await get('/open-data/2563/SIX_MONTHS/datapackage.json');
    expect(pkgRes.status).toBe(200);
    const pkg = (await pkgRes.json()) as {
      profile: string;
      name: string;
      licenses: Array<{ name: string }>;
      resources: Array<{
        name: string;
        path: string;
        format: string;
        schema: { fields: Array<{ name: string; type: string; description: string }> };
      }>;
    };
    // The Data Package's own rules: a lower-case name, a licence, resources with a path and a schema of typed fields.
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
    expect(pkg.licenses[0].name).toBeTruthy();
    expect(pkg.resources.map((r) => [r.format, r.path])).toEqual([
      ['csv', 'lao-scores-six-months.csv'],
      ['json', 'lao-scores-six-months.json'],
    ]);
    const fields = pkg.resources[0].schema.fields;
    for (const f of fields) {
      expect(['string', 'integer', 'number']).toContain(f.type);
      expect(f.description).toMatch(/[\u0E00-\u0E7F]/);
    }

    const csvBytes = Buffer.from(await (await get(`/open-data/2563/SIX_MONTHS/${pkg.resources[0].path}`)).arrayBuffer());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = csvBytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(header.split(',')).toEqual(fields.map((f) => f.name));
    const json = JSON.parse(
      (await (await get(`/open-data/2563/SIX_MONTHS/${pkg.resources[1].path}`)).text()).replace(/^\uFEFF/, ''),
    ) as Array<Record<string, unknown>>;
    expect(json).toHaveLength(lines.length);

    // Krabi's rows are the province page's, LAO by LAO (6810304 withheld while reopened, as there).
    const page = await (await get('/public/province/81/2563/SIX_MONTHS')).text();
    const shown = Object.fromEntries(
      page
        .split('<tr data-lao="')
        .slice(1)
        .map((row) => [row.slice(0, 7), /data-score="([\d.]+)">([^<]+)</.exec(row)?.slice(1) ?? null]),
    );
    const krabi = json.filter((r) => r.province_code === '81');
    // In the page's order (by district, then name, in Thai); an object's keys of digits would be in numeric order.
    const order = page
      .split('<tr data-lao="')
      .slice(1)
      .map((row) => row.slice(0, 7));
    expect(krabi.map((r) => r.lao_code)).toEqual(order);
    for (const r of krabi)
      expect([r.lao_code, r.score === null ? null : [(r.score as number).toFixed(2), r.shown_score]]).toEqual([
        r.lao_code,
        shown[r.lao_code as string],
      ]);
    const khaoPhanom = json.find((r) => r.lao_code === '5810201')!;
    expect(khaoPhanom).toMatchObject({
      done: 17,
      in_progress: 0,
      denominator: 14,
      denominator_kind: 'baseline',
      score: 121.43,
      shown_score: '100.00*',
      level: 'HIGH',
    });
    expect(lines.find((l) => l.startsWith('5810201,'))).toContain(',121.43,100.00*,HIGH,');
    // No personal data in the files.
    for (const value of Object.values(COORDINATOR)) expect(csvBytes.toString('utf8')).not.toContain(value);
    expect((await get('/open-data/2567/SIX_MONTHS/datapackage.json')).status).toBe(404);
    expect((await get('/open-data/2563/SIX_MONTHS/other.csv')).status).toBe(404);
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

describe('the public pages under a flood from one address (embedded database)', () => {
  it('answer 429 in Thai with Retry-After once the address has spent RATE_LIMIT_PUBLIC_ADDRESS, open data costing more', async () => {
    const server = await TestServer.start(databases[0].url(), { env: { RATE_LIMIT_PUBLIC_ADDRESS: '21/1m' } });
    try {
      const get = (path: string) => fetch(`${server.url}${path}`);
      // Open data reads the whole country: one file costs 20 of the 21.
      expect((await get('/open-data/2563/SIX_MONTHS/datapackage.json')).status).toBe(200);
      expect((await get('/public/lao/6810453/2563')).status).not.toBe(429);
      const refused = await get('/public/lao/6810453/2563');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.text()).toBe('มีการเรียกบ่อยเกินกำหนด กรุณาลองใหม่ภายหลัง');
      expect((await get('/open-data/2563/SIX_MONTHS/lao-scores-six-months.csv')).status).toBe(429);
    } finally {
      await server.stop();
    }
  });
});
