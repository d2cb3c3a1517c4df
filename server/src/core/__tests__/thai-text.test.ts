import { breakThaiWords, thaiDate, thaiDateTime, thaiDigits, ZWSP } from '../pdf/thai-text';

describe('Thai text for print', () => {
  it('marks word boundaries between Thai words only', () => {
    expect(breakThaiWords('โครงการส่งเสริมคุณธรรม')).toBe(['โครงการ', 'ส่ง', 'เสริม', 'คุณธรรม'].join(ZWSP));
    expect(breakThaiWords('มาตรการ NO Gift Policy (2567)')).toBe('มาตรการ NO Gift Policy (2567)');
    expect(breakThaiWords('น้ำท่วม')).toBe(`น้ำ${ZWSP}ท่วม`);
  });

  it('prints NIKHAHIT + SARA AA as the SARA AM it looks like', () => {
    expect(breakThaiWords('สํานัก')).toBe('สำนัก');
  });

  it('writes dates in the Buddhist Era, in Bangkok time', () => {
    expect(thaiDate(new Date('2024-05-01T17:30:00Z'))).toBe('2 พฤษภาคม 2567');
    expect(thaiDateTime(new Date('2024-05-02T03:05:00Z'))).toBe('2 พฤษภาคม 2567 เวลา 10:05 น.');
    expect(thaiDigits('2 พฤษภาคม 2567')).toBe('๒ พฤษภาคม ๒๕๖๗');
  });
});
