/*
 * The formats and limits a form can check before it sends, with the Thai message the server gives when
 * one is broken. The server's input classes take their rules from here, and the client imports this very
 * file (as `@rules`, client/vite.config.ts), so a field is judged the same way in the browser and on the
 * server and its message is written once. Plain data and functions only: no import, nothing of the server.
 */

// ---------------------------------------------------------------------------------------------- text

/** Whitespace and characters that show nothing: zero-width spaces and joiners, direction marks, BOM, fillers. */
const INVISIBLE = '\\s\\u00AD\\u061C\\u115F\\u180E\\u200B-\\u200F\\u2060-\\u2064\\u206A-\\u206F\\u2800\\u3164\\uFEFF\\uFFA0';
const EDGES = new RegExp(`^[${INVISIBLE}]+|[${INVISIBLE}]+$`, 'g');

/**
 * Text with whitespace and invisible characters trimmed from both ends, so text made only of them is
 * blank: what the server keeps, and what a form checks "required" on and sends.
 */
export const trimText = (text: string): string => text.replace(EDGES, '');

/**
 * A field's Thai name followed by what is said of it. Thai writes no space between words, but an
 * abbreviation's period is followed by one: "ชื่อโครงการต้องไม่เกิน", "ชื่อ อปท. ต้องไม่เกิน".
 */
export const labelled = (label: string, rest: string): string => `${label}${label.endsWith('.') ? ' ' : ''}${rest}`;

/** A format a value must have, and what the user reads when it has not. */
export interface FormatRule {
  pattern: RegExp;
  message: string;
}

/** Digits and the usual punctuation, and "ต่อ" (extension); at most 32 characters. */
export const PHONE: FormatRule = {
  pattern: /^(?=.{0,32}$)(?:[0-9+\-\s(),#.]|ต่อ)*$/,
  message: 'หมายเลขโทรศัพท์ใช้ได้เฉพาะตัวเลข + - ( ) และคำว่า "ต่อ" ไม่เกิน 32 ตัว',
};

/** A web address with or without its scheme ("www.khonhat.go.th"). */
export const WEBSITE: FormatRule = {
  pattern: /^(https?:\/\/)?[\w.-]+\.[a-z]{2,}(\/\S*)?$/i,
  message: 'รูปแบบเว็บไซต์ไม่ถูกต้อง เช่น www.khonhat.go.th',
};

/**
 * An e-mail address: a local part of the characters mail allows, and a domain of labels ending in a top
 * level of letters ("somchai.k@khonhat.go.th"); at most 254 characters.
 */
export const EMAIL: FormatRule = {
  pattern: /^(?=.{3,254}$)[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/,
  message: 'รูปแบบอีเมลไม่ถูกต้อง',
};

/** A sign-in name. */
export const USERNAME: FormatRule = {
  pattern: /^[A-Za-z0-9._-]{3,64}$/,
  message: 'ชื่อผู้ใช้งานต้องมี 3–64 ตัว ใช้ได้เฉพาะ a–z, 0–9, จุด ขีด และขีดล่าง',
};

/** At least 8 characters with a letter (Latin or Thai) and a digit. */
export const PASSWORD: FormatRule = {
  pattern: /^(?=.*[A-Za-z\u0E00-\u0E7F])(?=.*\d).{8,128}$/s,
  message: 'รหัสผ่านต้องมี 8–128 ตัวอักษร และมีทั้งตัวอักษรและตัวเลข',
};

/** The 7-digit code of an LAO. */
export const LAO_CODE: FormatRule = { pattern: /^\d{7}$/, message: 'รหัส อปท. ต้องเป็นตัวเลข 7 หลัก' };

/** What a new account needs besides formats (ADMIN's create-user form and the users import). */
export const ACCOUNT = {
  passwordRequired: 'กรุณากำหนดรหัสผ่าน (ทุกบัญชีต้องมีรหัสผ่าน ยกเว้นบัญชีระบบงาน SERVICE)',
  passwordHasUsername: 'รหัสผ่านต้องไม่มีชื่อผู้ใช้งานอยู่ในรหัสผ่าน',
  laoRequired: 'กรุณาระบุ อปท. ของผู้ใช้งาน',
  provinceRequired: 'กรุณาระบุจังหวัดของผู้ใช้งาน',
};

/** Whether a password contains the account's username (refused: the first thing a guesser tries). */
export const passwordHasUsername = (password: string, username: string): boolean =>
  username !== '' && password.toLowerCase().includes(username.toLowerCase());

/** Whether a value has the rule's format (only text can). */
export const hasFormat = (rule: FormatRule, value: unknown): boolean => typeof value === 'string' && rule.pattern.test(value);

/** What a required text field says when left blank ("กรุณากรอกชื่อโครงการ"). */
export const requiredMessage = (label: string): string => `กรุณากรอก${label}`;

// ------------------------------------------------------------------------------------------ amounts

/** The largest amount of baht a Money field takes. */
export const MAX_MONEY_TEXT = '999,999,999,999.99';
/** A Money value that is not an amount of at most two decimals within the limit. */
export const MONEY_MESSAGE = `จำนวนเงินไม่ถูกต้อง: กรอกเป็นตัวเลข ทศนิยมไม่เกิน 2 ตำแหน่ง และไม่เกิน ${MAX_MONEY_TEXT} บาท`;

/** ขนาดพื้นที่ (km²): at most three decimals, 0 to 1,000,000. */
export const AREA = {
  decimals: 3,
  max: 1_000_000,
  notANumber: 'ขนาดพื้นที่ต้องเป็นตัวเลข',
  decimalsMessage: 'ขนาดพื้นที่ใส่ทศนิยมได้ไม่เกิน 3 ตำแหน่ง',
  negativeMessage: 'ขนาดพื้นที่ต้องไม่ติดลบ',
  tooLargeMessage: 'ขนาดพื้นที่มากเกินไป',
};

/** ประชากร: a whole number, 0 to 20,000,000. */
export const POPULATION = {
  max: 20_000_000,
  wholeMessage: 'ประชากรต้องเป็นจำนวนเต็ม',
  negativeMessage: 'ประชากรต้องไม่ติดลบ',
  tooLargeMessage: 'จำนวนประชากรมากเกินไป',
};

// ------------------------------------------------------------------------------------------ projects

/** The rules of สร้างโครงการ / แก้ไขโครงการ that a form can check before it sends. */
export const PROJECT = {
  name: { label: 'ชื่อโครงการ', max: 500 },
  objective: { label: 'วัตถุประสงค์', max: 5000 },
  note: { label: 'หมายเหตุ', max: 2000 },
  fiscalYearsMessage: 'กรุณาเลือกปีงบประมาณที่ดำเนินการอย่างน้อย 1 ปี',
  categoryMessage: 'กรุณาเลือกประเภท โครงการ/กิจกรรม/มาตรการ/แนวปฏิบัติงาน',
  quartersMessage: 'กรุณาเลือกไตรมาสที่ดำเนินการอย่างน้อย 1 ไตรมาส (กรณีไม่ทราบให้เลือกไตรมาส 1)',
  dimensionMessage: 'กรุณาเลือกมิติของโครงการ',
  targetGroupsMessage: 'กรุณาเลือกกลุ่มเป้าหมายอย่างน้อย 1 กลุ่ม',
};

// -------------------------------------------------------------------------------- baseline requests

/**
 * A request for the baseline the year already has changes nothing (the manual rejects one as
 * "เท่ากับของเดิม"): refused before it reaches a reviewer.
 */
export const sameBaselineMessage = (count: number): string =>
  `จำนวนที่ขอปรับ ${count} โครงการ เท่ากับจำนวนโครงการตั้งต้นเดิม จึงไม่ต้องขอปรับ (กรอกจำนวนที่ต่างจากเดิม)`;
