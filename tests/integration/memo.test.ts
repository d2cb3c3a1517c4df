import { execFileSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { MemoEmblem } from '../../server/src/modules/memo-emblem/memo-emblem.entity';
import { DEMO_PASSWORDS, KHON_HAT } from '../../server/src/demo/demo-data';
import { ReportRound, WorkStatus } from '../../server/src/modules/plan/report.enums';
import { makeLao, makeProject, makeReport } from '../fixtures/factories';
import { discPng } from '../support/png';
import { havePoppler, readBackAll, squash, type PdfEngine } from '../support/pdf-text';
import { demoDatabaseUrl } from './demo-database';
import { databases, signIn, TestServer, type GqlResult } from './harness';
import { ClearMemoEmblemDocument, MemoEmblemDocument, SetMemoEmblemDocument } from '../gql/graphql';

const MEMO = `/export/memo.pdf?lao=${KHON_HAT.code}&year=2567&round=SIX_MONTHS`;

/** Images drawn on a PDF's pages, as poppler lists them (an alpha channel counts as a second, "smask"). */
function images(pdf: Buffer): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-memo-')), 'memo.pdf');
  fs.writeFileSync(file, pdf);
  const list = execFileSync('pdfimages', ['-list', file]).toString('utf8').split('\n').slice(2).filter(Boolean);
  return list.map((line) => line.trim().split(/\s+/).slice(0, 6).join(' '));
}

/** The words of a page with their boxes, as poppler lays them out (points, from the top left). */
function wordBoxes(pdf: Buffer, page: number): Array<{ text: string; x0: number; y0: number; x1: number; y1: number }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-memo-')), 'memo.pdf');
  fs.writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']).toString('utf8');
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
    text: m[5],
  }));
}

/** A PNG whose bytes were changed after its checksum was written. */
function corrupted(png: Buffer): Buffer {
  const copy = Buffer.from(png);
  copy[copy.length - 20] ^= 0xff;
  return copy;
}

/** A PNG over the size limit (yet within one request): noise does not compress. */
function noisyPng(): Buffer {
  const width = 110;
  const png = discPng(width, width);
  const rows = Buffer.alloc(width * (1 + width * 4));
  randomFillSync(rows);
  for (let i = 0; i < rows.length; i += 1 + width * 4) rows[i] = 0;
  const idat = zlib.deflateSync(rows);
  const chunk = Buffer.alloc(12 + idat.length);
  chunk.writeUInt32BE(idat.length, 0);
  chunk.write('IDAT', 4, 'latin1');
  idat.copy(chunk, 8);
  chunk.writeUInt32BE(zlib.crc32(chunk.subarray(4, 8 + idat.length)), 8 + idat.length);
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(png.length - 12)]);
}

/**
 * The memo (บันทึกข้อความ) of the seed's LAO as it is signed: the memo in the สารบรรณ layout with the
 * names, the chosen date and the page numbers, then the attachment; and the ครุฑ image NACC sets for it.
 * Its own database: the emblem is one nationwide setting.
 */
(havePoppler ? describe.each(databases) : describe.skip.each(databases))('the memo of อบต.ขอนหาด ($name)', ({ name }) => {
  let server: TestServer;
  let lao: string;
  let admin: string;
  const get = (url: string) => fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${lao}` } });
  const pdf = async (url: string) => {
    const res = await get(url);
    expect([url, res.status]).toEqual([url, 200]);
    return Buffer.from(await res.arrayBuffer());
  };
  const audits = (action: string) => server.db.getRepository(AuditLog).findBy({ action });

  beforeAll(async () => {
    server = await TestServer.start(await demoDatabaseUrl(name, 'memo'));
    lao = await signIn(server, DEMO_PASSWORDS.lao.username, DEMO_PASSWORDS.lao.password);
    admin = await signIn(server, DEMO_PASSWORDS.admin.username, DEMO_PASSWORDS.admin.password);
    await server.db.getRepository(MemoEmblem).clear();
  });
  afterAll(() => server.stop());

  it('reads back the same in poppler, pdf.js and PDFium: names, the chosen date, page numbers, then the attachment', async () => {
    const text = readBackAll(await pdf(`${MEMO}&date=2024-05-07&ref=${encodeURIComponent('นศ 73601/256')}`));
    const order = [
      'บันทึกข้อความ',
      'ส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลขอนหาด อำเภอชะอวด จังหวัดนครศรีธรรมราช',
      'ที่ นศ ๗๓๖๐๑/๒๕๖',
      'วันที่ ๗ พฤษภาคม ๒๕๖๗',
      'เรื่อง รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ รอบ ๖ เดือน',
      'เรียน นายกองค์การบริหารส่วนตำบลขอนหาด',
      'ผ่านระบบ e-PlanNACC ของสำนักงาน ป.ป.ช.',
      'รวม ๔๙ ๓๑ ๓๗๐,๐๐๐.๐๐ ๐.๐๐ ๑๑๒,๖๕๒.๐๐ ๖๓.๒๗ ๓๐.๔๕',
      'รายละเอียดตามเอกสารแนบท้าย',
      '(นางสาวอนุศาสน์ อภัยรัตน์) นิติกร',
      'ความเห็นหัวหน้าส่วนราชการ',
      '(นางสาวเย็นตา อภัยรัตน์) หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบลขอนหาด',
      'ความเห็นปลัดองค์การบริหารส่วนตำบลขอนหาด',
      '(นางสุภาพร จุลเรือง) ปลัดองค์การบริหารส่วนตำบลขอนหาด',
      'คำสั่งนายกองค์การบริหารส่วนตำบลขอนหาด',
      '(นายประยงค์ หนูบุญคง) นายกองค์การบริหารส่วนตำบลขอนหาด',
      // The attachment, as the seed carries it.
      'เอกสารแนบท้ายบันทึกข้อความ',
      'รายงานผลการนำแผนไปปฏิบัติ ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือน',
      'รวม 49 31 370,000.00 0.00 112,652.00 63.27 30.45',
      'การเบิกจ่ายงบประมาณ',
      'สถานะโครงการ/กิจกรรม/มาตรการ',
      'รอรายงาน',
      '15 49 3 18 31 0 0 100.00* มาก',
      'รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ขององค์การบริหารส่วนตำบลขอนหาด พ.ศ. 2567 รอบ 6 เดือน',
      'กิจกรรมส่งเสริมและพัฒนาศักยภาพสมาชิกสภาท้องถิ่น',
      'ชื่อ - สกุล ผู้รายงาน นางสาวอนุศาสน์ อภัยรัตน์',
      'ปัญหา อุปสรรค',
      'ภาคประชาชนยังขาดความรู้ความเข้าใจในการเข้ามามีส่วนร่วมในการตรวจสอบ',
      'ข้อเสนอแนะ',
      'หน่วยงานหลักควรสนับสนุนงบประมาณ',
      'สรุปผลการขับเคลื่อนแผนฯ',
      'เบิกจ่ายงบประมาณ 112,652.00 บาท คิดเป็นร้อยละ 30.45',
      'มีการนำแผนฯ ไปปฏิบัติ ระดับ มาก ร้อยละ 100.00',
    ];
    for (const engine of Object.keys(text) as PdfEngine[]) {
      const flat = squash(text[engine]);
      let at = -1;
      for (const part of order) {
        const next = flat.indexOf(squash(part), at + 1);
        expect([engine, part, next > at]).toEqual([engine, part, true]);
        at = next;
      }
      // Page numbers from the second page on, the attachment from the third (after the two pages of the memo).
      const pages = text[engine].split('\f').map(squash);
      expect([engine, pages[0].includes(squash('- ๑ -')), pages[1].includes(squash('- ๒ -'))]).toEqual([engine, false, true]);
      expect([engine, pages[1].includes(squash('(นายประยงค์ หนูบุญคง)')), pages[2].startsWith(squash('เอกสารแนบท้ายบันทึกข้อความ'))]).toEqual([
        engine,
        true,
        true,
      ]);
      expect([engine, pages[2].endsWith(squash('- ๓ -'))]).toEqual([engine, true]);
      // No line ends inside "e-PlanNACC".
      expect([engine, /e-\s*\n\s*PlanNACC/.test(text[engine])]).toEqual([engine, false]);
    }
  });

  it('sizes the results table to its Thai-digit amounts: the largest fit between the margins, no two words overlap', async () => {
    const big = await makeLao(server.db, { name: 'องค์การบริหารส่วนตำบลหนองบัว', executiveName: 'นายทดสอบ ตัวเลขใหญ่' });
    const project = await makeProject(server.db, big, { dimension: 4, budget: 99_999_999_999_999 as never });
    await makeReport(server.db, project, {
      round: ReportRound.SIX_MONTHS,
      status: WorkStatus.DONE,
      inOrdinance: true,
      ordinanceBudget: 99_999_999_999_999 as never,
      disbursed: 99_999_999_999_999 as never,
    });
    const res = await fetch(`${server.url}/export/memo.pdf?lao=${big.code}&year=2567&round=SIX_MONTHS`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    const words = wordBoxes(pdf, 1);
    expect(words.map((w) => w.text)).toContain('๙๙๙,๙๙๙,๙๙๙,๙๙๙.๙๙');
    const right = 595.28 - (2 * 72) / 2.54;
    expect(words.filter((w) => w.x0 < (3 * 72) / 2.54 - 0.5 || w.x1 > right + 0.5).map((w) => w.text)).toEqual([]);
    const overlaps = words.flatMap((a, i) =>
      words
        .slice(i + 1)
        .filter((b) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5)
        .map((b) => `${a.text} / ${b.text}`),
    );
    expect(overlaps).toEqual([]);
  });

  it('dates the memo today (Bangkok) unless the officer chooses a date; refuses a date that is no date, before the year or far ahead, and a reference too long', async () => {
    // The test clock: 2 May 2024, 10:00 in Bangkok.
    const today = readBackAll(await pdf(MEMO)).poppler;
    expect(squash(today)).toContain(squash('วันที่ ๒ พฤษภาคม ๒๕๖๗'));
    for (const [date, message] of [
      ['2024-02-30', 'วันที่ของบันทึกข้อความไม่ถูกต้อง'],
      ['7/5/2567', 'วันที่ของบันทึกข้อความไม่ถูกต้อง'],
      ['2023-09-30', 'วันที่ของบันทึกข้อความต้องไม่ก่อนวันเริ่มปีงบประมาณ พ.ศ. 2567 (1 ตุลาคม 2566)'],
      ['2025-05-03', 'วันที่ของบันทึกข้อความต้องไม่เกิน 1 ปีนับจากวันนี้ (2 พฤษภาคม 2568)'],
      [`ref=${'ก'.repeat(101)}`, 'เลขที่หนังสือต้องไม่เกิน 100 ตัวอักษร'],
    ]) {
      const res = await get(`${MEMO}&${date.startsWith('ref=') ? date : `date=${encodeURIComponent(date)}`}`);
      expect([date, res.status]).toEqual([date, 400]);
      expect(await res.text()).toContain(message);
    }
  });

  it('lets ADMIN alone set the ครุฑ; the memo prints it at the top left; clearing it leaves the space empty; each change audited', async () => {
    const png = discPng(120, 130);
    for (const user of [DEMO_PASSWORDS.lao, DEMO_PASSWORDS.province]) {
      const token = await signIn(server, user.username, user.password);
      const calls: Array<[string, () => Promise<GqlResult>]> = [
        ['setMemoEmblem', () => server.gql(SetMemoEmblemDocument, { image: png.toString('base64') }, { token })],
        ['clearMemoEmblem', () => server.gql(ClearMemoEmblemDocument, {}, { token })],
        ['memoEmblem', () => server.gql(MemoEmblemDocument, {}, { token })],
      ];
      for (const [op, call] of calls) {
        const res = await call();
        expect([user.username, op, res.errors?.[0]?.extensions?.code]).toEqual([user.username, op, 'FORBIDDEN']);
      }
    }
    expect(await server.db.getRepository(MemoEmblem).count()).toBe(0);
    expect(images(await pdf(MEMO))).toEqual([]);

    const set = await server.gql(SetMemoEmblemDocument, { image: `data:image/png;base64,${png.toString('base64')}` }, { token: admin });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setMemoEmblem).toMatchObject({ mediaType: 'image/png', width: 120, height: 130 });
    const read = await server.gql(MemoEmblemDocument, {}, { token: admin });
    expect(Buffer.from(read.data!.memoEmblem!.dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64').equals(png)).toBe(true);
    const [audit] = await audits('setMemoEmblem');
    expect(audit).toMatchObject({ actorUsername: DEMO_PASSWORDS.admin.username, targetType: 'MemoEmblem' });
    expect(JSON.parse(audit.after!)).toMatchObject({ mediaType: 'image/png', width: 120, height: 130, bytes: png.length });

    // On the first page only: the image and its alpha channel.
    const withEmblem = images(await pdf(MEMO));
    expect(withEmblem).toEqual(['1 0 image 120 130 rgb', '1 1 smask 120 130 gray']);

    const cleared = await server.gql(ClearMemoEmblemDocument, {}, { token: admin });
    expect(cleared.data!.clearMemoEmblem).toBe(true);
    expect((await server.gql(MemoEmblemDocument, {}, { token: admin })).data!.memoEmblem).toBeNull();
    expect(await audits('clearMemoEmblem')).toHaveLength(1);
    expect(images(await pdf(MEMO))).toEqual([]);
  });

  it('refuses what is not a whole PNG or JPEG with a Thai message, and stores nothing', async () => {
    const kept = discPng(64, 64);
    expect((await server.gql(SetMemoEmblemDocument, { image: kept.toString('base64') }, { token: admin })).errors).toBeUndefined();
    const before = await server.db.getRepository(MemoEmblem).findOneByOrFail({ id: 1 });
    const auditsBefore = (await audits('setMemoEmblem')).length;
    const png = discPng();
    const cases: Array<[string, string, string]> = [
      ['text, not base64', 'ครุฑ.png', 'ไม่ใช่ภาพ PNG หรือ JPEG'],
      ['a text file', Buffer.from('นี่ไม่ใช่ภาพ').toString('base64'), 'ไม่ใช่ภาพ PNG หรือ JPEG'],
      ['a PDF', Buffer.from('%PDF-1.7\n%%EOF').toString('base64'), 'ไม่ใช่ภาพ PNG หรือ JPEG'],
      ['a PNG cut short', png.subarray(0, png.length - 30).toString('base64'), 'เสียหายหรืออ่านไม่ได้'],
      ['a PNG with a bad checksum', corrupted(png).toString('base64'), 'เสียหายหรืออ่านไม่ได้'],
      [
        'a JPEG header only',
        Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]).toString('base64'),
        'เสียหาย',
      ],
      ['a PNG too small to see', discPng(8, 8).toString('base64'), 'ภาพครุฑต้องกว้างและสูง 16–1,500 พิกเซล'],
      ['a PNG over 45 KB', noisyPng().toString('base64'), 'ต้องมีขนาดไม่เกิน 45 KB'],
    ];
    for (const [what, image, message] of cases) {
      const res = await server.gql(SetMemoEmblemDocument, { image }, { token: admin });
      expect([what, res.errors?.[0]?.extensions?.code]).toEqual([what, 'BAD_USER_INPUT']);
      expect([what, res.errors![0].message]).toEqual([what, expect.stringContaining(message)]);
      expect(res.errors![0].extensions!.fields).toEqual([{ field: 'image', message: res.errors![0].message }]);
    }
    const after = await server.db.getRepository(MemoEmblem).findOneByOrFail({ id: 1 });
    expect([after.data, after.width, after.updatedAt]).toEqual([before.data, before.width, before.updatedAt]);
    expect(await audits('setMemoEmblem')).toHaveLength(auditsBefore);
  });
});
