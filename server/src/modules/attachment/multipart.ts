/**
 * A small streaming reader of `multipart/form-data` (RFC 7578): what a browser's FormData or
 * `curl -F` sends. It hands over each part's headers, then its bytes as they arrive — never a whole
 * part — so that the caller decides on the first bytes of a file and stops reading the moment a limit
 * is passed. No dependency: the format needs a boundary search and a few header rules, no more.
 */

/** One part's headers: the form field's name, the file name a file was sent with, its declared type. */
export interface PartHead {
  name: string;
  fileName: string | null;
  contentType: string | null;
}

export type MultipartEvent = { kind: 'part'; head: PartHead } | { kind: 'data'; data: Buffer } | { kind: 'end' };

/** A body that is not well-formed multipart (or breaks one of its limits): the request is refused. */
export class MultipartError extends Error {}

/** How much a part's headers and the parts of one form may be, at most. */
export interface MultipartLimits {
  headerBytes: number;
  parts: number;
}

const DEFAULT_LIMITS: MultipartLimits = { headerBytes: 8 * 1024, parts: 10 };

/** The boundary of a `multipart/form-data` content type (1–70 characters, RFC 2046), or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * The parameters of a header value (`form-data; name="file"; filename="a.pdf"`), names in lower case.
 * Browsers send a quoted value as it is (a quote as %22), so a backslash stays a backslash (a Windows
 * path); only \" and \\, which other clients write, are read as the quote and the backslash they stand for.
 */
function parameters(value: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /;\s*([\w*-]+)\s*=\s*(?:"((?:[^"\\]|\\.|\\)*)"|([^;]*))/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    out.set(m[1].toLowerCase(), m[2] !== undefined ? m[2].replace(/\\(["\\])/g, '$1') : m[3].trim());
  }
  return out;
}

/** A part's head from its header lines (UTF-8: browsers send a file's Thai name as it is). */
function headOf(text: string): PartHead {
  let disposition: string | null = null;
  let contentType: string | null = null;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError('a part header without a name');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') disposition = value;
    else if (name === 'content-type') contentType = value;
  }
  if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) throw new MultipartError('a part without Content-Disposition: form-data');
  const params = parameters(disposition);
  const name = params.get('name');
  if (name === undefined) throw new MultipartError('a part without a field name');
  // RFC 5987's filename*=UTF-8''… wins over filename="…" where a client sends both.
  const extended = /^utf-8''(.*)$/i.exec(params.get('filename*') ?? '');
  let fileName = params.get('filename') ?? null;
  if (extended) {
    try {
      fileName = decodeURIComponent(extended[1]);
    } catch {
      throw new MultipartError('a file name that is not UTF-8');
    }
  }
  return { name, fileName, contentType };
}

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');

/**
 * Reads a multipart body as it streams: `part` (its head), then its bytes as `data`, then `end`, for each
 * part in order. The caller may stop at any point (leaving the loop); the rest is not read. Throws
 * MultipartError for a malformed body, one cut short, or one beyond `limits`.
 */
export async function* readMultipart(
  body: AsyncIterable<Buffer>,
  boundary: string,
  limits: MultipartLimits = DEFAULT_LIMITS,
): AsyncGenerator<MultipartEvent> {
  const first = Buffer.from(`--${boundary}`);
  // Inside a part, its end: the line break before the next boundary belongs to the boundary.
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  let state: 'preamble' | 'boundary' | 'head' | 'body' | 'done' = 'preamble';
  let parts = 0;
  let buffered: Buffer = Buffer.alloc(0);
  for await (const chunk of body) {
    if (state === 'done') break;
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    for (;;) {
      if (state === 'preamble') {
        const at = buffered.indexOf(first);
        if (at < 0) {
          if (buffered.length > limits.headerBytes) throw new MultipartError('no boundary where the body starts');
          break;
        }
        buffered = buffered.subarray(at + first.length);
        state = 'boundary';
      } else if (state === 'boundary') {
        if (buffered.length < 2) break;
        if (buffered[0] === 0x2d && buffered[1] === 0x2d) {
          state = 'done';
          break;
        }
        if (!buffered.subarray(0, 2).equals(CRLF)) throw new MultipartError('a boundary not followed by a line break');
        if (++parts > limits.parts) throw new MultipartError('too many parts');
        buffered = buffered.subarray(2);
        state = 'head';
      } else if (state === 'head') {
        const end = buffered.indexOf(HEAD_END);
        if (end < 0) {
          if (buffered.length > limits.headerBytes) throw new MultipartError('part headers too long');
          break;
        }
        if (end > limits.headerBytes) throw new MultipartError('part headers too long');
        const head = headOf(buffered.subarray(0, end).toString('utf8'));
        buffered = buffered.subarray(end + HEAD_END.length);
        state = 'body';
        yield { kind: 'part', head };
      } else if (state === 'body') {
        const at = buffered.indexOf(delimiter);
        if (at < 0) {
          // All but what could be the start of the delimiter is the part's.
          const safe = buffered.length - (delimiter.length - 1);
          if (safe > 0) {
            yield { kind: 'data', data: buffered.subarray(0, safe) };
            buffered = buffered.subarray(safe);
          }
          break;
        }
        if (at > 0) yield { kind: 'data', data: buffered.subarray(0, at) };
        yield { kind: 'end' };
        buffered = buffered.subarray(at + delimiter.length);
        state = 'boundary';
      } else {
        break;
      }
    }
  }
  if (state !== 'done') throw new MultipartError('the body ended before its closing boundary');
}
