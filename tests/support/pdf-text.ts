import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { breakThaiWords, ZWSP } from '../../server/src/core/pdf/thai-text';

/**
 * Reading PDFs back as the people who get them do: the text that copy-and-paste and search see in the
 * three engines behind the viewers officials use — poppler (pdftotext; Linux viewers), pdf.js
 * (Firefox and many web viewers) and PDFium (Chrome, Edge) — and the checks strict parsers make.
 */

/** Whether poppler's pdftotext/pdftoppm are here (Debian: poppler-utils). npm test skips loudly without them. */
export const havePoppler = process.env.SKIP_PDFTEXT !== '1';

export type PdfEngine = 'poppler' | 'pdfjs' | 'pdfium';
export const PDF_ENGINES: readonly PdfEngine[] = ['poppler', 'pdfjs', 'pdfium'];

function tempPdf(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-pdf-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  return file;
}

/** Runs tests/support/pdf-read.mjs (pdf.js and PDFium, in a child process) on the PDF. */
function readWithNode(pdf: Buffer, requests: string[]): Record<string, any> {
  const script = path.join(__dirname, 'pdf-read.mjs');
  const out = execFileSync(process.execPath, [script, tempPdf(pdf), ...requests], { maxBuffer: 64 << 20 });
  return JSON.parse(out.toString('utf8'));
}

/** The text layer of a PDF in content order, as copy-and-paste and search see it (pdftotext -raw). */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', tempPdf(pdf), '-']).toString('utf8');
}

/**
 * The text an engine gives back for copy-and-paste and search, pages separated by a form feed:
 * poppler's `pdftotext -raw`, pdf.js's text content (a line end after each item that ends one),
 * PDFium's FPDFText_GetText. Spacing and line ends differ between engines; the letters must not.
 */
export function readBack(pdf: Buffer, engine: PdfEngine): string {
  if (engine === 'poppler') return pdfText(pdf);
  return (readWithNode(pdf, [engine])[engine] as string[]).join('\f');
}

/** readBack with every engine (pdf.js and PDFium in one child process). */
export function readBackAll(pdf: Buffer): Record<PdfEngine, string> {
  const read = readWithNode(pdf, ['pdfjs', 'pdfium']);
  return { poppler: pdfText(pdf), pdfjs: read.pdfjs.join('\f'), pdfium: read.pdfium.join('\f') };
}

/** How many times PDFium's own search (what the find bar of Chrome and Edge runs) finds each text. */
export function pdfiumFind(pdf: Buffer, needles: string[]): number[] {
  const read = readWithNode(
    pdf,
    needles.map((n) => `find=${n}`),
  );
  return needles.map((n) => read[`find=${n}`] as number);
}

/** The document's title, language (/Lang) and whether viewers show the title (DisplayDocTitle), as pdf.js reads them. */
export function pdfInfo(pdf: Buffer): { title: string | null; language: string | null; displayDocTitle: boolean } {
  return readWithNode(pdf, ['info']).info;
}

/** Pages of a PDF rendered to PNG files (for a person to look at, and for page counts). */
export function pdfToPngs(pdf: Buffer, dpi = 60): string[] {
  const file = tempPdf(pdf);
  const dir = path.dirname(file);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, path.join(dir, 'page')]);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * What a strict parser (pypdf, a PDF/A validator) would reject in the PDF's ToUnicode CMaps: a
 * destination that is empty, not whole UTF-16BE code units, a broken surrogate pair or U+0000; hex
 * strings with spaces inside; a source code outside the two-byte code space or mapped twice; a block
 * whose count is wrong or over 100; a range that is inverted, crosses a last-byte boundary or whose
 * array has the wrong length. [] when every CMap is valid; the check fails when there is none.
 */
export function toUnicodeProblems(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const refs = [...raw.matchAll(/\/ToUnicode (\d+) 0 R/g)].map((m) => m[1]);
  if (refs.length === 0) return ['no ToUnicode CMap'];
  const problems: string[] = [];
  for (const ref of new Set(refs)) {
    const obj = new RegExp(`(?:^|[\\r\\n])${ref} 0 obj\\s*<<([\\s\\S]*?)>>\\s*stream\\r?\\n`).exec(raw);
    if (!obj) {
      problems.push(`${ref}: CMap stream not found`);
      continue;
    }
    const length = Number(/\/Length (\d+)/.exec(obj[1])?.[1]);
    const start = obj.index + obj[0].length;
    let data = pdf.subarray(start, start + length);
    if (/\/FlateDecode/.test(obj[1])) data = zlib.inflateSync(data);
    problems.push(...cmapProblems(data.toString('latin1')).map((p) => `${ref}: ${p}`));
  }
  return problems;
}

function cmapProblems(cmap: string): string[] {
  const problems: string[] = [];
  if (!/begincmap[\s\S]*endcmap/.test(cmap)) problems.push('no begincmap … endcmap');
  if (!/1 begincodespacerange\s*<0000>\s*<ffff>\s*endcodespacerange/i.test(cmap)) problems.push('no two-byte code space');
  const mapped = new Set<number>();
  const source = (hex: string) => {
    if (!/^[0-9a-f]{4}$/i.test(hex)) {
      problems.push(`source <${hex}> is not a two-byte code`);
      return -1;
    }
    return parseInt(hex, 16);
  };
  const destination = (code: number, hex: string) => {
    if (hex === '') return problems.push(`<${code.toString(16)}> maps to an empty string`);
    if (!/^[0-9a-f]+$/i.test(hex)) return problems.push(`<${code.toString(16)}> maps to <${hex}>: not bare hex digits`);
    if (hex.length % 4) return problems.push(`<${code.toString(16)}> maps to <${hex}>: not whole UTF-16 code units`);
    const units = hex.match(/.{4}/g)!.map((u) => parseInt(u, 16));
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      if (u === 0) problems.push(`<${code.toString(16)}> maps to U+0000`);
      if (u >= 0xd800 && u < 0xdc00 && !(units[i + 1] >= 0xdc00 && units[i + 1] < 0xe000))
        problems.push(`<${code.toString(16)}>: broken surrogate pair`);
      if (u >= 0xd800 && u < 0xdc00) i++;
      else if (u >= 0xdc00 && u < 0xe000) problems.push(`<${code.toString(16)}>: broken surrogate pair`);
    }
  };
  const once = (code: number) => {
    if (mapped.has(code)) problems.push(`<${code.toString(16)}> is mapped twice`);
    mapped.add(code);
  };
  for (const block of cmap.matchAll(/(\d+)\s+beginbfchar([\s\S]*?)endbfchar/g)) {
    const entries = [...block[2].matchAll(/<([^>]*)>\s*<([^>]*)>/g)];
    if (entries.length !== Number(block[1]) || entries.length > 100)
      problems.push(`a bfchar block says ${block[1]} and holds ${entries.length}`);
    for (const [, src, dst] of entries) {
      const code = source(src);
      if (code < 0) continue;
      once(code);
      destination(code, dst);
    }
  }
  for (const block of cmap.matchAll(/(\d+)\s+beginbfrange([\s\S]*?)endbfrange/g)) {
    const entries = [...block[2].matchAll(/<([^>]*)>\s*<([^>]*)>\s*(?:<([^>]*)>|\[([^\]]*)\])/g)];
    if (entries.length !== Number(block[1]) || entries.length > 100)
      problems.push(`a bfrange block says ${block[1]} and holds ${entries.length}`);
    for (const [, lo, hi, single, array] of entries) {
      const from = source(lo);
      const to = source(hi);
      if (from < 0 || to < 0) continue;
      if (to < from || from >> 8 !== to >> 8) problems.push(`range <${lo}> <${hi}> is inverted or crosses a last-byte boundary`);
      const list = array === undefined ? null : [...array.matchAll(/<([^>]*)>/g)].map((m) => m[1]);
      if (list && list.length !== to - from + 1) problems.push(`range <${lo}> <${hi}> has ${list.length} destinations`);
      for (let code = from; code <= to; code++) {
        once(code);
        destination(code, list ? (list[code - from] ?? '') : single);
      }
    }
  }
  if (mapped.size === 0) problems.push('maps nothing');
  return problems;
}

/** Text with all white space removed: engines differ in where they put spaces and line ends. */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** How many times `needle` occurs in the text, white space ignored. */
export const occurrences = (text: string, needle: string) => squash(text).split(squash(needle)).length - 1;

/** Line ends of poppler's text as positions in the squashed text, and the squashed text. */
function lineBreaks(text: string): { flat: string; breaks: Set<number> } {
  const breaks = new Set<number>();
  let flat = '';
  for (const line of text.split('\n')) {
    const squashed = squash(line);
    if (flat && squashed) breaks.add(flat.length);
    flat += squashed;
  }
  return { flat, breaks };
}

/**
 * Line breaks that fall inside a word of the texts that were printed. For each source text found in the
 * PDF's text, every line break inside it must be at a space, after a slash between words, or at a word
 * boundary the PDF builder marked (breakThaiWords); anything else is a word broken across lines.
 */
export function breaksInsideWords(text: string, sources: string[]): string[] {
  const { flat, breaks } = lineBreaks(text);
  const bad: string[] = [];
  for (const source of sources) {
    const allowed = new Set<number>();
    let at = 0;
    for (const ch of breakThaiWords(source)) {
      if (ch === ZWSP || /\s/.test(ch)) allowed.add(at);
      else at += ch.length;
      if (ch === '/') allowed.add(at);
    }
    const target = squash(source);
    for (let start = flat.indexOf(target); start >= 0; start = flat.indexOf(target, start + 1)) {
      for (let i = 1; i < target.length; i++) {
        if (breaks.has(start + i) && !allowed.has(i)) bad.push(`${target.slice(0, i)}|${target.slice(i)}`);
      }
    }
  }
  return bad;
}

/**
 * Words broken across lines: every occurrence of each word (a name, a dictionary term) in the PDF's
 * text, with any line break inside it. Judged by the words alone, not by the PDF builder's own breaks.
 */
export function wordsBrokenAcrossLines(text: string, words: string[]): string[] {
  const { flat, breaks } = lineBreaks(text);
  const bad: string[] = [];
  for (const word of words) {
    const target = squash(word);
    for (let start = flat.indexOf(target); start >= 0; start = flat.indexOf(target, start + 1)) {
      for (let i = 1; i < target.length; i++) if (breaks.has(start + i)) bad.push(`${target.slice(0, i)}|${target.slice(i)}`);
    }
  }
  return bad;
}
