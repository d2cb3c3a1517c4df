import fs from 'node:fs';
import path from 'node:path';
import { DEMO_LAOS } from '../../demo/demo-data';
import { KHLONG_THOM_TAI_2564, KHON_HAT_2567 } from '../../demo/khon-hat-2567';
import { breakThaiWords, thaiDate, thaiDateTime, thaiDigits, ZWSP } from '../pdf/thai-text';

const GEOGRAPHY = path.join(__dirname, '..', '..', '..', 'data', 'geography');
const rows = (file: string) => JSON.parse(fs.readFileSync(path.join(GEOGRAPHY, file), 'utf8')) as Array<Record<string, any>>;
const provinces = rows('provinces.json').map((p) => p.provinceNameTh as string);
const districts = rows('districts.json');
const subdistricts = rows('subdistricts.json');

/** The places in `text` where breakThaiWords allows a line break inside `word`. */
function breaksInside(text: string, word: string): string[] {
  const marked = breakThaiWords(text);
  const bad: string[] = [];
  let flat = '';
  const allowed = new Set<number>();
  for (const ch of marked) {
    if (ch === ZWSP) allowed.add(flat.length);
    else flat += ch;
  }
  for (let at = flat.indexOf(word); at >= 0; at = flat.indexOf(word, at + 1)) {
    for (let i = at + 1; i < at + word.length; i++)
      if (allowed.has(i)) bad.push(`${text}: ${flat.slice(at, i)}|${flat.slice(i, at + word.length)}`);
  }
  return bad;
}

/** Thai parts of a name (สุไหงโก-ลก, จ.ป.ร.): the dictionary's words. */
const parts = (name: string) => name.split(/[^\u0E01-\u0E4E]+/).filter((p) => p.length > 1);

describe('Thai text for print', () => {
  it('marks word boundaries between Thai words only, losing nothing', () => {
    expect(breakThaiWords('โครงการส่งเสริมคุณธรรม')).toBe(['โครงการ', 'ส่งเสริม', 'คุณธรรม'].join(ZWSP));
    expect(breakThaiWords('มาตรการ NO Gift Policy (2567)')).toBe('มาตรการ NO Gift Policy (2567)');
    expect(breakThaiWords('น้ำท่วม')).toBe(`น้ำ${ZWSP}ท่วม`);
    for (const { name } of [...KHON_HAT_2567, ...KHLONG_THOM_TAI_2564]) {
      const marked = breakThaiWords(name);
      expect(marked.split(ZWSP).join('')).toBe(name);
      if (name.length > 40) expect(marked.split(ZWSP).length).toBeGreaterThan(4);
    }
  });

  it('prints NIKHAHIT + SARA AA as the SARA AM it looks like', () => {
    expect(breakThaiWords('สํานัก')).toBe('สำนัก');
  });

  it('keeps the domain’s terms and compounds whole, which ICU splits', () => {
    const split = new Intl.Segmenter('th', { granularity: 'word' });
    const terms = ['ท้องถิ่น', 'ธรรมาภิบาล', 'งบประมาณ', 'ดำเนินการ', 'ข้อบัญญัติ', 'ผู้บริหาร', 'องค์การบริหารส่วนตำบล', 'ผลประโยชน์', 'ทับซ้อน', 'ส่งเสริม'];
    for (const term of terms) expect([term, [...split.segment(term)].length > 1]).toEqual([term, true]);
    const texts = [
      'โครงการพัฒนาความรู้ด้านกฎหมายสำหรับบุคลากรองค์กรปกครองส่วนท้องถิ่น ผู้บริหารและสมาชิกสภาท้องถิ่น',
      'โครงการส่งเสริมการบริหารงานตามหลักธรรมาภิบาลเพื่อป้องกันการทุจริต',
      'กิจกรรม "ควบคุมการเบิกจ่ายเงินตามข้อบัญญัติงบประมาณรายจ่ายประจำปี"',
      'ดำเนินการแล้วเสร็จ อยู่ระหว่างดำเนินการ ไม่สามารถดำเนินการได้',
      'มาตรการป้องกันผลประโยชน์ทับซ้อนขององค์การบริหารส่วนตำบลขอนหาด',
    ];
    expect(texts.flatMap((text) => terms.flatMap((term) => breaksInside(text, term)))).toEqual([]);
  });

  it('keeps every province and district name whole, alone, after its type word and before other words', () => {
    const bad: string[] = [];
    for (const province of provinces) {
      for (const part of parts(province))
        for (const text of [province, `จังหวัด${province}`, `จ.${province} 80180`, `จังหวัด${province}ที่ได้รับ`])
          bad.push(...breaksInside(text, part));
    }
    for (const d of districts) {
      const name = d.districtNameTh as string;
      for (const part of parts(name))
        for (const text of [name, `อำเภอ${name} จังหวัด${provinces[0]}`, `เขต${name}`, `${name}และ`]) bad.push(...breaksInside(text, part));
    }
    expect(bad).toEqual([]);
  });

  it('keeps every subdistrict name whole, alone and in the name of its subdistrict administrative organization', () => {
    const bad: string[] = [];
    for (const s of subdistricts) {
      const name = s.subdistrictNameTh as string;
      for (const part of parts(name)) bad.push(...breaksInside(name, part), ...breaksInside(`องค์การบริหารส่วนตำบล${name}`, part));
    }
    expect(bad).toEqual([]);
  });

  it('keeps an LAO’s own name whole after its type word even when the geography does not know it, and any name it is given', () => {
    const unknown = DEMO_LAOS.map((l) => l.name).filter((n) => n.includes('ลาดาตัน') || n.includes('เจ็ดยี่สิบ') || n.includes('คลองขนิงนิคม'));
    expect(unknown).toHaveLength(3);
    for (const lao of unknown) {
      const own = lao.replace(/^(องค์การบริหารส่วนตำบล|เทศบาลตำบล)/, '');
      expect(breakThaiWords(lao).split(ZWSP).at(-1)).toBe(own);
      expect(breakThaiWords(`นายก${lao}`).split(ZWSP).at(-1)).toBe(own);
      expect(breakThaiWords(`${own}ได้จัดทำแผน`, [lao])).toContain(`${own}${ZWSP}`);
    }
    expect(breakThaiWords('ต.ขอนหาด อ.ชะอวด จ.นครศรีธรรมราช').includes(ZWSP)).toBe(false);
    // Past NAME_MAX letters a type word is followed by running text, which still breaks.
    expect(breakThaiWords('จังหวัดได้ดำเนินการส่งเสริมคุณธรรมและความโปร่งใสของหน่วยงาน').split(ZWSP).length).toBeGreaterThan(5);
  });

  it('writes dates in the Buddhist Era, in Bangkok time', () => {
    expect(thaiDate(new Date('2024-05-01T17:30:00Z'))).toBe('2 พฤษภาคม 2567');
    expect(thaiDateTime(new Date('2024-05-02T03:05:00Z'))).toBe('2 พฤษภาคม 2567 เวลา 10:05 น.');
    expect(thaiDigits('2 พฤษภาคม 2567')).toBe('๒ พฤษภาคม ๒๕๖๗');
  });
});
