import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { ProgressReport } from '../../server/src/modules/progress-report/progress-report.entity';
import { refreshFigures } from '../../server/src/modules/scoring/figures.store';
import { LaoYearFigures } from '../../server/src/modules/scoring/lao-year-figures.entity';
import { Award, AwardKind } from '../../server/src/modules/lao/award.entity';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import { Project } from '../../server/src/modules/project/project.entity';
import { ReportRound, WorkStatus } from '../../server/src/modules/plan/report.enums';
import { RoundPublication } from '../../server/src/modules/public/round-publication.entity';
import { ReportingReopening } from '../../server/src/modules/reporting-window/reporting-window.entity';
import { DEMO_PASSWORDS, KHON_HAT } from '../../server/src/demo/demo-data';
import { KRABI_2563 } from '../../server/src/demo/khon-hat-2567';
import { EndReopeningOfRoundDocument, RoundPublicationsDocument, SetRoundPublicationDocument } from '../gql/graphql';
import { demoDatabaseUrl } from './demo-database';
import { codeOf, databases, signIn, TestServer } from './harness';

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

/** A cell's text, tags dropped. */
const text = (html: string) => html.replace(/<[^>]*>/g, '').trim();

/** The rows of a province's or a district's table as a reader sees them: LAO, district, raw score (null when withheld), level. */
function tableRows(html: string): Array<{ code: string; district: string; score: string | null; level: string | null }> {
  return html
    .split('<tr data-lao="')
    .slice(1)
    .map((row) => {
      const cells = [...row.split('</tr>')[0].matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((m) => text(m[1]));
      const score = /data-score="([\d.]+)"/.exec(row)?.[1] ?? null;
      return { code: row.slice(0, 7), district: cells[2], score, level: score === null ? null : cells[4] };
    });
}

/** The counts by level a table page states: [มาก, กลาง, น้อย]. */
const levelCounts = (html: string) =>
  /ระดับมาก ([\d,]+) แห่ง · ระดับกลาง ([\d,]+) แห่ง · ระดับน้อย ([\d,]+) แห่ง/
    .exec(html)!
    .slice(1)
    .map((n) => Number(n.replace(/,/g, '')));

/** The LAOs a search lists, by code. */
const foundCodes = (html: string) => [...html.matchAll(/<li data-lao="(\d{7})">/g)].map((m) => m[1]);

describe.each(databases)('the public pages, with no session ($name)', ({ name }) => {
  let server: TestServer;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
  /** The status of a GET, its body read (an unread body keeps the connection busy, and the server from stopping). */
  const statusOf = async (path: string, headers: Record<string, string> = {}) => {
    const res = await get(path, headers);
    await res.arrayBuffer();
    return res.status;
  };
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

  it('/public finds an LAO by part of its Thai name (อบต. written short too), by its code or the start of it, and by its district; no coordinator value', async () => {
    const search = async (q: string) => {
      const res = await get(`/public?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      return res.text();
    };
    const khonHat = await search('ขอนหาด');
    expect(foundCodes(khonHat)).toEqual([KHON_HAT.code]);
    expect(khonHat).toContain(`<a href="/public/lao/${KHON_HAT.code}/2567">องค์การบริหารส่วนตำบลขอนหาด</a>`);
    expect(khonHat).toContain('อำเภอชะอวด จังหวัดนครศรีธรรมราช');
    for (const value of Object.values(COORDINATOR)) expect([value, khonHat.includes(value)]).toEqual([value, false]);
    expect(foundCodes(await search('อบต.เทพา'))).toEqual(['6810453']);
    expect(foundCodes(await search('ต.เทพา'))).toEqual(['6810453']);
    expect(foundCodes(await search('6810453'))).toEqual(['6810453']);
    expect(foundCodes(await search('681045')).sort()).toEqual(['6810453', '6810454']);
    // A district's name: the district itself, and its LAOs (the year's registry).
    const district = await search('อำเภอคลองท่อม');
    expect(district).toContain('<a href="/public?district=8104&amp;year=2567">อำเภอคลองท่อม จังหวัดกระบี่</a>');
    expect(foundCodes(district).sort()).toEqual(['5810401', '5810404', '5810451', '5810452', '6810453', '6810454']);
    // Two words: both must be named (the LAO's name, its district's or province's).
    expect(foundCodes(await search('คลองขนิง กระบี่')).sort()).toEqual(['5810451', '5810452', '6810454']);
    // Within the province chosen.
    const krabi = await (await get(`/public?q=${encodeURIComponent('เขาพนม')}&province=81`)).text();
    expect(foundCodes(krabi).sort()).toEqual(['5810201', '6810201', '6810251', '6810252', '6810253', '6810254', '6810255']);
    expect(krabi).toContain('ผลการค้นหา “เขาพนม” ในจังหวัดกระบี่');
    expect(foundCodes(await (await get(`/public?q=${encodeURIComponent('ขอนหาด')}&province=81`)).text())).toEqual([]);
    // % and _ are looked for as themselves.
    const none = await search('%');
    expect(foundCodes(none)).toEqual([]);
    expect(none).toContain('ไม่พบ อปท. ที่ตรงกับคำค้น');
  });

  it('/public leads province → district → LAO by links, with the published rounds’ tables of each level', async () => {
    const home = await get('/public');
    expect(home.status).toBe(200);
    expect(home.headers.get('etag')).toMatch(/^".+"$/);
    const html = await home.text();
    expect(html).toContain('<option value="81">จังหวัดกระบี่</option>');
    // Past years are closed, so published; 2567's rounds are still open.
    expect(html).toContain(
      'ปีงบประมาณ พ.ศ. 2563: <a href="/public/national/2563/SIX_MONTHS">รอบ 6 เดือน</a> · <a href="/public/national/2563/TWELVE_MONTHS">รอบ 12 เดือน</a>',
    );
    expect(html).not.toContain('/public/national/2567/');

    const province = await (await get('/public?province=81&year=2563')).text();
    const districts = [...province.matchAll(/<a href="\/public\?district=(\d{4})&amp;year=2563">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(districts).toEqual([
      ['8103', 'อำเภอเกาะลันตา'],
      ['8102', 'อำเภอเขาพนม'],
      ['8104', 'อำเภอคลองท่อม'],
    ]);
    expect(province).toContain('<a href="/public/province/81/2563/SIX_MONTHS">รอบ 6 เดือน</a>');
    expect(province).toContain('<option value="81" selected>จังหวัดกระบี่</option>');

    const district = await (await get('/public?district=8104&year=2563')).text();
    expect(district).toContain('<a href="/public/lao/6810453/2563">องค์การบริหารส่วนตำบลเทพา</a>');
    expect(district).toContain('<a href="/public/district/8104/2563/TWELVE_MONTHS">รอบ 12 เดือน</a>');
    // Breadcrumbs back up: /public, then the province.
    expect(district).toContain(
      '<li><a href="/public">ข้อมูลเผยแพร่</a></li><li><a href="/public?province=81&amp;year=2563">จังหวัดกระบี่</a></li><li aria-current="page">อำเภอคลองท่อม</li>',
    );
    const lao = await (await get('/public/lao/6810453/2563')).text();
    expect(lao).toContain(
      '<li><a href="/public?district=8104&amp;year=2563">อำเภอคลองท่อม</a></li><li aria-current="page">องค์การบริหารส่วนตำบลเทพา</li>',
    );

    for (const [path, status, message] of [
      ['/public?province=8', 400, 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก'],
      ['/public?district=81041', 400, 'รหัสอำเภอต้องเป็นตัวเลข 4 หลัก'],
      ['/public?district=9999', 404, 'ไม่พบอำเภอรหัสนี้'],
      ['/public?province=99', 404, 'ไม่พบจังหวัดรหัสนี้'],
      ['/public?year=1999', 400, 'ปีงบประมาณต้องเป็นปี พ.ศ.'],
      [`/public?q=${encodeURIComponent('ก'.repeat(101))}`, 400, 'คำค้นต้องไม่เกิน 100 ตัวอักษร'],
      ['/public?q=a&q=b', 400, 'คำขอไม่ถูกต้อง'],
    ] as const) {
      const res = await get(path);
      expect([path, res.status, await res.text()]).toEqual([path, status, expect.stringContaining(message)]);
    }
  });

  it('a district’s table of a closed round is its rows of the province table, counted alike', async () => {
    const provincePage = await (await get('/public/province/81/2563/SIX_MONTHS')).text();
    const provinceRows = tableRows(provincePage);
    // The province page links each district's table.
    expect(provincePage).toContain('<a href="/public/district/8104/2563/SIX_MONTHS">อำเภอคลองท่อม</a>');
    let laos = 0;
    for (const [code, name] of [
      ['8102', 'เขาพนม'],
      ['8103', 'เกาะลันตา'],
      ['8104', 'คลองท่อม'],
    ]) {
      const res = await get(`/public/district/${code}/2563/SIX_MONTHS`);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toMatch(/^".+"$/);
      const html = await res.text();
      expect(html).toContain(`ระดับอำเภอ อำเภอ${name} จังหวัดกระบี่ ประจำปีงบประมาณ พ.ศ. 2563 รอบ 6 เดือน`);
      const rows = tableRows(html);
      expect(rows).toEqual(provinceRows.filter((r) => r.district === name));
      const count = (level: string) => rows.filter((r) => r.level === level).length;
      expect(levelCounts(html)).toEqual([count('มาก'), count('กลาง'), count('น้อย')]);
      laos += rows.length;
    }
    expect(laos).toBe(provinceRows.length);
    expect(await statusOf('/public/district/8007/2567/SIX_MONTHS')).toBe(404);
    const bad = await get('/public/district/81/2563/SIX_MONTHS');
    expect([bad.status, await bad.text()]).toEqual([400, 'รหัสอำเภอต้องเป็นตัวเลข 4 หลัก']);
  });

  it('the national table of a closed round: each province’s counts are its public table’s, the totals their sum', async () => {
    const res = await get('/public/national/2563/SIX_MONTHS');
    expect(res.status).toBe(200);
    const html = await res.text();
    const headers = [...html.split('</thead>')[0].matchAll(/<th>([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(headers.slice(0, 6)).toEqual(['จังหวัด', 'อปท.', 'รายงานผลแล้ว', 'ระดับมาก', 'ระดับกลาง', 'ระดับน้อย']);
    const rows = html
      .split('<tr data-province="')
      .slice(1)
      .map((row) => ({
        code: row.slice(0, row.indexOf('"')),
        cells: [...row.split('</tr>')[0].matchAll(/<td class="num">([\d,]+)<\/td>/g)].map((m) => Number(m[1].replace(/,/g, ''))),
      }));
    const total = rows.pop()!;
    expect(total.code).toBe('total');
    expect(rows.map((r) => r.code)).toEqual(expect.arrayContaining(['80', '81', '21']));
    const sum = rows.reduce(
      (acc, r) => acc.map((n, i) => n + r.cells[i]),
      total.cells.map(() => 0),
    );
    expect(total.cells).toEqual(sum);
    for (const { code, cells } of rows) {
      const page = await (await get(`/public/province/${code}/2563/SIX_MONTHS`)).text();
      const table = tableRows(page);
      const withheld = table.filter((r) => r.score === null).length;
      expect([code, cells[0], cells.slice(2, 5)]).toEqual([code, table.length, levelCounts(page)]);
      if (headers.length > 6) expect(cells[5]).toBe(withheld);
      else expect(withheld).toBe(0);
    }
    // Krabi's 19 LAOs: those of the manual's table with a project done or in progress reported, but the one the
    // round is reopened for (an earlier test), withheld.
    const reporting = KRABI_2563.filter((l) => l.done + l.inProgress > 0 && l.code !== '6810304').length;
    expect(rows.find((r) => r.code === '81')!.cells).toEqual([19, reporting, 10, 1, 7, 1]);
    expect(html).toContain('<a href="/open-data/2563/SIX_MONTHS/lao-scores-six-months.csv">CSV</a>');
    expect(await statusOf('/public/national/2567/SIX_MONTHS')).toBe(404);
  });

  it('the LAO page lists the awards of its fiscal year as the LAO’s basic data names them', async () => {
    await server.db.getRepository(Award).save([
      { laoCode: '6810453', fiscalYear: 2563, kind: AwardKind.OTHER, text: 'รางวัลองค์กรโปร่งใส' },
      { laoCode: '6810453', fiscalYear: 2563, kind: AwardKind.KPI, text: null },
      { laoCode: '6810453', fiscalYear: 2564, kind: AwardKind.OPDC, text: null },
    ]);
    const html = await (await get('/public/lao/6810453/2563')).text();
    expect(html).toContain('<h2>รางวัลที่ได้รับ ปีงบประมาณ พ.ศ. 2563</h2>\n<ul><li>พระปกเกล้า</li><li>อื่น ๆ: รางวัลองค์กรโปร่งใส</li></ul>');
    expect(html).not.toContain('กพร.');
    expect(await (await get('/public/lao/6810454/2563')).text()).toContain('ไม่มีรางวัลที่บันทึกไว้ในปีนี้');
  });

  it('ADMIN withdraws a round: it leaves every page and the open data (404 in Thai, ETags change), and comes back when published again', async () => {
    const admin = await signIn(server, DEMO_PASSWORDS.admin.username, DEMO_PASSWORDS.admin.password);
    const tables = [
      '/public/province/81/2563/TWELVE_MONTHS',
      '/public/district/8104/2563/TWELVE_MONTHS',
      '/public/national/2563/TWELVE_MONTHS',
      '/open-data/2563/TWELVE_MONTHS/datapackage.json',
      '/open-data/2563/TWELVE_MONTHS/lao-scores-twelve-months.csv',
      '/open-data/2563/TWELVE_MONTHS/lao-scores-twelve-months.json',
    ];
    const published = async () => Promise.all(tables.map(async (path) => [path, await statusOf(path)]));
    expect(await published()).toEqual(tables.map((path) => [path, 200]));
    const bodies = await Promise.all(tables.map(async (path) => (await get(path)).text()));
    const lao = await get('/public/lao/6810453/2563');
    const laoTag = lao.headers.get('etag')!;
    expect(await lao.text()).toContain('ผลการดำเนินงาน รอบ 12 เดือน');
    const before = await get('/public');
    const homeTag = before.headers.get('etag')!;
    await before.text();

    // A reason is required to withdraw, at most 500 characters; nothing is stored without one.
    const set = (published: boolean, reason?: string | null) =>
      server.gql(SetRoundPublicationDocument, { fiscalYear: 2563, round: 'TWELVE_MONTHS', published, reason }, { token: admin });
    for (const [reason, message] of [
      [undefined, 'กรุณาระบุเหตุผลที่ถอนการเผยแพร่'],
      ['   ', 'กรุณาระบุเหตุผลที่ถอนการเผยแพร่'],
      ['ก'.repeat(501), 'เหตุผลต้องไม่เกิน 500 ตัวอักษร'],
    ] as const) {
      const refused = await set(false, reason);
      expect([codeOf(refused), refused.errors?.[0].message]).toEqual(['BAD_USER_INPUT', message]);
    }
    expect(await server.db.getRepository(RoundPublication).countBy({ fiscalYear: 2563 })).toBe(0);

    const withdrawn = await set(false, 'พบข้อมูลคลาดเคลื่อน อยู่ระหว่างตรวจสอบ');
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.setRoundPublication).toMatchObject({ state: 'WITHDRAWN', reason: 'พบข้อมูลคลาดเคลื่อน อยู่ระหว่างตรวจสอบ' });
    for (const path of tables) {
      const res = await get(path);
      expect([path, res.status, await res.text()]).toEqual([path, 404, 'สำนักงาน ป.ป.ช. ถอนการเผยแพร่รอบการรายงานนี้แล้ว']);
    }
    const without = await get('/public/lao/6810453/2563', { 'if-none-match': laoTag });
    expect(without.status).toBe(200);
    const withoutHtml = await without.text();
    expect(withoutHtml).not.toContain('ผลการดำเนินงาน รอบ 12 เดือน');
    expect(withoutHtml).toContain('ผลการดำเนินงาน รอบ 6 เดือน');
    const home = await get('/public', { 'if-none-match': homeTag });
    expect(home.status).toBe(200);
    expect(await home.text()).not.toContain('/public/national/2563/TWELVE_MONTHS');
    const states = await server.gql(RoundPublicationsDocument, { fiscalYear: 2563 }, { token: admin });
    expect(states.data!.roundPublications).toEqual([
      { round: 'SIX_MONTHS', state: 'PUBLISHED', reason: null },
      { round: 'TWELVE_MONTHS', state: 'WITHDRAWN', reason: 'พบข้อมูลคลาดเคลื่อน อยู่ระหว่างตรวจสอบ' },
    ]);
    expect(
      (await server.gql(RoundPublicationsDocument, { fiscalYear: 2567 }, { token: admin })).data!.roundPublications.map((p) => p.state),
    ).toEqual(['NOT_CLOSED', 'NOT_CLOSED']);

    const again = await set(true);
    expect(again.data!.setRoundPublication).toMatchObject({ state: 'PUBLISHED', reason: null });
    expect(await published()).toEqual(tables.map((path) => [path, 200]));
    expect(await Promise.all(tables.map(async (path) => (await get(path)).text()))).toEqual(bodies);
    // The LAO page is as it was: the ETag held from before the withdrawal holds again.
    expect(await statusOf('/public/lao/6810453/2563', { 'if-none-match': laoTag })).toBe(304);
    const audit = server.db.getRepository(AuditLog);
    expect(await audit.countBy({ action: 'withdrawRound', targetId: '2563:TWELVE_MONTHS', actorUsername: 'admin' })).toBe(1);
    expect(await audit.countBy({ action: 'publishRound', targetId: '2563:TWELVE_MONTHS', actorUsername: 'admin' })).toBe(1);
  });

  it('refuses anyone but ADMIN the publication switch and its states, in Thai, and stores nothing', async () => {
    const officer = await signIn(server, DEMO_PASSWORDS.provinceKrabi.username, DEMO_PASSWORDS.provinceKrabi.password);
    const laoOfficer = await signIn(server, DEMO_PASSWORDS.lao.username, DEMO_PASSWORDS.lao.password);
    for (const [token, code] of [
      [officer, 'FORBIDDEN'],
      [laoOfficer, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const res = await server.gql(
        SetRoundPublicationDocument,
        { fiscalYear: 2564, round: 'SIX_MONTHS', published: false, reason: 'ทดสอบสิทธิ์' },
        token ? { token } : {},
      );
      expect([codeOf(res), res.data?.setRoundPublication ?? null]).toEqual([code, null]);
      expect(res.errors![0].message).toMatch(/[\u0E00-\u0E7F]/);
      const read = await server.gql(RoundPublicationsDocument, { fiscalYear: 2564 }, token ? { token } : {});
      expect(codeOf(read)).toBe(code);
    }
    expect(await server.db.getRepository(RoundPublication).countBy({ fiscalYear: 2564 })).toBe(0);
    expect(await statusOf('/public/province/81/2564/SIX_MONTHS')).toBe(200);
  });
  it('published figures never move: a report removed after the round closed changes the LAO’s own figures, not its public page, table or open data; reopened and closed again, the LAO alone is published anew', async () => {
    const code = '6810453';
    const page = async () => (await get(`/public/lao/${code}/2563`)).text();
    const tableScore = async () =>
      tableRows(await (await get('/public/province/81/2563/SIX_MONTHS')).text()).find((r) => r.code === code)?.score;
    const openDataScore = async () => {
      const body = (await (await get('/open-data/2563/SIX_MONTHS/lao-scores-six-months.json')).text()).replace(/^\uFEFF/, '');
      return (JSON.parse(body) as Array<{ lao_code: string; score: number | null }>).find((r) => r.lao_code === code)?.score;
    };
    const published = '= 26 ÷ โครงการตั้งต้น 75 = 34.67';
    expect(await tableScore()).toBe('34.67');
    // A change to the closed year behind the reporting window's back (as a late reduction or a baseline
    // set later would change it): one six-month DONE report fewer, the LAO's maintained figures remade.
    const reports = server.db.getRepository(ProgressReport);
    const report = await reports.findOneByOrFail({
      laoCode: code,
      fiscalYear: 2563,
      round: ReportRound.SIX_MONTHS,
      status: WorkStatus.DONE,
    });
    await reports.delete({ id: report.id });
    await refreshFigures(server.db.manager, [{ laoCode: code, fiscalYears: [2563] }]);
    expect(await server.db.getRepository(LaoYearFigures).findOneByOrFail({ laoCode: code, fiscalYear: 2563 })).toMatchObject({
      doneSix: 25,
    });
    expect(await page()).toContain(published);
    expect(await tableScore()).toBe('34.67');
    expect(await openDataScore()).toBe(34.67);
    // NACC reopens the round for the LAO: withheld while open; once it closes, the LAO's figures as they then stand are published.
    await server.db.getRepository(ReportingReopening).insert({
      laoCode: code,
      fiscalYear: 2563,
      round: ReportRound.SIX_MONTHS,
      openUntil: new Date(server.clock.now().getTime() + 3_600_000),
    });
    expect(await tableScore()).toBeNull();
    expect(await page()).not.toContain('ผลการดำเนินงาน รอบ 6 เดือน');
    server.clock.advance(2 * 3_600_000);
    expect(await tableScore()).toBe('33.33');
    expect(await page()).toContain('= 25 ÷ โครงการตั้งต้น 75 = 33.33');
    expect(await openDataScore()).toBe(33.33);
    // Every other LAO of the table kept what was published.
    expect(tableRows(await (await get('/public/province/81/2563/SIX_MONTHS')).text()).find((r) => r.code === '5810201')?.score).toBe(
      '121.43',
    );
  });
  it('a reopening ADMIN ends early publishes the LAO’s figures as they then stand, like one that runs out', async () => {
    const table = async () => tableRows(await (await get('/public/province/81/2563/SIX_MONTHS')).text());
    const asserted = new Set(['6810453', '5810201', '6810304']);
    const { code, score } = (await table()).find((r) => r.score !== null && Number(r.score) > 0 && !asserted.has(r.code))!;
    const reports = server.db.getRepository(ProgressReport);
    const done = await reports.findBy({ laoCode: code, fiscalYear: 2563, round: ReportRound.SIX_MONTHS, status: WorkStatus.DONE });
    expect(done.length).toBeGreaterThan(0);
    await server.db.getRepository(ReportingReopening).insert({
      laoCode: code,
      fiscalYear: 2563,
      round: ReportRound.SIX_MONTHS,
      openUntil: new Date(server.clock.now().getTime() + 3_600_000),
    });
    // While it is reopened the LAO corrects its report (one DONE fewer), then ADMIN ends the reopening at once.
    await reports.delete({ id: done[0].id });
    await refreshFigures(server.db.manager, [{ laoCode: code, fiscalYears: [2563] }]);
    server.clock.advance(60_000);
    const admin = await signIn(server, DEMO_PASSWORDS.admin.username, DEMO_PASSWORDS.admin.password);
    const ended = await server.gql(EndReopeningOfRoundDocument, { laoCode: code, fiscalYear: 2563, round: 'SIX_MONTHS' }, { token: admin });
    expect(ended.data).toEqual({ endReopening: true });
    server.clock.advance(1_000);
    const after = (await table()).find((r) => r.code === code)!;
    expect(after.score).not.toBeNull();
    expect(Number(after.score)).toBeLessThan(Number(score));
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
