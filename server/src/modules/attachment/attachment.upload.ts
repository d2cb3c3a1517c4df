import { createHash, randomUUID, type Hash } from 'node:crypto';
import fs, { type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { badInput, DomainError, type FieldError } from '../../core/errors';
import { hasFormat, LAO_CODE } from '../../core/field-rules';
import { fiscalYearProblem } from '../../core/fiscal-year';
import { parseId } from '../../core/ids';
import { detectType, MAX_FILE_BYTES, safeFileName, SIGNATURE_BYTES, type AttachmentType } from './attachment-file';
import type { AttachTo } from './attachment.service';
import { MultipartError, readMultipart } from './multipart';

/** A file received whole, checked and kept in a temporary file until it is saved (or refused). */
export interface ReceivedFile {
  path: string;
  size: number;
  sha256: string;
  type: AttachmentType;
  /** The name it is kept under (attachment-file.ts safeFileName). */
  fileName: string;
}

export const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toLocaleString('th-TH', { maximumFractionDigits: 1 });

/** A file refused for what it is: too large, not a PDF/JPEG/PNG, beyond the LAO's quota, missing (the HTTP status and `reason` say which). */
export class UploadRefused extends DomainError {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly reason: 'TOO_LARGE' | 'WRONG_TYPE' | 'OVER_QUOTA' | 'NO_FILE' | 'BAD_FORM',
    message: string,
  ) {
    super('BAD_USER_INPUT', message, { fields: [{ field: 'file', message }], reason });
  }
}

export const tooLarge = () =>
  new UploadRefused(
    413,
    'TOO_LARGE',
    `ไฟล์มีขนาดเกิน ${megabytes(MAX_FILE_BYTES)} MB กรุณาลดขนาดไฟล์ (เช่น สแกนที่ความละเอียดต่ำลง) หรือแบ่งเป็นหลายไฟล์`,
  );

const wrongType = () =>
  new UploadRefused(415, 'WRONG_TYPE', 'ไฟล์นี้ไม่ใช่ PDF, JPEG หรือ PNG (ระบบตรวจจากเนื้อไฟล์ ไม่ใช่จากชื่อไฟล์) กรุณาแนบเอกสาร PDF หรือภาพถ่าย JPEG/PNG');

const badForm = (message: string) => new UploadRefused(400, 'BAD_FORM', message);

/** The form fields that say what a file is attached to; nothing else is read before the file. */
const FIELDS = new Set(['progressReportId', 'laoCode', 'fiscalYear']);
const MAX_FIELD_BYTES = 64;
const WHICH = 'กรุณาระบุรายงานผล (progressReportId) หรือ อปท. และปีงบประมาณ (laoCode, fiscalYear) อย่างใดอย่างหนึ่ง ก่อนส่งไฟล์';

/** What the fields sent before the file attach it to: a report, or an LAO's plan of a year. Refused field by field. */
function attachToOf(fields: Map<string, string>, now: Date): AttachTo {
  const report = fields.get('progressReportId');
  const laoCode = fields.get('laoCode');
  const year = fields.get('fiscalYear');
  const reportId = parseId(report);
  const problems: FieldError[] = [];
  if (report !== undefined) {
    if (laoCode !== undefined || year !== undefined) problems.push({ field: 'progressReportId', message: WHICH });
    else if (Number.isNaN(reportId)) problems.push({ field: 'progressReportId', message: 'รหัสรายงานผลไม่ถูกต้อง' });
  } else if (laoCode === undefined && year === undefined) {
    problems.push({ field: 'progressReportId', message: WHICH });
  } else {
    if (!hasFormat(LAO_CODE, laoCode)) problems.push({ field: 'laoCode', message: LAO_CODE.message });
    const yearProblem = fiscalYearProblem(year !== undefined && /^\d{4}$/.test(year) ? Number(year) : NaN, now);
    if (yearProblem) problems.push({ field: 'fiscalYear', message: yearProblem });
  }
  if (problems.length) throw badInput(problems, problems[0].message);
  return report !== undefined
    ? { progressReportId: reportId, laoCode: null, fiscalYear: null }
    : { progressReportId: null, laoCode: laoCode!, fiscalYear: Number(year) };
}

/**
 * The file as it arrives, into a temporary file only this process reads (mode 600): its size checked on
 * every piece (MAX_FILE_BYTES, so no more than that is ever read of it), its kind from its first bytes
 * (anything but a PDF, JPEG or PNG is refused before the rest is read), its SHA-256 as it goes.
 */
class Spool {
  private size = 0;
  private head = Buffer.alloc(0);
  private type: AttachmentType | null = null;
  private readonly hash: Hash = createHash('sha256');

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly declaredName: string | null,
  ) {}

  static async open(declaredName: string | null): Promise<Spool> {
    const file = path.join(os.tmpdir(), `eplan-upload-${randomUUID()}`);
    return new Spool(file, await fs.open(file, 'wx', 0o600), declaredName);
  }

  async write(data: Buffer): Promise<void> {
    if (this.size + data.length > MAX_FILE_BYTES) throw tooLarge();
    if (this.type === null) {
      this.head = Buffer.concat([this.head, data.subarray(0, SIGNATURE_BYTES)]).subarray(0, SIGNATURE_BYTES);
      if (this.head.length === SIGNATURE_BYTES) this.detect();
    }
    this.hash.update(data);
    await this.handle.write(data);
    this.size += data.length;
  }

  private detect(): AttachmentType {
    this.type = detectType(this.head);
    if (!this.type) throw wrongType();
    return this.type;
  }

  async finish(): Promise<ReceivedFile> {
    if (this.size === 0) throw new UploadRefused(400, 'NO_FILE', 'ไฟล์ว่างเปล่า กรุณาเลือกไฟล์อีกครั้ง');
    const type = this.type ?? this.detect();
    await this.handle.close();
    return { path: this.path, size: this.size, sha256: this.hash.digest('hex'), type, fileName: safeFileName(this.declaredName, type) };
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await discardFile(this.path);
  }
}

/** Removes a received file's temporary copy (once saved, or refused). */
export const discardFile = (file: string): Promise<void> => fs.rm(file, { force: true });

/**
 * Reads POST /attachments' form as it streams: the fields that say where the file goes (progressReportId,
 * or laoCode and fiscalYear), then one file in the field `file`. `beforeFile` decides on the fields before
 * a byte of the file is read (who may attach there, whether it may still change); the file is then
 * checked as it arrives and kept in a temporary file. Anything else — a field after the file, a second
 * file, an unknown field, a malformed body — is refused, and nothing is left behind.
 */
export async function receiveUpload(
  body: AsyncIterable<Buffer>,
  boundary: string,
  now: Date,
  beforeFile: (to: AttachTo) => Promise<void>,
): Promise<{ to: AttachTo; file: ReceivedFile }> {
  const fields = new Map<string, string>();
  let field: { name: string; bytes: Buffer[]; size: number } | null = null;
  let spool: Spool | null = null;
  let to: AttachTo | null = null;
  let file: ReceivedFile | null = null;
  try {
    for await (const event of readMultipart(body, boundary)) {
      if (event.kind === 'part') {
        const { name, fileName } = event.head;
        if (file || spool) throw badForm('ส่งไฟล์ได้ครั้งละหนึ่งไฟล์ และข้อมูลอื่นต้องส่งก่อนไฟล์');
        if (name === 'file' || fileName !== null) {
          if (name !== 'file') throw badForm('ไฟล์ต้องส่งในช่องชื่อ file');
          to = attachToOf(fields, now);
          await beforeFile(to);
          spool = await Spool.open(fileName);
        } else {
          if (!FIELDS.has(name))
            throw badForm(`มีข้อมูลที่ระบบไม่รู้จัก (${name.slice(0, 40)}) ส่งได้เฉพาะ progressReportId, laoCode, fiscalYear และ file`);
          if (fields.has(name)) throw badForm(`ส่งข้อมูล ${name} ซ้ำ`);
          field = { name, bytes: [], size: 0 };
        }
      } else if (event.kind === 'data') {
        if (spool) await spool.write(event.data);
        else if (field) {
          field.size += event.data.length;
          if (field.size > MAX_FIELD_BYTES) throw badForm(`ข้อมูล ${field.name} ยาวเกินกำหนด`);
          field.bytes.push(event.data);
        }
      } else if (spool) {
        file = await spool.finish();
        spool = null;
      } else if (field) {
        fields.set(field.name, Buffer.concat(field.bytes).toString('utf8').trim());
        field = null;
      }
    }
    if (!file) throw new UploadRefused(400, 'NO_FILE', 'ไม่พบไฟล์ที่แนบ กรุณาเลือกไฟล์');
    return { to: to!, file };
  } catch (err) {
    await spool?.discard();
    if (file) await discardFile(file.path);
    if (err instanceof MultipartError) throw badForm('รูปแบบข้อมูลที่ส่งไม่ถูกต้อง (ต้องเป็น multipart/form-data ที่มีไฟล์ในช่อง file)');
    throw err;
  }
}
