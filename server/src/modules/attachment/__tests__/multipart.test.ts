import { boundaryOf, MultipartError, readMultipart, type MultipartEvent } from '../multipart';

const BOUNDARY = '----WebKitFormBoundaryE19zNvXGzXaLvS5C';

/** A form as a browser sends it: fields, then a file. */
function form(parts: Array<{ name: string; value: string | Buffer; fileName?: string; headers?: string[] }>): Buffer {
  const pieces: Buffer[] = [];
  for (const p of parts) {
    const disposition = `Content-Disposition: form-data; name="${p.name}"${p.fileName === undefined ? '' : `; filename="${p.fileName}"`}`;
    const head = [disposition, ...(p.fileName === undefined ? [] : ['Content-Type: application/octet-stream']), ...(p.headers ?? [])];
    pieces.push(Buffer.from(`--${BOUNDARY}\r\n${head.join('\r\n')}\r\n\r\n`), Buffer.from(p.value), Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(pieces);
}

/** The body cut into pieces of `size` bytes, as the network may deliver it. */
async function* inPieces(body: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < body.length; i += size) yield body.subarray(i, i + size);
}

/** Each part with its whole content, read from pieces of `size` bytes. */
async function partsOf(body: Buffer, size: number) {
  const out: Array<{ name: string; fileName: string | null; data: Buffer }> = [];
  let current: Buffer[] = [];
  for await (const e of readMultipart(inPieces(body, size), BOUNDARY) as AsyncGenerator<MultipartEvent>) {
    if (e.kind === 'part') out.push({ name: e.head.name, fileName: e.head.fileName, data: Buffer.alloc(0) });
    else if (e.kind === 'data') current.push(e.data);
    else {
      out[out.length - 1].data = Buffer.concat(current);
      current = [];
    }
  }
  return out;
}

describe('multipart/form-data, read as it streams', () => {
  // Bytes that look like the start of a boundary inside the file, and every byte value.
  const file = Buffer.concat([
    Buffer.from('%PDF-1.7\r\n--'),
    Buffer.from(`\r\n--${BOUNDARY.slice(0, 20)}`),
    Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  ]);
  const body = form([
    { name: 'laoCode', value: '6800707' },
    { name: 'fiscalYear', value: '2567' },
    { name: 'file', value: file, fileName: 'รายงานผล 6 เดือน.pdf' },
  ]);

  it.each([1, 2, 7, 64, 1024, body.length])('gives every part whole, read in pieces of %i bytes', async (size) => {
    const parts = await partsOf(body, size);
    expect(parts.map((p) => [p.name, p.fileName, p.name === 'file' ? p.data.equals(file) : p.data.toString()])).toEqual([
      ['laoCode', null, '6800707'],
      ['fiscalYear', null, '2567'],
      ['file', 'รายงานผล 6 เดือน.pdf', true],
    ]);
  });

  it('reads the boundary of the content type, quoted or not, and nothing else as multipart', () => {
    expect(boundaryOf(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(boundaryOf('multipart/form-data; boundary="a b"; charset=utf-8')).toBe('a b');
    expect(boundaryOf('application/pdf')).toBeNull();
    expect(boundaryOf('multipart/form-data')).toBeNull();
    expect(boundaryOf(undefined)).toBeNull();
  });

  it('prefers the UTF-8 name of filename*', async () => {
    const named = form([{ name: 'file', value: 'x', fileName: 'a.pdf', headers: [] }])
      .toString('latin1')
      .replace('filename="a.pdf"', `filename="a.pdf"; filename*=UTF-8''${encodeURIComponent('หลักฐาน.pdf')}`);
    const [part] = await partsOf(Buffer.from(named, 'latin1'), 5);
    expect(part.fileName).toBe('หลักฐาน.pdf');
  });

  it.each([
    ['a body cut short', body.subarray(0, body.length - 10)],
    ['no boundary at all', Buffer.alloc(20_000, 0x41)],
    ['a part without Content-Disposition', Buffer.from(`--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nx\r\n--${BOUNDARY}--`)],
    ['headers that never end', Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"; x="${'y'.repeat(20_000)}"`)],
    ['too many parts', form(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, value: 'x' })))],
  ])('refuses %s', async (_what, bad) => {
    await expect(partsOf(bad, 100)).rejects.toBeInstanceOf(MultipartError);
  });

  it('stops reading when the caller stops: the rest of the body is never asked for', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n\r\n`);
      for (;;) {
        pulled++;
        yield Buffer.alloc(64 * 1024, 0x20);
      }
    }
    let received = 0;
    for await (const e of readMultipart(endless(), BOUNDARY)) {
      if (e.kind === 'data') received += e.data.length;
      if (received > 1024 * 1024) break;
    }
    expect(pulled).toBeLessThanOrEqual(18);
  });
});
