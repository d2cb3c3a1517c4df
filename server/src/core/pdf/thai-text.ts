/** Thai text for print: word-boundary breaks, Buddhist-Era dates, Thai digits. */

export const ZWSP = '\u200B';
const THAI = /[\u0E00-\u0E7F]/;
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Puts a zero-width space between two Thai words, so a PDF line breaks only at word boundaries
 * (Thai is written without spaces, and the line breaker finds no break inside a Thai run). Nothing
 * is added next to spaces, digits, Latin text or punctuation.
 */
export function breakThaiWords(text: string): string {
  // NIKHAHIT + SARA AA, a common way of typing ำ, is printed (and read back) as the one character it looks like.
  text = text.replace(/\u0E4D\u0E32/g, '\u0E33');
  let out = '';
  let previous = '';
  for (const { segment } of segmenter.segment(text)) {
    if (previous && THAI.test(previous.at(-1)!) && THAI.test(segment[0])) out += ZWSP;
    out += segment;
    previous = segment;
  }
  return out;
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
