import type { Content } from 'pdfmake/interfaces';
import { renderPdf } from '../../server/src/core/pdf/pdf';
import { thaiDigits } from '../../server/src/core/pdf/thai-text';
import { DEMO_PASSWORDS, KHON_HAT } from '../../server/src/demo/demo-data';
import { KHON_HAT_2567 } from '../../server/src/demo/khon-hat-2567';
import { Role } from '../../server/src/modules/access/role';
import { LINE_WIDTH, sizesFrom } from '../../server/src/modules/export/document-parts';
import { dimensionTable } from '../../server/src/modules/export/overview.export';
import { EDGE_YEAR, LONG_NOTE, makeEdgeSet, MAX_SATANG, TOKEN, type EdgeLao } from '../fixtures/document-edge-set';
import { makeUser, PASSWORD } from '../fixtures/factories';
import { overlappingWords, pageSizes, wordBoxes, wordsOffPage, type PageBoxes } from '../support/pdf-boxes';
import { havePoppler, pdfInfo, pdfText, readBackAll, squash } from '../support/pdf-text';
import { demoDatabaseUrl } from './demo-database';
import { databases, signIn, TestServer, type GqlResult } from './harness';
import {
  DocumentOverviewDocument,
  DocumentPlanResultsDocument,
  DocumentProvinceScoresDocument,
  type DocumentOverviewQuery,
  type DocumentPlanResultsQuery,
  type DocumentProvinceScoresQuery,
} from '../gql/graphql';

/**
 * The four table documents (action plan, plan results, overview, province table) as an official prints
 * them, on the demo data and on the edge set (tests/fixtures/document-edge-set.ts): nothing dropped —
 * every project number and name in order, the totals equal to the rows printed; nothing overprinted or
 * off the page (word boxes from poppler); Bangkok and Pattaya named as they are; the text read back
 * alike by poppler, pdf.js and PDFium. Each document is rendered once per database and shared.
 */

const PORTRAIT = ['595x842'];
const LANDSCAPE = ['842x595'];

/** "999,999,999,999.99" of a number of satang, or of the API's decimal string. */
function baht(amount: number | string): string {
  const [whole, frac = '00'] = (
    typeof amount === 'number' ? `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}` : amount
  ).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0')}`;
}
const percent = (p: number) => (Math.round(p * 100) / 100).toFixed(2);

/** The printed text without what repeats on every page (the footer, the table's header), white space removed. */
function bodyText(pdf: Buffer, repeated: string[]): string {
  let text = squash(pdfText(pdf)).replace(/หน้า\d+\/\d+/g, '');
  for (const r of repeated) text = text.split(squash(r)).join('');
  return text;
}

/**
 * How far (letters) the next row may start from the end of the one before (a 2,000-letter note and a
 * repeated header lie between), and how many letters of other cells may come between the two parts of
 * a name that a page break split.
 */
const WINDOW = 5000;

/**
 * The pieces that are not found one after another in the text, each within WINDOW of the one before
 * (so "6 …ที่ 6" is not found in "66 …ที่ 66"). A row that a page break splits is drawn in two parts:
 * the rest of its cells come between the two parts of a piece.
 */
function missingInOrder(text: string, pieces: string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  const near = (found: number) => found >= 0 && found - at <= WINDOW;
  for (const raw of pieces) {
    const piece = squash(raw);
    // The earliest place the piece starts, whole or in two parts.
    let start = text.indexOf(piece, at);
    let end = near(start) ? start + piece.length : -1;
    if (end < 0) start = Infinity;
    for (let k = piece.length - 1; k > 0; k--) {
      const head = text.indexOf(piece.slice(0, k), at);
      if (!near(head) || head >= start) continue;
      const tail = text.indexOf(piece.slice(k), head + k);
      if (tail >= 0 && tail - (head + k) <= WINDOW) [start, end] = [head, tail + piece.length - k];
    }
    if (end < 0) missing.push(raw);
    else at = end;
  }
  return missing;
}

/** The amounts printed ("1,234.56" words), page by page, top to bottom, left to right: the rows' order. */
const amountsInOrder = (pages: PageBoxes[]) =>
  pages
    .flatMap((p) => p.words)
    .filter((w) => /^\d{1,3}(,\d{3})*\.\d\d$/.test(w.text))
    .sort((a, b) => a.page - b.page || Math.round(a.yMin) - Math.round(b.yMin) || a.xMin - b.xMin)
    .map((w) => w.text);

/** Every page A4 of the given orientation; no word overprinted or off its page. */
function expectClean(pages: PageBoxes[], sizes: string[]) {
  expect(pageSizes(pages)).toEqual(sizes);
  expect(overlappingWords(pages)).toEqual([]);
  expect(wordsOffPage(pages)).toEqual([]);
}

/** The same letters from pdf.js and PDFium as from poppler; the title shown, Thai declared. */
function expectReadAlike(pdf: Buffer, title: string) {
  const texts = readBackAll(pdf);
  expect(squash(texts.pdfjs)).toEqual(squash(texts.poppler));
  expect(squash(texts.pdfium)).toEqual(squash(texts.poppler));
  expect(pdfInfo(pdf)).toEqual({ title, language: 'th', displayDocTitle: true });
}

const PLAN_HEADER = ['ลำดับ รายการโครงการ (ตั้งต้น) มิติ งบประมาณ (บาท) ดำเนินการไตรมาส หมายเหตุ 1 2 3 4'];
const RESULTS_HEADER = [
  'ลำดับ รายการโครงการ (ตั้งต้น) มิติ งบประมาณ (บาท) เบิกจ่าย (บาท) สถานะ หมายเหตุ รอรายงาน อยู่ระหว่างดำเนินการ ดำเนินการแล้วเสร็จ ไม่สามารถดำเนินการได้',
];

(havePoppler ? describe.each(databases) : describe.skip.each(databases))('the table documents ($name)', ({ name: database, url }) => {
  let server: TestServer;
  const pdfs: Record<string, Buffer> = {};
  /** What the API answers for the documents, by the key of their PDF. */
  const results: Record<string, DocumentPlanResultsQuery['planResults']> = {};
  const overviews: Record<string, DocumentOverviewQuery['laoOverview']> = {};
  const provinces: Record<string, DocumentProvinceScoresQuery['provinceScores']> = {};
  let edge: { bangkok: EdgeLao; pattaya: EdgeLao };

  async function fetchPdf(key: string, path: string, token: string) {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect([path, res.status]).toEqual([path, 200]);
    pdfs[key] = Buffer.from(await res.arrayBuffer());
  }
  async function answered<R>(request: Promise<GqlResult<R>>): Promise<R> {
    const res = await request;
    expect(res.errors).toBeUndefined();
    return res.data!;
  }
  const planResults = async (lao: string, year: number, token: string) =>
    (await answered(server.gql(DocumentPlanResultsDocument, { lao, year }, { token }))).planResults;
  const overview = async (lao: string, year: number, round: 'SIX_MONTHS' | 'TWELVE_MONTHS', token: string) =>
    (await answered(server.gql(DocumentOverviewDocument, { lao, year, round }, { token }))).laoOverview;
  const provinceScores = async (province: string, year: number, token: string, district?: string) =>
    (await answered(server.gql(DocumentProvinceScoresDocument, { province, year, district }, { token }))).provinceScores;

  beforeAll(async () => {
    // The demo data, in a database of its own.
    server = await TestServer.start(await demoDatabaseUrl(database));
    const lao = await signIn(server, DEMO_PASSWORDS.lao.username, DEMO_PASSWORDS.lao.password);
    const krabi = await signIn(server, DEMO_PASSWORDS.provinceKrabi.username, DEMO_PASSWORDS.provinceKrabi.password);
    const k = KHON_HAT.code;
    await fetchPdf('demo-plan', `/export/action-plan.pdf?lao=${k}&year=2567&issuer=x`, lao);
    await fetchPdf('demo-results', `/export/plan-results.pdf?lao=${k}&year=2567&round=SIX_MONTHS`, lao);
    await fetchPdf('demo-overview', `/export/overview.pdf?lao=${k}&year=2567&round=SIX_MONTHS`, lao);
    await fetchPdf('demo-province', '/export/province.pdf?province=81&year=2563&round=SIX_MONTHS', krabi);
    results['demo-results'] = await planResults(k, 2567, lao);
    overviews['demo-overview'] = await overview(k, 2567, 'SIX_MONTHS', lao);
    provinces['demo-province'] = await provinceScores('81', 2563, krabi);
    await server.stop();

    // The edge set.
    server = await TestServer.start(url());
    edge = await makeEdgeSet(server.db);
    for (const [key, e] of Object.entries(edge)) {
      const token = await signIn(server, e.username, PASSWORD);
      const c = e.lao.code;
      await fetchPdf(`${key}-plan`, `/export/action-plan.pdf?lao=${c}&year=${EDGE_YEAR}&issuer=x`, token);
      await fetchPdf(`${key}-results`, `/export/plan-results.pdf?lao=${c}&year=${EDGE_YEAR}&round=SIX_MONTHS`, token);
      await fetchPdf(`${key}-overview`, `/export/overview.pdf?lao=${c}&year=${EDGE_YEAR}&round=SIX_MONTHS`, token);
      results[`${key}-results`] = await planResults(c, EDGE_YEAR, token);
      overviews[`${key}-overview`] = await overview(c, EDGE_YEAR, 'SIX_MONTHS', token);
    }
    const bangkokToken = await signIn(server, edge.bangkok.username, PASSWORD);
    const c = edge.bangkok.lao.code;
    await fetchPdf('bangkok-overview12', `/export/overview.pdf?lao=${c}&year=${EDGE_YEAR}&round=TWELVE_MONTHS`, bangkokToken);
    overviews['bangkok-overview12'] = await overview(c, EDGE_YEAR, 'TWELVE_MONTHS', bangkokToken);
    const admin = await makeUser(server.db, Role.ADMIN);
    const adminToken = await signIn(server, admin.username, PASSWORD);
    await fetchPdf('bangkok-province', `/export/province.pdf?province=10&year=${EDGE_YEAR}&round=SIX_MONTHS`, adminToken);
    await fetchPdf('chonburi-province', `/export/province.pdf?province=20&year=${EDGE_YEAR}&round=SIX_MONTHS`, adminToken);
    await fetchPdf('banglamung-province', `/export/province.pdf?province=20&year=${EDGE_YEAR}&round=SIX_MONTHS&district=2004`, adminToken);
    provinces['bangkok-province'] = await provinceScores('10', EDGE_YEAR, adminToken);
    provinces['chonburi-province'] = await provinceScores('20', EDGE_YEAR, adminToken);
    provinces['banglamung-province'] = await provinceScores('20', EDGE_YEAR, adminToken, '2004');
  }, 300_000);
  afterAll(() => server.stop());

  describe('the action plan (portrait)', () => {
    it('demo: all 49 projects in order with dimension and budget, ✓ for each quarter, the total of the rows', () => {
      const text = bodyText(pdfs['demo-plan'], PLAN_HEADER);
      expect(
        missingInOrder(
          text,
          KHON_HAT_2567.map((p, i) => `${i + 1} ${p.name}`),
        ),
      ).toEqual([]);
      const total = KHON_HAT_2567.reduce((sum, p) => sum + p.budget * 100, 0);
      expect(amountsInOrder(wordBoxes(pdfs['demo-plan']))).toEqual([...KHON_HAT_2567.map((p) => baht(p.budget * 100)), baht(total)]);
      expect(text).toContain(squash(`รวม 49 โครงการ ${baht(total)}`));
      expect(pdfText(pdfs['demo-plan'])).not.toContain('√');
      expect((pdfText(pdfs['demo-plan']).match(/✓/g) ?? []).length).toBeGreaterThanOrEqual(49);
      expectClean(wordBoxes(pdfs['demo-plan']), PORTRAIT);
    });

    it('edge: 200 projects in order, 2,000-letter notes whole across pages, the 300-letter token inside its cell, amounts whole', () => {
      const pdf = pdfs['bangkok-plan'];
      const text = bodyText(pdf, PLAN_HEADER);
      const projects = edge.bangkok.projects;
      expect(
        missingInOrder(
          text,
          projects.map((p) => `${p.no} ${p.name}`),
        ),
      ).toEqual([]);
      const total = projects.reduce((sum, p) => sum + (p.budget ?? 0), 0);
      expect(amountsInOrder(wordBoxes(pdf))).toEqual([...projects.map((p) => baht(p.budget ?? 0)), baht(total)]);
      expect(text).toContain(squash(`รวม 200 โครงการ ${baht(total)}`));
      expect(text.split(squash(LONG_NOTE)).length - 1).toBe(projects.filter((p) => p.no % 50 === 1).length);
      expect(text).toContain(squash(TOKEN));
      const pages = wordBoxes(pdf);
      expectClean(pages, PORTRAIT);
      // An amount is one word on one line, never wrapped or cut.
      expect(pages.flatMap((p) => p.words).filter((w) => w.text === baht(MAX_SATANG))).toHaveLength(5);
      expect(pages.flatMap((p) => p.words).some((w) => w.text === baht(total))).toBe(true);
    });

    it('Bangkok and Pattaya are named as they are: เขตคลองเตย กรุงเทพมหานคร (no จังหวัด); อำเภอบางละมุง จังหวัดชลบุรี', () => {
      const bangkok = squash(pdfText(pdfs['bangkok-plan']));
      expect(bangkok).toContain(squash('ของ กรุงเทพมหานคร เขตคลองเตย กรุงเทพมหานคร'));
      expect(bangkok).not.toContain('จังหวัด');
      expect(bangkok).not.toContain('อำเภอ');
      expect(squash(pdfText(pdfs['pattaya-plan']))).toContain(squash('ของ เมืองพัทยา อำเภอบางละมุง จังหวัดชลบุรี'));
      expectClean(wordBoxes(pdfs['pattaya-plan']), PORTRAIT);
    });
  });

  describe('plan results (landscape)', () => {
    const expectResults = (key: string) => {
      const r = results[key];
      const pdf = pdfs[key];
      const text = bodyText(pdf, RESULTS_HEADER);
      expect(
        missingInOrder(
          text,
          r.rows.map((row) => `${row.no} ${row.project.name}`),
        ),
      ).toEqual([]);
      const counts = [r.waiting, r.inProgress, r.done, r.cannotDo];
      expect(counts.reduce((a, b) => a + b, 0)).toBe(r.rows.length);
      const budget = r.rows.reduce((sum, row) => sum + Math.round(Number(row.budget) * 100), 0);
      const disbursed = r.rows.reduce((sum, row) => sum + Math.round(Number(row.disbursed) * 100), 0);
      expect(text).toContain(squash(`รวม ${r.rows.length} โครงการ ${baht(budget)} ${baht(disbursed)} ${counts.join(' ')}`));
      const amounts = [...r.rows.flatMap((row) => [baht(row.budget), baht(row.disbursed)]), baht(budget), baht(disbursed)];
      expect(amountsInOrder(wordBoxes(pdf)).slice(0, amounts.length)).toEqual(amounts);
      expect(text).toContain(squash(`จำนวน ${r.rows.length} โครงการ`));
      // One tick a reported project, none for one still to report (its tick is in the รอรายงาน column).
      expect((pdfText(pdf).match(/✓/g) ?? []).length).toBe(r.rows.length);
      for (const note of new Set(r.rows.map((row) => row.note).filter((n): n is string => !!n))) expect(text).toContain(squash(note));
      expectClean(wordBoxes(pdf), LANDSCAPE);
      return text;
    };

    it('demo: 49 projects in order, totals of the rows, the summary block; fewer pages than one per 8 projects', () => {
      const text = expectResults('demo-results');
      expect(text).toContain(squash('รวม 49 โครงการ 370,000.00 112,652.00 0 18 31 0'));
      expect(wordBoxes(pdfs['demo-results']).length).toBeLessThanOrEqual(Math.ceil(49 / 8));
      // The summary's heading is on the page of its lines.
      const last = pdfText(pdfs['demo-results'])
        .split('\f')
        .find((page) => page.includes('สรุปผลการขับเคลื่อนแผนฯ'))!;
      expect(squash(last)).toContain(squash('มีการนำแผนฯ ไปปฏิบัติ ระดับ'));
    });

    it('edge: 200 projects with 2,000-letter notes and problems, amounts of 999,999,999,999.99, all read back', () => {
      const text = expectResults('bangkok-results');
      expect(text).toContain(squash(LONG_NOTE));
      expect(text).toContain(squash(TOKEN));
      expect(squash(pdfText(pdfs['bangkok-results']))).toContain(squash('เขตคลองเตย กรุงเทพมหานคร'));
      expect(squash(pdfText(pdfs['bangkok-results']))).not.toContain('จังหวัด');
      expectResults('pattaya-results');
      expect(squash(pdfText(pdfs['pattaya-results']))).toContain(squash('อำเภอบางละมุง จังหวัดชลบุรี'));
    });
  });

  describe('the overview (landscape)', () => {
    const expectOverview = (key: string) => {
      const o = overviews[key];
      const s = o.status;
      expect(s.inProgress + s.done + s.cannotDo + s.waiting).toBe(s.total);
      const text = squash(pdfText(pdfs[key]));
      expect(text).toContain(squash(`รอรายงาน`));
      expect(text).toContain(
        squash(`${s.minimumCount ?? '-'} ${s.total} ${s.inOrdinance} ${s.inProgress} ${s.done} ${s.cannotDo} ${s.waiting}`),
      );
      const t = o.total;
      expect(text).toContain(
        squash(`รวม ${t.plannedProjects} ${t.doneProjects} ${baht(t.plannedBudget)} ${baht(t.ordinanceBudget)} ${baht(t.disbursed)}`),
      );
      expect(text).toContain(squash(`รวม 4 มิติ ${baht(t.plannedBudget)} ${baht(t.ordinanceBudget)} ${baht(t.disbursed)}`));
      expectClean(wordBoxes(pdfs[key]), LANDSCAPE);
    };

    it('demo: the status table with รอรายงาน; no table’s heading alone at the foot of a page', () => {
      expectOverview('demo-overview');
      for (const page of pdfText(pdfs['demo-overview'])
        .split('\f')
        .filter((p) => p.trim())) {
        const lines = page.trim().split('\n');
        const beforeFooter = lines[lines.length - 2] ?? '';
        expect(['การเบิกจ่ายงบประมาณ', '"สถานะโครงการ/กิจกรรม/มาตรการ"']).not.toContain(beforeFooter.trim());
      }
    });

    it('edge: sums of 999,999,999,999.99 fit every column; the twelve-month round, all still to report, adds up', () => {
      expectOverview('bangkok-overview');
      expectOverview('pattaya-overview');
      expectOverview('bangkok-overview12');
      expect(overviews['bangkok-overview12'].status.waiting).toBe(200);
      expect(squash(pdfText(pdfs['bangkok-overview']))).toContain(squash('กรุงเทพมหานคร เขตคลองเตย กรุงเทพมหานคร'));
    });
  });

  describe('the province table (portrait)', () => {
    const expectProvince = (key: string, heading: string) => {
      const r = provinces[key];
      const text = squash(pdfText(pdfs[key]));
      expect(text).toContain(squash(heading));
      const rows = r.rows.map((row, i) => `${i + 1} ${row.lao.name} ${row.districtName} ${percent(row.score)}`);
      expect(missingInOrder(bodyText(pdfs[key], []), rows)).toEqual([]);
      expect(r.high + r.medium + r.low).toBe(r.rows.length);
      expect(text).toContain(squash(`รวม ${r.rows.length} แห่ง: ระดับมาก ${r.high} แห่ง ระดับกลาง ${r.medium} แห่ง ระดับน้อย ${r.low} แห่ง`));
      expectClean(wordBoxes(pdfs[key]), PORTRAIT);
      return text;
    };

    it('demo (Krabi): every LAO in order, the level counts add up to the rows', () => {
      expectProvince('demo-province', 'จังหวัดกระบี่');
    });

    it('Bangkok: กรุงเทพมหานคร with no จังหวัด, its districts are เขต; a district named only when asked for', () => {
      const bangkok = expectProvince('bangkok-province', 'ระดับจังหวัด ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือน กรุงเทพมหานคร ลำดับ ชื่อ อปท. เขต');
      expect(bangkok).not.toContain('จังหวัดกรุงเทพมหานคร');
      const chonburi = expectProvince('chonburi-province', 'รอบ 6 เดือน จังหวัดชลบุรี ลำดับ');
      expect(chonburi).not.toContain('อำเภอบางละมุง');
      expectProvince('banglamung-province', 'รอบ 6 เดือน จังหวัดชลบุรี อำเภอบางละมุง ลำดับ');
    });
  });

  it('pdf.js and PDFium read the edge documents as poppler does; each shows its Thai title', () => {
    // Once: the text does not depend on the database (the demo documents: pdf-text-layer.test.ts).
    if (database !== 'sqlite') return;
    for (const key of ['bangkok-plan', 'bangkok-results', 'bangkok-overview', 'bangkok-province', 'pattaya-plan'])
      expectReadAlike(pdfs[key], pdfInfo(pdfs[key]).title!);
    expect(pdfInfo(pdfs['bangkok-plan']).title).toBe(`แผนปฏิบัติการป้องกันการทุจริต พ.ศ. ${EDGE_YEAR} ของ กรุงเทพมหานคร`);
  }, 120_000);
});

(havePoppler ? describe : describe.skip)('the per-dimension table of a memo (portrait, Thai digits)', () => {
  it('fits the widest Thai-digit amounts on a portrait page, nothing overprinted', async () => {
    // Amounts in satang, as the overview's model carries them.
    const amount = (d: number | null) => (d === null ? 4 * MAX_SATANG : MAX_SATANG);
    const dimension = (d: number | null) => ({
      dimension: d,
      plannedProjects: 50,
      doneProjects: 50,
      plannedBudget: amount(d),
      ordinanceBudget: amount(d),
      disbursed: amount(d),
      // 100.00 %, in hundredths as the overview carries percentages.
      projectPercent: 10000,
      budgetPercent: 10000,
    });
    const o = { dimensions: [1, 2, 3, 4].map(dimension), total: dimension(null) };
    const pdf = await renderPdf({ title: 'ตาราง' }, [
      dimensionTable(o, 'องค์การบริหารส่วนตำบลขอนหาด', { digits: thaiDigits, sizes: sizesFrom(11), line: LINE_WIDTH.portrait }),
    ] as Content);
    const pages = wordBoxes(pdf);
    expectClean(pages, PORTRAIT);
    expect(pages[0].words.filter((w) => w.text === thaiDigits('999,999,999,999.99'))).toHaveLength(12);
    expect(pages[0].words.filter((w) => w.text === thaiDigits('3,999,999,999,999.96'))).toHaveLength(3);
  });
});
