import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Content } from 'pdfmake/interfaces';
import { renderPdf } from '../../server/src/core/pdf/pdf';
import { breakThaiWords } from '../../server/src/core/pdf/thai-text';
import { Role } from '../../server/src/modules/access/role';
import { ReportRound } from '../../server/src/modules/plan/report.enums';
import { DEFAULT_THRESHOLDS, score } from '../../server/src/modules/scoring/scoring';
import { DEMO_LAOS, DEMO_PASSWORDS, KHON_HAT } from '../../server/src/demo/demo-data';
import { KHON_HAT_2567 } from '../../server/src/demo/khon-hat-2567';
import { makeLao, makeProject, makeUser, PASSWORD } from '../fixtures/factories';
import {
  breaksInsideWords,
  havePoppler,
  occurrences,
  PDF_ENGINES,
  pdfInfo,
  pdfiumFind,
  pdfText,
  readBackAll,
  squash,
  toUnicodeProblems,
  wordsBrokenAcrossLines,
  type PdfEngine,
} from '../support/pdf-text';
import { demoDatabaseUrl } from './demo-database';
import { signIn, TestServer } from './harness';

/**
 * The text layer of the printed documents as the viewers officials use read it: poppler, pdf.js
 * (Firefox, web viewers) and PDFium (Chrome, Edge) must all give back exactly what was printed, and
 * a strict parser must accept the ToUnicode maps. Lines break only between words. The database does
 * not change what is drawn: these run on the embedded one.
 */

const GEOGRAPHY = path.join(__dirname, '..', '..', 'server', 'data', 'geography');
const rows = (file: string) => JSON.parse(fs.readFileSync(path.join(GEOGRAPHY, file), 'utf8')) as Array<Record<string, any>>;
/** The Thai words of a name (สุไหงโก-ลก has two). */
const parts = (name: string) => name.split(/[^\u0E01-\u0E4E]+/).filter((p) => p.length > 1);
const byEngine = <T>(f: (engine: PdfEngine) => T) => Object.fromEntries(PDF_ENGINES.map((e) => [e, f(e)]));
/** A mark (upper or lower vowel, tone mark…) that starts a line: a letter parted from its marks. */
const MARK_AT_LINE_START = /(^|\n)[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

/** What every document must satisfy: the same letters in every engine, each name found, valid CMaps, Thai, its title shown. */
function expectReadBackEverywhere(pdf: Buffer, names: string[], title: string) {
  const texts = readBackAll(pdf);
  expect(byEngine((e) => names.filter((n) => !squash(texts[e]).includes(squash(n))))).toEqual(byEngine(() => []));
  expect(byEngine((e) => squash(texts[e]))).toEqual(byEngine(() => squash(texts.poppler)));
  expect(toUnicodeProblems(pdf)).toEqual([]);
  expect(pdfInfo(pdf)).toEqual({ title, language: 'th', displayDocTitle: true });
  expect(texts.poppler).not.toMatch(/[\u200B\uFFFD]/);
  expect(texts.poppler).not.toMatch(MARK_AT_LINE_START);
  return texts;
}

(havePoppler ? describe : describe.skip)('the documents’ text layer in poppler, pdf.js and PDFium (demo data, SQLite)', () => {
  const DOCUMENTS: Record<string, string> = {
    'action-plan': `/export/action-plan.pdf?lao=${KHON_HAT.code}&year=2567&issuer=${encodeURIComponent('นางสาวอนุศาสน์ อภัยรัตน์')}`,
    'plan-results': `/export/plan-results.pdf?lao=${KHON_HAT.code}&year=2567&round=SIX_MONTHS`,
    overview: `/export/overview.pdf?lao=${KHON_HAT.code}&year=2567&round=SIX_MONTHS`,
    memo: `/export/memo.pdf?lao=${KHON_HAT.code}&year=2567&round=SIX_MONTHS&ref=x`,
    province: '/export/province.pdf?province=81&year=2563&round=SIX_MONTHS',
  };
  let server: TestServer;
  let token: string;
  const get = async (url: string, as: string) => {
    const res = await fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${as}` } });
    expect([url, res.status]).toEqual([url, 200]);
    return Buffer.from(await res.arrayBuffer());
  };
  const pdfs: Record<string, Buffer> = {};
  // Every document is fetched first: reading back takes longer than the server keeps an idle connection.
  beforeAll(async () => {
    server = await TestServer.start(await demoDatabaseUrl('sqlite'));
    token = await signIn(server, DEMO_PASSWORDS.lao.username, DEMO_PASSWORDS.lao.password);
    const krabi = await signIn(server, DEMO_PASSWORDS.provinceKrabi.username, DEMO_PASSWORDS.provinceKrabi.password);
    for (const [name, url] of Object.entries(DOCUMENTS)) pdfs[name] = await get(url, name === 'province' ? krabi : token);
  }, 60_000);
  afterAll(() => server.stop());

  it('the action plan of อบต.ขอนหาด: all 49 project names and every "ที่" read back and found alike in the three engines', () => {
    const pdf = pdfs['action-plan'];
    const names = KHON_HAT_2567.map((p) => p.name);
    expect(names).toHaveLength(49);
    const texts = expectReadBackEverywhere(pdf, names, 'แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2567 ของ องค์การบริหารส่วนตำบลขอนหาด');
    const inNames = names.reduce((n, name) => n + occurrences(name, 'ที่'), 0);
    const found = occurrences(texts.poppler, 'ที่');
    expect(found).toBeGreaterThanOrEqual(inNames);
    expect(byEngine((e) => occurrences(texts[e], 'ที่'))).toEqual(byEngine(() => found));
    // Chrome's and Edge's find bar: PDFium's own search.
    expect(pdfiumFind(pdf, ['ที่', 'ส่วน', 'ขอนหาด', 'น้ำ', 'ดำเนินการ'])).toEqual(
      ['ที่', 'ส่วน', 'ขอนหาด', 'น้ำ', 'ดำเนินการ'].map((word) => occurrences(texts.poppler, word)),
    );
    expect(wordsBrokenAcrossLines(texts.poppler, ['ขอนหาด', 'ท้องถิ่น', 'ผู้บริหาร', 'งบประมาณ', 'ธรรมาภิบาล', 'ดำเนินการ'])).toEqual([]);
    expect(breaksInsideWords(texts.poppler, names)).toEqual([]);
  }, 60_000);

  it.each(['plan-results', 'overview', 'memo'])(
    '%s.pdf reads back alike in the three engines, with valid CMaps, /Lang th and its title shown',
    (name) => {
      const pdf = pdfs[name];
      const title = pdfInfo(pdf).title!;
      expect(title).toContain('ขอนหาด');
      expectReadBackEverywhere(pdf, ['องค์การบริหารส่วนตำบลขอนหาด'], title);
    },
    60_000,
  );

  it('the overview ends with ที่มาของคะแนน as the scoring module writes it, read back by pdftotext (266.67 → แสดง 100.00*)', () => {
    const explanation = score(31, 18, 15, DEFAULT_THRESHOLDS[ReportRound.SIX_MONTHS], true).explanation;
    expect(explanation).toContain('= 40 ÷ โครงการขั้นต่ำ 15 = 266.67 → แสดง 100.00*');
    const text = pdfText(pdfs.overview);
    expect(squash(text)).toContain(squash(`ที่มาของคะแนน: ${explanation}`));
  }, 60_000);

  it('the province table of Krabi: every LAO’s name whole on its lines, known to the geography or not, read alike', () => {
    const pdf = pdfs.province;
    const laos = DEMO_LAOS.filter((l) => l.provinceCode === '81').map((l) => l.name);
    const texts = expectReadBackEverywhere(pdf, laos, pdfInfo(pdf).title!);
    const ownNames = laos.map((n) => n.replace(/^(องค์การบริหารส่วนตำบล|เทศบาลตำบล)/, ''));
    expect(wordsBrokenAcrossLines(texts.poppler, [...ownNames, 'องค์การบริหารส่วนตำบล', 'เทศบาลตำบล'])).toEqual([]);
  }, 60_000);
});

(havePoppler ? describe : describe.skip)('an edge set: long Thai names, a name the geography does not know (SQLite)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(`sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-pdftext-')), 'db.sqlite')}`);
  }, 60_000);
  afterAll(() => server.stop());

  const LONG = [
    'โครงการส่งเสริมการมีส่วนร่วมของประชาชนในการเฝ้าระวังและต่อต้านการทุจริตคอร์รัปชันในพื้นที่ตำบลฝั่งแดงน้ำล้นซ้ำซากและหมู่บ้านปี่ฟื้นฟูที่ประสบภัยน้ำท่วม'.repeat(2),
    'กิจกรรมอบรมเชิงปฏิบัติการเรื่องผลประโยชน์ทับซ้อนสำหรับผู้บริหารท้องถิ่นสมาชิกสภาท้องถิ่นพนักงานส่วนตำบลและลูกจ้างตามหลักธรรมาภิบาลและข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ',
    'มาตรการ "ป้องกันการรับสินบน" ที่ดำเนินการร่วมกับเครือข่ายภาคประชาชนฯ ของตำบลเกาะกลาง อำเภอเกาะลันตา จังหวัดกระบี่ และตำบลคลองยาง',
  ];

  it('prints an LAO named after no subdistrict, and 300-letter project names, read alike and unbroken inside words', async () => {
    const lao = await makeLao(server.db, { name: 'องค์การบริหารส่วนตำบลศรีสุนทรพัฒนาเหนือ', provinceCode: '81', districtCode: '8103' });
    const officer = await makeUser(server.db, Role.LAO_OFFICER, { lao });
    const token = await signIn(server, officer.username, PASSWORD);
    for (const name of LONG) await makeProject(server.db, lao, { name, fiscalYears: [2567] });
    const res = await fetch(`${server.url}/export/action-plan.pdf?lao=${lao.code}&year=2567&issuer=x`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    const texts = expectReadBackEverywhere(pdf, [lao.name, ...LONG], `แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2567 ของ ${lao.name}`);
    expect(LONG[0].length).toBeGreaterThan(250);
    expect(wordsBrokenAcrossLines(texts.poppler, ['ศรีสุนทรพัฒนาเหนือ', 'เกาะกลาง', 'คลองยาง', 'เกาะลันตา', 'ธรรมาภิบาล', 'ผู้บริหาร'])).toEqual([]);
    expect(breaksInsideWords(texts.poppler, LONG)).toEqual([]);
  }, 60_000);
});

(havePoppler ? describe : describe.skip)('place names in narrow columns (a test document)', () => {
  const provinces = rows('provinces.json');
  const FEW = new Set([34, 50, 80, 81]); // อุบลราชธานี, เชียงใหม่, นครศรีธรรมราช, กระบี่
  const districts = rows('districts.json').filter((d) => FEW.has(d.provinceCode));
  const subdistricts = rows('subdistricts.json').filter((s) => FEW.has(s.provinceCode));
  // Each column holds the longest name it lists (พระนครศรีอยุธยา 102 pt, เมืองนครศรีธรรมราช 119 pt,
  // นิคมสร้างตนเองลำโดมน้อย 153 pt at 14 pt) and little more: lines wrap at nearly every name.
  const table = (width: number, lines: string[]): Content => ({
    table: { widths: [width], body: [[{ text: breakThaiWords(lines.join(' ')) }]] },
    margin: [0, 0, 0, 8],
  });

  it('every province, and the districts and subdistricts of four, break only between words; the letters read alike', async () => {
    const provinceNames = provinces.map((p) => p.provinceNameTh as string);
    const districtNames = districts.map((d) => d.districtNameTh as string);
    const subdistrictNames = subdistricts.map((s) => s.subdistrictNameTh as string);
    const content: Content = [
      table(
        112,
        provinceNames.map((p) => `จังหวัด${p}`),
      ),
      table(
        128,
        districtNames.map((d) => `อำเภอ${d}`),
      ),
      table(
        162,
        subdistrictNames.map((s) => `องค์การบริหารส่วนตำบล${s}`),
      ),
      // Names among other words, with no type word before them: only the dictionary knows them.
      table(
        128,
        districtNames.map((d) => `ที่${d}และ`),
      ),
    ];
    const pdf = await renderPdf({ title: 'ชื่อจังหวัด อำเภอ ตำบล' }, content);
    const texts = expectReadBackEverywhere(pdf, [...provinceNames, ...districtNames, ...subdistrictNames], 'ชื่อจังหวัด อำเภอ ตำบล');
    const lines = texts.poppler.split('\n').length;
    expect(lines).toBeGreaterThan(provinceNames.length + districtNames.length);
    const words = [...new Set([...provinceNames, ...districtNames, ...subdistrictNames].flatMap(parts))];
    expect(wordsBrokenAcrossLines(texts.poppler, words)).toEqual([]);
  }, 120_000);

  it('a word wider than its column is set smaller to fit, or broken at ICU’s boundaries inside it, never between a letter and its marks', async () => {
    const content: Content = [
      { table: { widths: [48], body: [[{ text: breakThaiWords('ไม่สามารถดำเนินการได้'), bold: true, fontSize: 13 }]] } },
      { table: { widths: [40], body: [[{ text: breakThaiWords('องค์การบริหารส่วนตำบลฝั่งแดง') }]] } },
      { table: { widths: [24], body: [[{ text: 'ที่น้ำซ้ำฝั่งปี่ฟื้นกรุงเทพมหานคร' }]] } },
    ];
    const pdf = await renderPdf({ title: 'คำที่ยาวกว่าช่อง' }, content);
    const texts = expectReadBackEverywhere(
      pdf,
      ['ไม่สามารถดำเนินการได้', 'องค์การบริหารส่วนตำบลฝั่งแดง', 'ที่น้ำซ้ำฝั่งปี่ฟื้นกรุงเทพมหานคร'],
      'คำที่ยาวกว่าช่อง',
    );
    const lines = texts.poppler.split('\n').map((l) => l.trim());
    expect(lines).toContain('ดำเนินการ');
    expect(lines).toEqual(expect.arrayContaining(['องค์การ', 'บริหาร', 'ส่วน', 'ตำบล']));
  }, 60_000);
});
