import { trimText } from '../../core/field-rules';

/** The largest file an LAO may attach: 10 MB (MiB), checked while the file arrives, never after. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** What evidence may be: PDF documents and JPEG or PNG photos or scans. */
export type AttachmentType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** How each kind of file begins, and the extensions its name may end with (the first is added when it has none of them). */
const SIGNATURES: Array<{ type: AttachmentType; magic: number[]; extensions: string[] }> = [
  // "%PDF-"
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d], extensions: ['pdf'] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff], extensions: ['jpg', 'jpeg'] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extensions: ['png'] },
];

/** Bytes needed to tell the kinds apart. */
export const SIGNATURE_BYTES = Math.max(...SIGNATURES.map((s) => s.magic.length));

/**
 * The kind of a file from its first bytes, whatever its name says: a PDF, a JPEG or a PNG; null for
 * anything else (an executable renamed report.pdf begins with MZ or ELF and is refused). `head` must
 * hold SIGNATURE_BYTES bytes, or the whole file when it is shorter.
 */
export function detectType(head: Uint8Array): AttachmentType | null {
  return SIGNATURES.find((s) => s.magic.every((byte, i) => head[i] === byte))?.type ?? null;
}

/** Longest name kept (code points): the column's length, with room for an added extension. */
export const MAX_NAME_LENGTH = 200;

/** Characters no file name keeps: path separators, controls, direction overrides, and what Windows refuses in names. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFD\uFFFE\uFFFF<>:"|?*\\/]/g;

/**
 * The name an attachment is kept and offered for download under: the last part of what the browser
 * sent (no folders), in NFC, without characters that are unsafe in a file name or a header, at most
 * MAX_NAME_LENGTH characters, ending with an extension of the kind the content was found to be (a JPEG
 * sent as "scan.png" becomes "scan.png.jpg"). A name left empty becomes ไฟล์แนบ.<ext>.
 */
export function safeFileName(declared: string | null, type: AttachmentType): string {
  const signature = SIGNATURES.find((s) => s.type === type)!;
  const last = (declared ?? '').split(/[\\/]/).pop() ?? '';
  let name = trimText(last.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ')).replace(/^\.+/, '');
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  const suffix = extension && signature.extensions.includes(extension) ? '' : `.${signature.extensions[0]}`;
  const room = MAX_NAME_LENGTH - suffix.length;
  const points = [...name];
  if (points.length > room) {
    // Keep the end of a long name (its extension) and as much of its start as fits.
    const tail = suffix ? [] : points.slice(-(extension!.length + 1));
    name = trimText([...points.slice(0, room - tail.length), ...tail].join(''));
  }
  return `${name || 'ไฟล์แนบ'}${suffix}`;
}

/**
 * `Content-Disposition` of a download: the name as UTF-8 in `filename*` (RFC 5987/6266, which every
 * current browser reads) and an ASCII stand-in in `filename` for the few that do not.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const replaced = fileName.replace(/[^\w.-]+/g, '_');
  // A Thai name has no ASCII left but its extension: "attachment.pdf".
  const ascii = /[A-Za-z]/.test(replaced.replace(/\.[^.]*$/, '')) ? replaced : `attachment${/\.[\w-]+$/.exec(fileName)?.[0] ?? ''}`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
