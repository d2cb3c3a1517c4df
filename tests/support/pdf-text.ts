import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { breakThaiWords, ZWSP } from '../../server/src/core/pdf/thai-text';

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

/**
 * Line breaks that fall inside a word of the texts that were printed. For each source text found in the
 * PDF's text, every line break inside it must be at a space or at a word boundary the PDF builder
 * marked (breakThaiWords); anything else is a word broken across lines.
 */
export function breaksInsideWords(text: string, sources: string[]): string[] {
  const breaks = new Set<number>();
  let flat = '';
  for (const line of text.split('\n')) {
    const squashed = line.replace(/\s+/g, '');
    if (flat && squashed) breaks.add(flat.length);
    flat += squashed;
  }
  const bad: string[] = [];
  for (const source of sources) {
    const allowed = new Set<number>();
    let at = 0;
    for (const ch of breakThaiWords(source)) {
      if (ch === ZWSP || /\s/.test(ch)) allowed.add(at);
      else at += ch.length;
    }
    const target = source.replace(/\s+/g, '');
    for (let start = flat.indexOf(target); start >= 0; start = flat.indexOf(target, start + 1)) {
      for (let i = 1; i < target.length; i++) {
        if (breaks.has(start + i) && !allowed.has(i)) bad.push(`${target.slice(0, i)}|${target.slice(i)}`);
      }
    }
  }
  return bad;
}

export const squash = (s: string) => s.replace(/\s+/g, '');
