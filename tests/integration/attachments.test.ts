import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { Role } from '../../server/src/modules/access/role';
import { SESSION_COOKIE } from '../../server/src/modules/account/authentication';
import { MAX_FILE_BYTES } from '../../server/src/modules/attachment/attachment-file';
import { Attachment, AttachmentChunk } from '../../server/src/modules/attachment/attachment.entity';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import type { Lao } from '../../server/src/modules/lao/lao.entity';
import type { User } from '../../server/src/modules/account/user.entity';
import { ReportRound, WorkStatus } from '../../server/src/modules/plan/report.enums';
import type { ProgressReport } from '../../server/src/modules/progress-report/progress-report.entity';
import { AttachmentsDocument, DeleteAttachmentDocument, SaveProgressReportIdDocument, SetAttachmentPublicDocument } from '../gql/graphql';
import { blobOf, exe, jpeg, pdfOf, png, uploadFile, type UploadAuth } from '../support/attachments';
import { makeLao, makeProject, makeReport, makeSession, makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer } from './harness';

/** The test clock's day (harness): FY 2567, its six-month round open. */
const NOW = new Date('2024-05-02T03:00:00Z');
/** FY 2568 has begun: 2567's six-month round is over (published), its twelve-month round still open. */
const NEXT_YEAR = new Date('2024-10-02T03:00:00Z');
const THAI = /[\u0E00-\u0E7F]/;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const spooled = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('eplan-upload-')).length;

describe.each(databases)('evidence attachments ($name)', ({ url }) => {
  let server: TestServer;
  /** An LAO of its own, with a project reported at six months, and its officer signed in. */
  let lao: Lao;
  let report: ProgressReport;
  let officer: UploadAuth;
  const upload = (auth: UploadAuth, fields: Record<string, string>, file: { bytes: Buffer; name: string } | null, preflight = true) =>
    uploadFile(server.url, auth, fields, file, { preflight });
  const stored = async () => ({
    attachments: await server.db.getRepository(Attachment).countBy({ laoCode: lao.code }),
    chunks: Number(
      (
        await server.db.query(
          'SELECT COUNT(*) AS n FROM attachment_chunk c JOIN attachment a ON a.id = c.attachment_id WHERE a.lao_code = ?',
          [lao.code],
        )
      )[0].n,
    ),
  });
  const download = (id: string, auth: UploadAuth = {}) =>
    fetch(`${server.url}/attachments/${id}`, {
      headers: { ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}), ...(auth.cookie ? { cookie: auth.cookie } : {}) },
    });

  async function freshLao(): Promise<{ lao: Lao; report: ProgressReport; officer: UploadAuth; user: User }> {
    const own = await makeLao(server.db);
    const project = await makeProject(server.db, own, { fiscalYears: [2567] });
    const saved = await makeReport(server.db, project, { status: WorkStatus.DONE });
    const user = await makeUser(server.db, Role.LAO_OFFICER, { lao: own });
    return { lao: own, report: saved, officer: { token: await signIn(server, user.username, PASSWORD) }, user };
  }

  beforeAll(async () => {
    server = await TestServer.start(url());
    ({ lao, report, officer } = await freshLao());
  });
  afterAll(() => server.stop());
  afterEach(() => server.clock.set(NOW));

  it('takes a PDF, a JPEG and a PNG as evidence of a report, lists them, and gives each back byte for byte', async () => {
    const files = [
      { bytes: pdfOf(5_000), name: 'รายงานผลการดำเนินงาน 6 เดือน.pdf', type: 'application/pdf' },
      { bytes: jpeg(), name: 'ภาพกิจกรรม.JPG', type: 'image/jpeg' },
      { bytes: png(), name: 'C:\\fakepath\\แผนผัง.png', type: 'image/png' },
    ];
    const ids: string[] = [];
    for (const f of files) {
      const res = await upload(officer, { progressReportId: String(report.id) }, f);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ mediaType: f.type, size: f.bytes.length, sha256: sha(f.bytes), public: false, round: 'SIX_MONTHS' });
      ids.push(res.body!.id!);
    }
    const listed = await server.gql(AttachmentsDocument, { progressReportId: String(report.id) }, officer);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.attachments.items.map((a) => [a.fileName, a.mediaType, a.laoCode, a.fiscalYear])).toEqual([
      ['รายงานผลการดำเนินงาน 6 เดือน.pdf', 'application/pdf', lao.code, 2567],
      ['ภาพกิจกรรม.JPG', 'image/jpeg', lao.code, 2567],
      ['แผนผัง.png', 'image/png', lao.code, 2567],
    ]);
    expect(listed.data!.attachments).toMatchObject({ canEdit: true, maxFileBytes: MAX_FILE_BYTES, quotaBytes: 200 * 1024 * 1024 });
    expect(listed.data!.attachments.usedBytes).toBe(files.reduce((n, f) => n + f.bytes.length, 0));
    // The plan's list of the year holds no report's evidence.
    const plan = await server.gql(AttachmentsDocument, { laoCode: lao.code, fiscalYear: 2567 }, officer);
    expect(plan.data!.attachments.items).toEqual([]);

    const res = await download(ids[0], officer);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(files[0].bytes)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="attachment.pdf"; filename*=UTF-8''${encodeURIComponent('รายงานผลการดำเนินงาน 6 เดือน.pdf')}`,
    );
    expect(res.headers.get('etag')).toBe(`"${sha(files[0].bytes)}"`);
  });

  it('refuses a renamed executable (MZ, sent as report.pdf) in Thai with 415, and keeps nothing of it', async () => {
    const before = await stored();
    const tmp = spooled();
    const res = await upload(officer, { progressReportId: String(report.id) }, { bytes: exe(), name: 'report.pdf' });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_TYPE' });
    expect(res.body!.message).toMatch(THAI);
    // Nor an ELF program, an HTML page or an empty file.
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(100)]);
    expect((await upload(officer, { progressReportId: String(report.id) }, { bytes: elf, name: 'photo.jpg' })).status).toBe(415);
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    expect((await upload(officer, { progressReportId: String(report.id) }, { bytes: html, name: 'x.png' })).status).toBe(415);
    const empty = await upload(officer, { progressReportId: String(report.id) }, { bytes: Buffer.alloc(0), name: 'empty.pdf' });
    expect([empty.status, empty.body?.reason]).toEqual([400, 'NO_FILE']);
    expect(await stored()).toEqual(before);
    expect(spooled()).toBe(tmp);
  });

  it('takes a file of exactly 10 MB and gives it back byte for byte; refuses one byte more', async () => {
    const own = await freshLao();
    const big = pdfOf(MAX_FILE_BYTES);
    const started = Date.now();
    const res = await upload(own.officer, { laoCode: own.lao.code, fiscalYear: '2567' }, { bytes: big, name: 'แผนฉบับสแกน.pdf' });
    const uploadMs = Date.now() - started;
    expect([res.status, res.body?.size]).toEqual([200, MAX_FILE_BYTES]);
    const rows = await server.db.getRepository(AttachmentChunk).countBy({ attachmentId: Number(res.body!.id) });
    expect(rows).toBe(Math.ceil(MAX_FILE_BYTES / (60 * 1024)));
    const started2 = Date.now();
    const back = await download(res.body!.id!, own.officer);
    const bytes = Buffer.from(await back.arrayBuffer());
    const downloadMs = Date.now() - started2;
    expect(back.headers.get('content-length')).toBe(String(MAX_FILE_BYTES));
    expect(sha(bytes)).toBe(sha(big));
    expect(bytes.equals(big)).toBe(true);
    console.log(`10 MB: upload ${uploadMs} ms, download ${downloadMs} ms, ${rows} rows`);

    const over = await upload(
      own.officer,
      { laoCode: own.lao.code, fiscalYear: '2567' },
      { bytes: pdfOf(MAX_FILE_BYTES + 1), name: 'big.pdf' },
    );
    expect([over.status, over.body?.reason]).toEqual([413, 'TOO_LARGE']);
    expect(over.body!.message).toMatch(THAI);
    expect(await server.db.getRepository(Attachment).countBy({ laoCode: own.lao.code })).toBe(1);
  });

  it('refuses a body without a length as soon as more than 10 MB of it arrived: the rest is never read', async () => {
    const boundary = 'xTestBoundary7d2';
    let sent = 0;
    let pulls = 0;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="progressReportId"\r\n\r\n${report.id}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="endless.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
    );
    // Up to 100 MB of file, made as it is read: what the server takes of it is what was pulled.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 0) controller.enqueue(head);
        else if (sent < 100 * 1024 * 1024) controller.enqueue(Buffer.alloc(64 * 1024, 0x20));
        else controller.close();
        sent += pulls === 1 ? head.length : 64 * 1024;
      },
    });
    const before = await stored();
    let status = 0;
    let answer = '';
    try {
      const res = await fetch(`${server.url}/attachments`, {
        method: 'POST',
        body,
        duplex: 'half',
        headers: {
          authorization: `Bearer ${officer.token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'apollo-require-preflight': 'true',
        },
      } as RequestInit);
      status = res.status;
      answer = await res.text();
    } catch {
      // The server closed the connection while the sender still sent: the sender may learn it only so.
      status = -1;
    }
    expect([413, -1]).toContain(status);
    if (status === 413) expect(JSON.parse(answer)).toMatchObject({ reason: 'TOO_LARGE' });
    // It stopped reading just past the limit, far short of the 100 MB on offer (what the sender had pulled
    // beyond 10 MB sat in the two ends' socket buffers, a few MB on loopback).
    console.log(
      `endless upload: ${status === 413 ? 'answered 413' : 'connection closed'} after ${(sent / 1024 / 1024).toFixed(1)} MB pulled`,
    );
    expect(sent).toBeLessThan(MAX_FILE_BYTES + 16 * 1024 * 1024);
    expect(await stored()).toEqual(before);
    // The server goes on answering.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses a declared length above the limit before reading the body, and a request of another site', async () => {
    // Only the headers are sent: the answer comes without a byte of the body.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${server.url}/attachments`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${officer.token}`,
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(MAX_FILE_BYTES + 100 * 1024),
          'apollo-require-preflight': 'true',
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.flushHeaders();
      setTimeout(() => reject(new Error('no answer before the body')), 5_000).unref();
    });
    expect([answer.status, JSON.parse(answer.body).reason]).toEqual([413, 'TOO_LARGE']);

    // A form on another site posts multipart with the officer's cookie, but cannot add the header.
    const before = await stored();
    const cookie = `${SESSION_COOKIE}=${officer.token}`;
    const csrf = await upload({ cookie }, { progressReportId: String(report.id) }, { bytes: pdfOf(), name: 'x.pdf' }, false);
    expect(csrf.status).toBe(400);
    expect(csrf.body!.message).toMatch(THAI);
    expect(await stored()).toEqual(before);
    // The app's own page sends it, with the cookie.
    const own = await upload({ cookie }, { progressReportId: String(report.id) }, { bytes: pdfOf(), name: 'จากหน้าเว็บ.pdf' });
    expect(own.status).toBe(200);
  });

  it('refuses a malformed form in Thai: no target, the file before its fields, two files, an unknown field, bad values', async () => {
    const before = await stored();
    const pdf = { bytes: pdfOf(), name: 'a.pdf' };
    const cases: Array<[Record<string, string>, { bytes: Buffer; name: string } | null, number, string]> = [
      [{}, pdf, 400, 'BAD_USER_INPUT'],
      [{ progressReportId: String(report.id) }, null, 400, 'BAD_USER_INPUT'],
      [{ progressReportId: String(report.id), laoCode: lao.code }, pdf, 400, 'BAD_USER_INPUT'],
      [{ progressReportId: 'abc' }, pdf, 400, 'BAD_USER_INPUT'],
      [{ laoCode: '12', fiscalYear: '2567' }, pdf, 400, 'BAD_USER_INPUT'],
      [{ laoCode: lao.code, fiscalYear: '1999' }, pdf, 400, 'BAD_USER_INPUT'],
      [{ laoCode: lao.code }, pdf, 400, 'BAD_USER_INPUT'],
      [{ note: 'x', progressReportId: String(report.id) }, pdf, 400, 'BAD_USER_INPUT'],
      [{ progressReportId: '999999999' }, pdf, 404, 'NOT_FOUND'],
    ];
    for (const [fields, file, status, code] of cases) {
      const res = await upload(officer, fields, file);
      expect([JSON.stringify(fields), res.status, res.body?.code]).toEqual([JSON.stringify(fields), status, code]);
      expect(res.body!.message).toMatch(THAI);
    }
    // The file first, then its fields.
    const form = new FormData();
    form.append('file', blobOf(pdfOf()), 'first.pdf');
    form.append('progressReportId', String(report.id));
    const first = await fetch(`${server.url}/attachments`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${officer.token}`, 'apollo-require-preflight': 'true' },
    });
    expect(first.status).toBe(400);
    // Two files.
    const two = new FormData();
    two.append('progressReportId', String(report.id));
    two.append('file', blobOf(pdfOf()), 'one.pdf');
    two.append('file', blobOf(pdfOf()), 'two.pdf');
    const twice = await fetch(`${server.url}/attachments`, {
      method: 'POST',
      body: two,
      headers: { authorization: `Bearer ${officer.token}`, 'apollo-require-preflight': 'true' },
    });
    expect(twice.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('scopes every read: the LAO, its province office and NACC read its evidence; another LAO and another province do not', async () => {
    const res = await upload(officer, { laoCode: lao.code, fiscalYear: '2567' }, { bytes: pdfOf(), name: 'แผน.pdf' });
    const id = res.body!.id!;
    const token = async (role: Role, extra: object = {}) => ({
      token: await signIn(server, (await makeUser(server.db, role, extra)).username, PASSWORD),
    });
    const other = await freshLao();
    const ownProvince = await token(Role.PROVINCE_OFFICER, { provinceCode: lao.provinceCode });
    const otherProvince = await token(Role.PROVINCE_OFFICER, { provinceCode: '81' });
    const admin = await token(Role.ADMIN);
    const statuses = async () => [
      (await download(id)).status,
      (await download(id, officer)).status,
      (await download(id, other.officer)).status,
      (await download(id, ownProvince)).status,
      (await download(id, otherProvince)).status,
      (await download(id, admin)).status,
    ];
    expect(await statuses()).toEqual([401, 200, 403, 200, 403, 200]);
    for (const who of [other.officer, otherProvince]) {
      const listed = await server.gql(AttachmentsDocument, { laoCode: lao.code, fiscalYear: 2567 }, who);
      expect(codeOf(listed)).toBe('FORBIDDEN');
    }
    const seen = await server.gql(AttachmentsDocument, { laoCode: lao.code, fiscalYear: 2567 }, ownProvince);
    expect(seen.data!.attachments.items.map((a) => a.id)).toContain(id);
    // The round's evidence, every report's with its project: what a reviewer reads beside the round's results.
    const round = await server.gql(AttachmentsDocument, { laoCode: lao.code, fiscalYear: 2567, round: 'SIX_MONTHS' }, ownProvince);
    expect(round.errors).toBeUndefined();
    expect(new Set(round.data!.attachments.items.map((a) => a.project?.id))).toEqual(new Set([String(report.projectId)]));
    expect(round.data!.attachments.items.length).toBeGreaterThan(0);
    const both = await server.gql(AttachmentsDocument, { progressReportId: String(report.id), round: 'SIX_MONTHS' }, ownProvince);
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    // The province office reads, but may not change the LAO's evidence.
    expect(seen.data!.attachments.canEdit).toBe(false);
    expect(codeOf(await server.gql(DeleteAttachmentDocument, { id }, ownProvince))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(SetAttachmentPublicDocument, { id, public: true }, other.officer))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(DeleteAttachmentDocument, { id }, other.officer))).toBe('FORBIDDEN');
    // Another LAO cannot upload to this LAO's report or plan.
    const foreign = await upload(other.officer, { progressReportId: String(report.id) }, { bytes: pdfOf(), name: 'x.pdf' });
    expect(foreign.status).toBe(403);
    const foreignPlan = await upload(other.officer, { laoCode: lao.code, fiscalYear: '2567' }, { bytes: pdfOf(), name: 'x.pdf' });
    expect(foreignPlan.status).toBe(403);
    expect((await download('999999999', officer)).status).toBe(404);
    expect((await download('abc', officer)).status).toBe(404);
    // Made public: still no one's while nothing of its year is published.
    expect((await server.gql(SetAttachmentPublicDocument, { id, public: true }, officer)).data).toEqual({
      setAttachmentPublic: { id, public: true },
    });
    expect(await statuses()).toEqual([401, 200, 403, 200, 403, 200]);
  });

  it('a public file is everyone’s only once its round is published; the public LAO page lists it then', async () => {
    const own = await freshLao();
    const project = await makeProject(server.db, own.lao, { fiscalYears: [2567] });
    const twelve = await makeReport(server.db, project, { round: ReportRound.TWELVE_MONTHS, status: WorkStatus.DONE });
    const put = async (to: Record<string, string>, name: string, isPublic: boolean) => {
      const res = await upload(own.officer, to, { bytes: pdfOf(3_000), name });
      expect(res.status).toBe(200);
      if (isPublic)
        expect((await server.gql(SetAttachmentPublicDocument, { id: res.body!.id!, public: true }, own.officer)).errors).toBeUndefined();
      return res.body!.id!;
    };
    const sixPublic = await put({ progressReportId: String(own.report.id) }, 'หลักฐานหกเดือน.pdf', true);
    const sixPrivate = await put({ progressReportId: String(own.report.id) }, 'ภายใน.pdf', false);
    const twelvePublic = await put({ progressReportId: String(twelve.id) }, 'หลักฐานสิบสองเดือน.pdf', true);
    const planPublic = await put({ laoCode: own.lao.code, fiscalYear: '2567' }, 'แผนที่ประกาศ.pdf', true);
    const anonymous = async () =>
      Promise.all([sixPublic, sixPrivate, twelvePublic, planPublic].map(async (id) => (await download(id)).status));
    const page = async () => (await fetch(`${server.url}/public/lao/${own.lao.code}/2567`)).text();

    // FY 2567: no round of the year is closed; nothing is anyone's.
    expect(await anonymous()).toEqual([401, 401, 401, 401]);
    expect(await page()).not.toContain('เอกสารหลักฐานที่เผยแพร่');

    // FY 2568: 2567's six months are published (and with them the plan of 2567); its twelve months are still open.
    server.clock.set(NEXT_YEAR);
    // Sessions of months ago have ended: the officers sign in again.
    own.officer = { token: await makeSession(server.db, own.user, NEXT_YEAR) };
    const stranger = { token: await makeSession(server.db, (await freshLao()).user, NEXT_YEAR) };
    expect(await anonymous()).toEqual([200, 401, 401, 200]);
    const html = await page();
    expect(html).toContain('เอกสารหลักฐานที่เผยแพร่');
    expect(html).toContain(`<a href="/attachments/${sixPublic}">หลักฐานหกเดือน.pdf</a>`);
    expect(html).toContain(`<a href="/attachments/${planPublic}">แผนที่ประกาศ.pdf</a>`);
    expect(html).not.toContain('ภายใน.pdf');
    expect(html).not.toContain('หลักฐานสิบสองเดือน.pdf');
    const file = await download(sixPublic);
    expect(Buffer.from(await file.arrayBuffer()).equals(pdfOf(3_000))).toBe(true);
    // Another LAO's officer reads what is published, like anyone.
    expect((await download(sixPublic, stranger)).status).toBe(200);
    expect((await download(sixPrivate, stranger)).status).toBe(403);
    // The six-month round is closed: its evidence no longer changes (the twelve-month round's still does).
    expect(codeOf(await server.gql(DeleteAttachmentDocument, { id: sixPublic }, own.officer))).toBe('ROUND_CLOSED');
    expect(codeOf(await server.gql(SetAttachmentPublicDocument, { id: sixPublic, public: false }, own.officer))).toBe('ROUND_CLOSED');
    const late = await upload(own.officer, { progressReportId: String(own.report.id) }, { bytes: pdfOf(), name: 'late.pdf' });
    expect([late.status, late.body?.code]).toEqual([409, 'ROUND_CLOSED']);
    expect(late.body!.message).toMatch(THAI);
    // The plan of a year gone by is closed too.
    const pastPlan = await upload(own.officer, { laoCode: own.lao.code, fiscalYear: '2567' }, { bytes: pdfOf(), name: 'late.pdf' });
    expect(pastPlan.status).toBe(409);
    expect(
      (await server.gql(AttachmentsDocument, { progressReportId: String(own.report.id) }, own.officer)).data!.attachments.canEdit,
    ).toBe(false);
    expect((await server.gql(DeleteAttachmentDocument, { id: twelvePublic }, own.officer)).data).toEqual({ deleteAttachment: true });
  });

  it('counts every LAO’s files against its quota (ATTACHMENT_QUOTA_MB); deleting one makes room', async () => {
    const small = await TestServer.start(url(), { db: server.db, clock: server.clock, env: { ATTACHMENT_QUOTA_MB: '1' } });
    try {
      const own = await freshLao();
      const send = (size: number) =>
        uploadFile(small.url, own.officer, { progressReportId: String(own.report.id) }, { bytes: pdfOf(size), name: `${size}.pdf` });
      const first = await send(600 * 1024);
      expect(first.status).toBe(200);
      const over = await send(500 * 1024);
      expect([over.status, over.body?.reason]).toEqual([413, 'OVER_QUOTA']);
      expect(over.body!.message).toContain('MB');
      expect(over.body!.message).toMatch(THAI);
      expect((await send(400 * 1024)).status).toBe(200);
      const listed = await small.gql(AttachmentsDocument, { progressReportId: String(own.report.id) }, own.officer);
      expect(listed.data!.attachments).toMatchObject({ usedBytes: 1000 * 1024, quotaBytes: 1024 * 1024 });
      // Another LAO has a quota of its own.
      const other = await freshLao();
      expect(
        (
          await uploadFile(
            small.url,
            other.officer,
            { progressReportId: String(other.report.id) },
            { bytes: pdfOf(900 * 1024), name: 'a.pdf' },
          )
        ).status,
      ).toBe(200);
      expect((await small.gql(DeleteAttachmentDocument, { id: first.body!.id! }, own.officer)).data).toEqual({ deleteAttachment: true });
      expect((await send(500 * 1024)).status).toBe(200);
    } finally {
      await small.stop(false);
    }
  });

  it('writes each upload, publication and deletion in the audit log, and deletes the bytes with the file', async () => {
    const own = await freshLao();
    const res = await upload(own.officer, { progressReportId: String(own.report.id) }, { bytes: png(), name: 'ภาพ.png' });
    const id = res.body!.id!;
    await server.gql(SetAttachmentPublicDocument, { id, public: true }, own.officer);
    await server.gql(DeleteAttachmentDocument, { id }, own.officer);
    const rows = await server.db.getRepository(AuditLog).find({ where: { targetType: 'Attachment', targetId: id }, order: { id: 'ASC' } });
    expect(rows.map((r) => [r.action, r.laoCode, r.provinceCode, r.actorUsername])).toEqual([
      ['uploadAttachment', own.lao.code, own.lao.provinceCode, own.lao.code],
      ['setAttachmentPublic', own.lao.code, own.lao.provinceCode, own.lao.code],
      ['deleteAttachment', own.lao.code, own.lao.provinceCode, own.lao.code],
    ]);
    expect(JSON.parse(rows[0].after!)).toMatchObject({ fileName: 'ภาพ.png', mediaType: 'image/png', sha256: sha(png()) });
    expect(JSON.parse(rows[1].after!)).toMatchObject({ isPublic: true });
    expect(await server.db.getRepository(Attachment).countBy({ id: Number(id) })).toBe(0);
    expect(await server.db.getRepository(AttachmentChunk).countBy({ attachmentId: Number(id) })).toBe(0);
    expect((await download(id, own.officer)).status).toBe(404);
    expect(codeOf(await server.gql(DeleteAttachmentDocument, { id }, own.officer))).toBe('NOT_FOUND');
  });

  it('keeps the evidence of a carried twelve-month report when the carry goes: it stays the round’s, of its project', async () => {
    const own = await freshLao();
    const project = await makeProject(server.db, own.lao, { fiscalYears: [2567] });
    const save = (status: string) =>
      server.gql(
        SaveProgressReportIdDocument,
        { input: { projectId: String(project.id), fiscalYear: 2567, round: 'SIX_MONTHS', inOrdinance: true, status: status as 'DONE' } },
        own.officer,
      );
    expect((await save('DONE')).errors).toBeUndefined();
    const carried = await server.db.query("SELECT id FROM progress_report WHERE project_id = ? AND round = 'TWELVE_MONTHS'", [project.id]);
    const res = await upload(own.officer, { progressReportId: String(carried[0].id) }, { bytes: pdfOf(), name: 'ยกมา.pdf' });
    expect(res.status).toBe(200);
    expect((await save('IN_PROGRESS')).errors).toBeUndefined();
    const round = await server.gql(AttachmentsDocument, { laoCode: own.lao.code, fiscalYear: 2567, round: 'TWELVE_MONTHS' }, own.officer);
    expect(round.data!.attachments.items.map((a) => [a.id, a.progressReportId, a.round, a.project?.id])).toEqual([
      [res.body!.id, null, 'TWELVE_MONTHS', String(project.id)],
    ]);
    const plan = await server.gql(AttachmentsDocument, { laoCode: own.lao.code, fiscalYear: 2567 }, own.officer);
    expect(plan.data!.attachments.items).toEqual([]);
  });
});
