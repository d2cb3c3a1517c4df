import { cleanText, decimalPlaces, normalizeText, textProblem } from '../input';
import { fiscalYearProblem, supportedFiscalYears } from '../fiscal-year';

const NAME = { label: 'ชื่อโครงการ', max: 10, required: true };
const NOTE = { label: 'หมายเหตุ', max: 20, multiline: true };
const REFUSED = 'ชื่อโครงการมีอักขระพิเศษที่ระบบไม่รับ (เช่น อักขระควบคุมที่ติดมาจากการคัดลอก) กรุณาลบออกแล้วพิมพ์ใหม่';

describe('text rule', () => {
  it.each([
    ['  ทดสอบ  ', false, 'ทดสอบ'],
    ['\uFEFF\u200Bทดสอบ\u200E\u00A0', false, 'ทดสอบ'],
    ['ก\u200Bข', false, 'ก\u200Bข'],
    ['บรรทัด\r\nสอง\tสาม', false, 'บรรทัด สอง สาม'],
    ['บรรทัด\r\nสอง\rสาม\u2028สี่', true, 'บรรทัด\nสอง\nสาม\nสี่'],
    ['\u3000\u00A0\u2060', false, ''],
  ])('normalises %j (text area: %s) to %j', (raw, multiline, expected) => {
    expect(normalizeText(raw, multiline)).toBe(expected);
  });

  it.each([
    ['ทดสอบ', null],
    ['', 'กรุณากรอกชื่อโครงการ'],
    ['ก'.repeat(11), 'ชื่อโครงการต้องไม่เกิน 10 ตัวอักษร'],
    ['😀'.repeat(10), null],
    ['a\u0000b', REFUSED],
    ['a\u0085b', REFUSED],
    ['\u202Eabc', REFUSED],
    ['ab\uD800', REFUSED],
    ['\uDC00ab', REFUSED],
    ['a\uFFFDb', REFUSED],
  ])('%j: %s', (text, problem) => {
    expect(textProblem(text, NAME)).toBe(problem);
  });

  it('keeps tabs and line breaks in text areas only, refusing other control characters there too', () => {
    expect(textProblem('ข้อ 1\n\tข้อ 2', NOTE)).toBeNull();
    expect(textProblem('ข้อ 1\u000B', NOTE)).toMatch(/^หมายเหตุมีอักขระพิเศษ/);
  });

  it('puts a space after a label ending in an abbreviation’s period, none after a Thai word', () => {
    const LAO_NAME = { label: 'ชื่อ อปท.', max: 3, required: true };
    expect(textProblem('กขคง', LAO_NAME)).toBe('ชื่อ อปท. ต้องไม่เกิน 3 ตัวอักษร');
    expect(textProblem('a\u0000', LAO_NAME)).toMatch(/^ชื่อ อปท\. มีอักขระพิเศษ/);
    expect(cleanText(5, LAO_NAME).problem).toBe('กรุณากรอกชื่อ อปท. เป็นข้อความ');
    expect(textProblem('ก'.repeat(11), NAME)).toBe('ชื่อโครงการต้องไม่เกิน 10 ตัวอักษร');
  });

  it('gives null for blank optional text and refuses what is not text', () => {
    expect(cleanText(' \u200B ', NOTE)).toEqual({ value: null, problem: null });
    expect(cleanText(null, NAME)).toEqual({ value: null, problem: 'กรุณากรอกชื่อโครงการ' });
    expect(cleanText(5, NOTE)).toEqual({ value: null, problem: 'กรุณากรอกหมายเหตุเป็นข้อความ' });
  });
});

describe('decimal places', () => {
  it.each([
    [12.345, 3],
    [1, 0],
    [1e21, 0],
    [1e-7, 7],
    [1.2345e-7, 11],
    [5e-324, 324],
    [0.1 + 0.2, 17],
    [-2.5, 1],
  ])('%p has %i', (value, places) => {
    expect(decimalPlaces(value)).toBe(places);
  });
});

describe('supported fiscal years', () => {
  const now = new Date('2024-05-02T03:00:00Z'); // FY 2567

  it('run from the first plan (2561) to four years ahead', () => {
    expect(supportedFiscalYears(now)).toEqual({ first: 2561, last: 2571 });
  });

  it.each([2561, 2567, 2571])('%i is fine', (year) => {
    expect(fiscalYearProblem(year, now)).toBeNull();
  });

  it.each([-1, 0, 2560, 2572, 1_002_570, 2_147_483_647, 2567.5, Number.NaN, '2567', null])('%p is refused', (year) => {
    expect(fiscalYearProblem(year, now)).toBe('ปีงบประมาณต้องอยู่ระหว่าง พ.ศ. 2561–2571');
  });
});
