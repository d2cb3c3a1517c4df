import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where a PDF's words are drawn, as poppler finds them (`pdftotext -bbox-layout`): one box per word,
 * per page, in points from the page's top left. What a reader would see as overprinted text (two words
 * on top of each other, an amount printed over its neighbour) or text cut off by the page's edge.
 */

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PageBoxes {
  page: number;
  width: number;
  height: number;
  words: WordBox[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );

/** The word boxes of every page of a PDF. */
export function wordBoxes(pdf: Buffer): PageBoxes[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-boxes-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 256 << 20 }).toString('utf8');
  const pages: PageBoxes[] = [];
  for (const [, width, height, inner] of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const page = pages.length + 1;
    const words = [...inner.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map(
      ([, xMin, yMin, xMax, yMax, text]) => ({ page, text: unescape(text), xMin: +xMin, yMin: +yMin, xMax: +xMax, yMax: +yMax }),
    );
    pages.push({ page, width: +width, height: +height, words });
  }
  return pages;
}

/** How far two boxes may touch (points) without being called overlapping: rounding in the PDF's positions. */
const TOUCH = 0.5;

const describe = (w: WordBox) =>
  `p${w.page} "${w.text}" [${w.xMin.toFixed(1)}, ${w.yMin.toFixed(1)}, ${w.xMax.toFixed(1)}, ${w.yMax.toFixed(1)}]`;

/** Pairs of words whose boxes overlap by more than TOUCH both across and down: overprinted text. */
export function overlappingWords(pages: PageBoxes[]): string[] {
  const found: string[] = [];
  for (const { words } of pages) {
    const byLeft = [...words].sort((a, b) => a.xMin - b.xMin);
    for (let i = 0; i < byLeft.length; i++) {
      const a = byLeft[i];
      for (let j = i + 1; j < byLeft.length && byLeft[j].xMin < a.xMax - TOUCH; j++) {
        const b = byLeft[j];
        const across = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const down = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (across > TOUCH && down > TOUCH) found.push(`${describe(a)} overlaps ${describe(b)}`);
      }
    }
  }
  return found;
}

/** Words that reach past the edge of their page (or lie off it). */
export function wordsOffPage(pages: PageBoxes[]): string[] {
  return pages.flatMap(({ width, height, words }) =>
    words.filter((w) => w.xMin < 0 || w.yMin < 0 || w.xMax > width || w.yMax > height).map(describe),
  );
}

/** The page sizes, as "595x842" (portrait A4) or "842x595" (landscape A4), rounded. */
export const pageSizes = (pages: PageBoxes[]) => [...new Set(pages.map((p) => `${Math.round(p.width)}x${Math.round(p.height)}`))];
