import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Whether poppler's pdftotext/pdftoppm are here (Debian: poppler-utils). npm test skips loudly without them. */
export const havePoppler = process.env.SKIP_PDFTEXT !== '1';

/** The text layer of a PDF in content order, as copy-and-paste and search see it (pdftotext -raw). */
export function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).toString('utf8');
}

/** Pages of a PDF rendered to PNG files (for a person to look at, and for page counts). */
export function pdfToPngs(pdf: Buffer, dpi = 60): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-png-'));
  fs.writeFileSync(path.join(dir, 'doc.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', path.join(dir, 'doc.pdf'), path.join(dir, 'page')]);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const THAI = /[\u0E00-\u0E7F]/;

/** Line ends that fall inside a Thai word (by the same dictionary the PDFs break with). */
export function breaksInsideWords(text: string): string[] {
  const lines = text.split('\n');
  const bad: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i];
    const b = lines[i + 1];
    if (!a || !b || !THAI.test(a.at(-1)!) || !THAI.test(b[0])) continue;
    const joined = a + b;
    const boundaries = new Set([...segmenter.segment(joined)].map((s) => s.index));
    if (!boundaries.has(a.length)) bad.push(`${a}|${b}`);
  }
  return bad;
}

export const squash = (s: string) => s.replace(/\s+/g, '');
