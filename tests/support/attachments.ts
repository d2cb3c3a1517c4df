/**
 * Evidence files for the tests of POST /attachments (modules/attachment): small real-looking files of each
 * kind the server takes and of kinds it refuses, and the upload as the web client sends it.
 */
import { discPng } from './png';

/** A small PDF (one empty page) and its bytes of any length: what matters to the server is how it begins. */
export function pdfOf(size = 2_000): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n');
  const tail = Buffer.from('\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const body = Buffer.alloc(Math.max(0, size - head.length - tail.length));
  // Every byte value, so that a file read back is compared byte for byte, not as text.
  for (let i = 0; i < body.length; i++) body[i] = (i * 31 + 7) % 256;
  return Buffer.concat([head, body, tail]).subarray(0, Math.max(size, head.length + tail.length));
}

/** A JPEG's opening (SOI, APP0 JFIF) and some bytes after it. */
export const jpeg = (): Buffer =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0'),
    Buffer.alloc(500, 0x11),
    Buffer.from([0xff, 0xd9]),
  ]);

export const png = (): Buffer => discPng(40, 40);

/** A Windows executable's opening (MZ, the DOS stub's words), as a renamed program would send it. */
export const exe = (): Buffer =>
  Buffer.concat([
    Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'),
    Buffer.alloc(400),
    Buffer.from('This program cannot be run in DOS mode.'),
  ]);

/** A file's bytes as a form carries them. */
export const blobOf = (bytes: Buffer): Blob => new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' });

export interface UploadAuth {
  token?: string;
  cookie?: string;
}

export interface UploadAnswer {
  status: number;
  body: { id?: string; message?: string; code?: string; reason?: string; [key: string]: unknown } | null;
}

/**
 * POST /attachments as the web client sends it: the fields first, then the file, with the header that
 * marks a request of the app's own pages (`preflight: false` leaves it out, as a form of another site would).
 */
export async function uploadFile(
  baseUrl: string,
  auth: UploadAuth,
  fields: Record<string, string>,
  file: { bytes: Buffer; name: string } | null,
  { preflight = true }: { preflight?: boolean } = {},
): Promise<UploadAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', blobOf(file.bytes), file.name);
  const headers: Record<string, string> = {};
  if (preflight) headers['apollo-require-preflight'] = 'true';
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  const res = await fetch(`${baseUrl}/attachments`, { method: 'POST', body: form, headers });
  const text = await res.text();
  let body: UploadAnswer['body'] = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = { message: text };
  }
  return { status: res.status, body };
}
