import fs from 'node:fs';
import path from 'node:path';

/**
 * The dictionary that decides where a printed Thai line may break, on top of ICU's word boundaries
 * (Intl.Segmenter), which split compounds and names: ท้อง|ถิ่น, ผู้|บริหาร, ขอน|หาด, เกาะ|กลาง. It holds
 * the domain's terms and compounds below and every province, district and subdistrict name of the
 * geography data; an LAO's own name is kept whole after the word that says what it is (thai-text.ts).
 * Built once per process, on first use.
 */

/**
 * Words of the domain (plans, reports, LAO offices) that ICU splits or might: lexical words and
 * compounds (ท้องถิ่น, ผู้บริหาร, ดำเนินการ), not phrases of several words, which may break between them
 * (องค์กรปกครอง|ส่วนท้องถิ่น), except the names of the kinds of LAO, printed as one name.
 */
const DOMAIN_WORDS = `
  องค์การบริหารส่วนตำบล องค์การบริหารส่วนจังหวัด เทศบาลตำบล เทศบาลเมือง เทศบาลนคร กรุงเทพมหานคร เมืองพัทยา
  ท้องถิ่น องค์กร องค์การ ปกครอง เทศบาล ตำบล อำเภอ จังหวัด หมู่บ้าน ชุมชน
  ผู้บริหาร สมาชิก นายกเทศมนตรี เทศมนตรี นายอำเภอ ผู้ว่าราชการ ปลัด สำนักปลัด สำนักงาน หัวหน้า
  ส่วนราชการ ราชการ ข้าราชการ ทางราชการ เจ้าหน้าที่ พนักงาน ลูกจ้าง บุคลากร หน่วยงาน
  คณะกรรมการ กรรมการ อนุกรรมการ ประธาน นิติกร ตำแหน่ง
  ธรรมาภิบาล ข้อบัญญัติ เทศบัญญัติ งบประมาณ ปีงบประมาณ รายจ่าย รายรับ ประจำปี เบิกจ่าย
  ดำเนินการ ดำเนินงาน แผนการ ปฏิบัติการ ปฏิบัติงาน แนวปฏิบัติ แนวทาง
  ป้องกัน ทุจริต ประพฤติมิชอบ ผลประโยชน์ ทับซ้อน
  ส่งเสริม เสริมสร้าง ต่อต้าน เผยแพร่ ประชาสัมพันธ์ ประชาชน ประชาคม เครือข่าย เฝ้าระวัง
  ตรวจสอบ ติดตาม ประเมินผล ประเมิน กำกับ ร้องเรียน ร้องทุกข์ จัดซื้อ จัดจ้าง จัดทำ จัดการ ข้อตกลง
  โปร่งใส คุณธรรม จริยธรรม ประมวล เจตจำนง สุจริต ซื่อสัตย์ ค่านิยม วัฒนธรรม
  เศรษฐกิจ พอเพียง ปรัชญา เชิดชู เกียรติ ยกย่อง ต้นแบบ ดีเด่น ฝึกอบรม อบรม ปลูกฝัง
  มาตรฐาน มาตรการ โครงการ กิจกรรม ศักยภาพ ประสิทธิภาพ ประสิทธิผล ความรู้ สมรรถนะ
  เงินเดือน เลื่อนขั้น ขั้นตอน ระยะเวลา คำสั่ง มอบหมาย อนุมัติ อนุญาต พิจารณา
  ข้อเสนอแนะ เสนอแนะ ข้อเท็จจริง เรื่องเดิม ความเห็น บันทึก ข้อความ รายละเอียด เอกสาร แนบท้าย
  รายงาน ผู้รายงาน ขั้นต่ำ ตั้งต้น แล้วเสร็จ สอดคล้อง อุปสรรค ร้อยละ ไตรมาส หมายเหตุ
  ข้อมูล ข่าวสาร สาธารณะ ทรัพย์สิน อิเล็กทรอนิกส์ คู่มือ บริการ พึงพอใจ
  ส่วนร่วม บูรณาการ ภาคส่วน ขับเคลื่อน ยุทธศาสตร์ นโยบาย เป้าหมาย ตัวชี้วัด ผลสัมฤทธิ์
  เปลี่ยนแปลง เพิ่มเติม ประกาศ ระเบียบ กฎหมาย พระราชบัญญัติ
  วันที่ หมู่ที่ เลขที่ เรียบร้อย ประจักษ์ ประพฤติ เกี่ยวข้อง วิริยะ อุตสาหะ แยกแยะ ส่วนตน ส่วนรวม
  บริหาร ความเสี่ยง ทรัพยากร เข้มแข็ง คุณประโยชน์
`;

/** The words that say what the name after them is: an LAO's type, or a place's. */
export const NAME_TYPES = [
  'องค์การบริหารส่วนตำบล',
  'องค์การบริหารส่วนจังหวัด',
  'เทศบาลตำบล',
  'เทศบาลเมือง',
  'เทศบาลนคร',
  'ตำบล',
  'แขวง',
  'อำเภอ',
  'เขต',
  'จังหวัด',
];

/**
 * The words as two tries, one read forwards and one backwards, so a scan from a word boundary stops as
 * soon as no word can continue it. A trie is a map from (node, Thai letter) to the next node, and the
 * set of nodes that end a word; node 0 is the root. Keys stay small integers (fast maps).
 */
export class ThaiDictionary {
  private readonly next = [new Map<number, number>(), new Map<number, number>()];
  private readonly ends = [new Set<number>(), new Set<number>()];
  private nodes = [1, 1];

  /** A word of Thai letters (U+0E01–U+0E4E). */
  add(word: string): void {
    for (const direction of [0, 1] as const) {
      let node = 0;
      for (let i = 0; i < word.length; i++) {
        const key = node * 128 + word.charCodeAt(direction ? word.length - 1 - i : i) - 0x0e00;
        let child = this.next[direction].get(key);
        if (child === undefined) this.next[direction].set(key, (child = this.nodes[direction]++));
        node = child;
      }
      this.ends[direction].add(node);
    }
  }

  /** Calls `found(end)` for every word text[start, end). */
  wordsFrom(text: string, start: number, found: (end: number) => void): void {
    for (let i = start, node = 0; i < text.length; i++) {
      const letter = text.charCodeAt(i) - 0x0e00;
      const child = letter >= 0 && letter < 128 ? this.next[0].get(node * 128 + letter) : undefined;
      if (child === undefined) return;
      node = child;
      if (this.ends[0].has(node)) found(i + 1);
    }
  }

  /** Calls `found(start)` for every word text[start, end). */
  wordsTo(text: string, end: number, found: (start: number) => void): void {
    for (let i = end - 1, node = 0; i >= 0; i--) {
      const letter = text.charCodeAt(i) - 0x0e00;
      const child = letter >= 0 && letter < 128 ? this.next[1].get(node * 128 + letter) : undefined;
      if (child === undefined) return;
      node = child;
      if (this.ends[1].has(node)) found(i);
    }
  }
}

let dictionary: ThaiDictionary | undefined;

/** Every province, district and subdistrict name in Thai, read from the geography data without parsing it whole. */
function geographyNames(): string[] {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const geography = path.join(dir, 'server', 'data', 'geography');
    if (!fs.existsSync(path.join(geography, 'provinces.json'))) continue;
    return ['provinces.json', 'districts.json', 'subdistricts.json'].flatMap((file) =>
      [...fs.readFileSync(path.join(geography, file), 'utf8').matchAll(/"(?:province|district|subdistrict)NameTh":\s*"([^"]*)"/g)].map(
        (m) => m[1],
      ),
    );
  }
  throw new Error('server/data/geography not found');
}

/** The dictionary, built on first use. */
export function thaiDictionary(): ThaiDictionary {
  if (dictionary) return dictionary;
  dictionary = new ThaiDictionary();
  const seen = new Set<string>();
  for (const entry of [...DOMAIN_WORDS.split(/\s+/), ...geographyNames()]) {
    // Names such as สุไหงโก-ลก hold their Thai parts; each part is a word.
    for (const word of entry.split(/[^\u0E01-\u0E4E]+/)) {
      if (word.length > 1 && !seen.has(word)) {
        seen.add(word);
        dictionary.add(word);
      }
    }
  }
  return dictionary;
}
