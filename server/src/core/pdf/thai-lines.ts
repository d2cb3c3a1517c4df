/**
 * What pdfmake does with a word wider than its column, made fit for Thai.
 *
 * breakThaiWords keeps dictionary words whole (ดำเนินการ, องค์การบริหารส่วนตำบล), and a column can be
 * narrower than one of them. pdfmake would then size an automatic column by that word, widening the
 * table past the page edge, and cut a word that still does not fit after as many UTF-16 units as fit,
 * which can part a letter from its tone mark. Here a Thai word wider than its line is set smaller, down
 * to MIN_SCALE of its size, so that it fits whole; failing that it breaks at the last of ICU's
 * boundaries inside it where the head fits (set smaller if need be: ดำเนิน|การ), or, inside a single
 * ICU word, at the last whole letter-and-marks cluster that fits. Columns are sized accordingly. A
 * word that fits its column is left alone.
 *
 * A run with no Thai and no space in it (a code, a link, a token typed without spaces) wider than
 * LONG_TOKEN asks for no wider a column than that, and where it does not fit its line it breaks at the
 * last character that fits: one such run must not push a table past the edge of the page.
 */

interface Inline {
  text: string;
  width: number;
  fontSize: number;
  leadingCut?: number;
  trailingCut?: number;
  noWrap?: boolean;
  font: unknown;
}

interface Measure {
  widthOfText(text: string, inline: Inline): number;
}

/** How much smaller a word may be set to fit its column whole. */
const MIN_SCALE = 0.8;

/** The widest column (points) a run with no Thai and no space asks for; longer ones break anywhere. */
const LONG_TOKEN = 72;

const words = new Intl.Segmenter('th', { granularity: 'word' });
const clusters = new Intl.Segmenter('th', { granularity: 'grapheme' });
const THAI = /[\u0E00-\u0E7F]/;

/** Inner boundaries of `segmenter` in `text` between two Thai characters. */
function innerBoundaries(segmenter: Intl.Segmenter, text: string): number[] {
  return [...segmenter.segment(text)].map((s) => s.index).filter((at) => at > 0 && THAI.test(text[at - 1]) && THAI.test(text[at]));
}

/** ICU's boundaries inside a word, by word: the same words come back in every document. */
const icuBoundaries = new Map<string, number[]>();
function wordBreaks(text: string): number[] {
  let breaks = icuBoundaries.get(text);
  if (!breaks) {
    if (icuBoundaries.size >= 20_000) icuBoundaries.clear();
    icuBoundaries.set(text, (breaks = innerBoundaries(words, text)));
  }
  return breaks;
}

const trimmedWidth = (inline: Inline) => inline.width - (inline.leadingCut ?? 0) - (inline.trailingCut ?? 0);

/**
 * The narrowest column a word asks for: its widest piece between ICU's boundaries, as when every
 * such boundary was a break, so tables keep the column widths they had (a word wider than its column
 * is then set smaller or broken, as below).
 */
function narrowest(inline: Inline, measure: Measure): number {
  const trimmed = trimmedWidth(inline);
  if (inline.noWrap) return trimmed;
  if (!THAI.test(inline.text)) return Math.min(trimmed, LONG_TOKEN);
  let widest = 0;
  let last = 0;
  for (const at of [...wordBreaks(inline.text), inline.text.length]) {
    widest = Math.max(widest, measure.widthOfText(inline.text.slice(last, at).trim(), inline));
    last = at;
  }
  return Math.min(trimmed, widest);
}

/** Sets `inline` smaller so that it fits in `available`, if it can be made to without going under MIN_SCALE. */
function shrinkToFit(inline: Inline, available: number): boolean {
  const scale = Math.floor((available / trimmedWidth(inline)) * 1000) / 1000;
  if (scale < MIN_SCALE) return false;
  inline.fontSize *= scale;
  inline.width *= scale;
  inline.leadingCut = (inline.leadingCut ?? 0) * scale;
  inline.trailingCut = (inline.trailingCut ?? 0) * scale;
  return true;
}

/**
 * Shortens `inline` to a head that fits in `available` and returns the rest, or null when nothing fits:
 * at the last of ICU's boundaries whose head fits, set smaller if need be, else at the last cluster
 * boundary whose head fits.
 */
function splitToFit(inline: Inline, available: number, measure: Measure): Inline | null {
  const tries: Array<[number[], number]> = [
    [wordBreaks(inline.text), available / MIN_SCALE],
    [innerBoundaries(clusters, inline.text), available],
  ];
  for (const [breaks, limit] of tries) {
    for (const at of [...breaks].reverse()) {
      const head = inline.text.slice(0, at);
      const width = measure.widthOfText(head, inline);
      if (width - (inline.leadingCut ?? 0) > limit) continue;
      const tail: Inline = { ...inline, text: inline.text.slice(at), leadingCut: 0 };
      tail.width = measure.widthOfText(tail.text, tail);
      Object.assign(inline, { text: head, width, trailingCut: 0 });
      if (trimmedWidth(inline) > available) shrinkToFit(inline, available);
      return tail;
    }
  }
  return null;
}

/**
 * Shortens a run with no Thai to the longest head that fits in `available` and returns the rest (null
 * when not even one character fits). A head is no narrower than a shorter one: found by halving.
 */
function splitTokenToFit(inline: Inline, available: number, measure: Measure): Inline | null {
  const ends = [...clusters.segment(inline.text)].map((s) => s.index + s.segment.length).slice(0, -1);
  const fits = (at: number) => measure.widthOfText(inline.text.slice(0, at), inline) - (inline.leadingCut ?? 0) <= available;
  let lo = -1;
  let hi = ends.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(ends[mid])) lo = mid;
    else hi = mid;
  }
  if (lo < 0) return null;
  const at = ends[lo];
  const head = inline.text.slice(0, at);
  const tail: Inline = { ...inline, text: inline.text.slice(at), leadingCut: 0 };
  tail.width = measure.widthOfText(tail.text, tail);
  Object.assign(inline, { text: head, width: measure.widthOfText(head, inline), trailingCut: 0 });
  return tail;
}

let installed = false;

/** Installs the above in pdfmake (once per process). */
export function breakTooWideWordsAtThaiBoundaries(): void {
  if (installed) return;
  installed = true;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const TextInlines = require('pdfmake/js/TextInlines').default as {
    new (pdfDocument: unknown): Measure;
    prototype: { buildInlines(textArray: unknown, styles: unknown): { items: Inline[]; minWidth: number; maxWidth: number } };
  };
  const LayoutBuilder = require('pdfmake/js/LayoutBuilder').default as {
    prototype: { buildNextLine(this: { writer: { context(): { availableWidth: number } } }, textNode: { _inlines?: Inline[] }): unknown };
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const measure = new TextInlines(null);

  const buildInlines = TextInlines.prototype.buildInlines;
  TextInlines.prototype.buildInlines = function (textArray, styles) {
    const built = buildInlines.call(this, textArray, styles);
    if (!built.items.some((inline) => inline.noWrap))
      built.minWidth = Math.max(0, ...built.items.map((inline) => narrowest(inline, measure)));
    return built;
  };

  const buildNextLine = LayoutBuilder.prototype.buildNextLine;
  LayoutBuilder.prototype.buildNextLine = function (textNode) {
    const inlines = textNode._inlines;
    const first = inlines?.[0];
    const available = this.writer.context().availableWidth;
    if (first && !first.noWrap && trimmedWidth(first) > available) {
      if (!THAI.test(first.text)) {
        const rest = splitTokenToFit(first, available, measure);
        if (rest) inlines!.splice(1, 0, rest);
      } else if (!shrinkToFit(first, available)) {
        const rest = splitToFit(first, available, measure);
        if (rest) inlines!.splice(1, 0, rest);
      }
    }
    return buildNextLine.call(this, textNode);
  };
}
