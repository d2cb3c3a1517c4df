/** Thai text for print: word-boundary breaks, Buddhist-Era dates, Thai digits. */

import { NAME_TYPES, thaiDictionary } from './thai-words';

export const ZWSP = '\u200B';
const THAI = /[\u0E00-\u0E7F]/;
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** Longer than this, what follows a type word is running text, not a name. */
const NAME_MAX = 24;
/** The abbreviated type words (ต. อ. จ. อบต. ทต. …) before a name. */
const ABBREVIATED_TYPE = /(?:^|[^\u0E00-\u0E7F])(?:ต|อ|จ|อบต|อบจ|ทต|ทม|ทน)\.\s?$/;
const TYPE_WORDS = [...NAME_TYPES].sort((a, b) => b.length - a.length);

/**
 * Puts a zero-width space between two Thai words, so a PDF line breaks only at word boundaries
 * (Thai is written without spaces, and the line breaker finds no break inside a Thai run). The
 * boundaries are ICU's, except inside a word of the dictionary (thai-words.ts: the domain's terms and
 * compounds, every province, district and subdistrict name) and inside a name that follows the word
 * saying what it is (องค์การบริหารส่วนตำบลขอนหาด, อำเภอชะอวด, จ.กระบี่), whether or not the dictionary
 * knows it. `names` are further names the text prints (an LAO's name, with or without its type word),
 * each kept whole. Nothing is added next to spaces, digits, Latin text or punctuation.
 */
export function breakThaiWords(text: string, names: readonly string[] = []): string {
  const key = names.length ? [text, ...names].join('\u0000') : text;
  let broken = brokenTexts.get(key);
  if (broken === undefined) {
    if (brokenTexts.size >= BROKEN_TEXTS) brokenTexts.clear();
    brokenTexts.set(key, (broken = breakWords(text, names)));
  }
  return broken;
}

/**
 * Texts already broken into words, by text (and names): the same project names, notes and headings
 * come back in every document of an LAO, and breaking one takes ICU and the dictionary tens of
 * microseconds. Started afresh when it holds this many.
 */
const BROKEN_TEXTS = 20_000;
const brokenTexts = new Map<string, string>();

function breakWords(text: string, names: readonly string[]): string {
  // NIKHAHIT + SARA AA, a common way of typing ำ, is printed (and read back) as the one character it looks like.
  text = text.replace(/\u0E4D\u0E32/g, '\u0E33');
  const boundaries = [...segmenter.segment(text)].map((s) => s.index);
  boundaries.push(text.length);
  // whole[i]: no break between text[i - 1] and text[i].
  const whole = new Uint8Array(text.length + 1);
  const keep = (start: number, end: number) => whole.fill(1, start + 1, end);
  keepDictionaryWords(text, boundaries, keep);
  keepNamesAfterTypes(text, keep);
  for (const name of names) {
    const proper = name.normalize('NFC').replace(/\u0E4D\u0E32/g, '\u0E33');
    const type = TYPE_WORDS.find((t) => proper.startsWith(t) && proper.length > t.length);
    const word = type ? proper.slice(type.length) : proper;
    for (let at = text.indexOf(word); word && at >= 0; at = text.indexOf(word, at + 1)) keep(at, at + word.length);
  }
  let out = '';
  let last = 0;
  for (const at of boundaries) {
    if (at > 0 && at < text.length && !whole[at] && THAI.test(text[at - 1]) && THAI.test(text[at])) {
      out += text.slice(last, at) + ZWSP;
      last = at;
    }
  }
  return out + text.slice(last);
}

/**
 * Every dictionary word that starts or ends at one of ICU's boundaries (ICU may end a name inside the
 * word after it: แม่|ออ|นที่ for แม่ออน ที่) is kept whole.
 */
function keepDictionaryWords(text: string, boundaries: number[], keep: (start: number, end: number) => void): void {
  const dictionary = thaiDictionary();
  for (const at of boundaries) {
    dictionary.wordsFrom(text, at, (end) => keep(at, end));
    dictionary.wordsTo(text, at, (start) => keep(start, at));
  }
}

/** The Thai letters after a type word (or its abbreviation), up to the end of the Thai run, when short enough to be a name. */
function keepNamesAfterTypes(text: string, keep: (start: number, end: number) => void): void {
  for (const run of text.matchAll(/[\u0E00-\u0E7F]+/g)) {
    const start = run.index;
    const end = start + run[0].length;
    if (run[0].length <= NAME_MAX && ABBREVIATED_TYPE.test(text.slice(Math.max(0, start - 6), start))) keep(start, end);
    for (const type of TYPE_WORDS) {
      for (let at = run[0].indexOf(type); at >= 0; at = run[0].indexOf(type, at + 1)) {
        const name = start + at + type.length;
        if (name < end && end - name <= NAME_MAX) keep(name, end);
      }
    }
  }
}

const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
];

/** "2 พฤษภาคม 2567", in Bangkok time. */
export function thaiDate(date: Date): string {
  const bkk = new Date(date.getTime() + 7 * 3600_000);
  return `${bkk.getUTCDate()} ${THAI_MONTHS[bkk.getUTCMonth()]} ${bkk.getUTCFullYear() + 543}`;
}

/** "2 พฤษภาคม 2567 เวลา 10:00 น.", in Bangkok time. */
export function thaiDateTime(date: Date): string {
  const bkk = new Date(date.getTime() + 7 * 3600_000);
  const hh = String(bkk.getUTCHours()).padStart(2, '0');
  const mm = String(bkk.getUTCMinutes()).padStart(2, '0');
  return `${thaiDate(date)} เวลา ${hh}:${mm} น.`;
}

/** Arabic digits → Thai digits (๐–๙), as official memos write them. */
export const thaiDigits = (text: string): string => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
