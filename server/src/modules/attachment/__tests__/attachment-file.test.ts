import { contentDisposition, detectType, MAX_NAME_LENGTH, safeFileName } from '../attachment-file';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('what a file is, by its content', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.4\n%âãÏÓ'), 'application/pdf'],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46), 'image/jpeg'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
    ['a Windows executable (MZ)', Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), null],
    ['a Linux executable (ELF)', bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0), null],
    ['a ZIP (an Office file)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0), null],
    ['HTML', Buffer.from('<!doctype html><script>'), null],
    ['a PDF header further in', Buffer.from(' %PDF-1.4'), null],
    ['a PNG cut short', bytes(0x89, 0x50, 0x4e, 0x47), null],
    ['nothing', bytes(), null],
  ])('%s → %s', (_what, head, type) => {
    expect(detectType(head)).toBe(type);
  });
});

describe('the name a file is kept under', () => {
  it.each([
    ['รายงานผล 6 เดือน.pdf', 'application/pdf', 'รายงานผล 6 เดือน.pdf'],
    ['ภาพกิจกรรม.JPG', 'image/jpeg', 'ภาพกิจกรรม.JPG'],
    ['scan.jpeg', 'image/jpeg', 'scan.jpeg'],
    // The content decides: a JPEG named .png, a PDF named .exe.
    ['scan.png', 'image/jpeg', 'scan.png.jpg'],
    ['report.exe', 'application/pdf', 'report.exe.pdf'],
    ['C:\\Users\\officer\\Desktop\\แผน.pdf', 'application/pdf', 'แผน.pdf'],
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['a\u202Efdp.exe', 'application/pdf', 'a fdp.exe.pdf'],
    ['"quoted"\r\nname.png', 'image/png', 'quoted name.png'],
    ['.hidden.pdf', 'application/pdf', 'hidden.pdf'],
    ['   ', 'image/png', 'ไฟล์แนบ.png'],
    [null, 'application/pdf', 'ไฟล์แนบ.pdf'],
    // Decomposed Thai (สระอำ as nikhahit + aa) is kept composed.
    ['\u0e19\u0e4d\u0e32.pdf', 'application/pdf', '\u0e19\u0e4d\u0e32.pdf'.normalize('NFC')],
  ] as const)('%j as %s → %j', (declared, type, kept) => {
    expect(safeFileName(declared, type)).toBe(kept);
  });

  it('keeps a long name to its length, with its extension', () => {
    const kept = safeFileName(`${'ก'.repeat(300)}.pdf`, 'application/pdf');
    expect([...kept].length).toBe(MAX_NAME_LENGTH);
    expect(kept.endsWith('ก.pdf')).toBe(true);
    expect([...safeFileName('ข'.repeat(300), 'image/png')].length).toBe(MAX_NAME_LENGTH);
  });

  it('offers the Thai name for download as RFC 5987 UTF-8, with an ASCII stand-in', () => {
    expect(contentDisposition('รายงาน (ฉบับจริง).pdf')).toBe(
      `attachment; filename="attachment.pdf"; filename*=UTF-8''${encodeURIComponent('รายงาน')}%20%28${encodeURIComponent('ฉบับจริง')}%29.pdf`,
    );
    expect(contentDisposition('report 2567.pdf')).toBe(`attachment; filename="report_2567.pdf"; filename*=UTF-8''report%202567.pdf`);
  });
});
