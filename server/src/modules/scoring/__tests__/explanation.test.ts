import { ReportRound } from '../../plan/report.enums';
import {
  DEFAULT_THRESHOLDS,
  formatCapped,
  formatPercent,
  ImplementationLevel,
  LEVEL_TH,
  levelOf,
  capScore,
  implementationScore,
  projectsToNextLevel,
  score,
  scoreDenominator,
} from '../scoring';

const six = DEFAULT_THRESHOLDS[ReportRound.SIX_MONTHS];
const twelve = DEFAULT_THRESHOLDS[ReportRound.TWELVE_MONTHS];
const SIX_RULE = 'ระดับ%s (เกณฑ์ของรอบ: มาก ≥ 50.00, กลาง > 20.00, น้อย ต่ำกว่านั้น)';
const rule = (level: ImplementationLevel) => SIX_RULE.replace('%s', LEVEL_TH[level]);

describe('ที่มาของคะแนน: the explanation the scoring module writes with the score', () => {
  it('the memo’s LAO: 31 done and 18 in progress of minimum 15 → 266.67, shown 100.00*, มาก, nothing above', () => {
    const s = score(31, 18, scoreDenominator(15, 49), six, true);
    expect(s.explanation).toBe(
      'ดำเนินการแล้วเสร็จ 31 × 1 + อยู่ระหว่างดำเนินการ 18 × 0.5 = 40 ÷ โครงการขั้นต่ำ 15 = 266.67 → แสดง 100.00* ' + rule(ImplementationLevel.HIGH),
    );
    expect(formatCapped(s)).toBe('100.00*');
  });

  // The manual's province table of Krabi, FY 2563, six months: every row, its score and level as printed,
  // and how many more projects done would lift it a level (worked by hand from the thresholds).
  it.each([
    ['เทศบาลตำบลเกาะลันตาใหญ่', 0, 0, 12, '0.00', 'น้อย', ' อีก 3 โครงการที่ดำเนินการแล้วเสร็จ จะได้ระดับกลาง'],
    ['องค์การบริหารส่วนตำบลเกาะกลาง', 0, 0, 10, '0.00', 'น้อย', ' อีก 3 โครงการที่ดำเนินการแล้วเสร็จ จะได้ระดับกลาง'],
    ['องค์การบริหารส่วนตำบลคลองยาง', 27, 1, 39, '70.51', 'มาก', ''],
    ['เทศบาลตำบลลาดาตัน', 2, 0, 10, '20.00', 'น้อย', ' อีก 1 โครงการที่ดำเนินการแล้วเสร็จ จะได้ระดับกลาง'],
    ['องค์การบริหารส่วนตำบลเกาะลันตาใหญ่', 44, 1, 50, '89.00', 'มาก', ''],
    ['องค์การบริหารส่วนตำบลเกาะลันตาน้อย', 38, 1, 57, '67.54', 'มาก', ''],
    ['เทศบาลตำบลเขาพนม', 17, 0, 14, '121.43 → แสดง 100.00*', 'มาก', ''],
    ['องค์การบริหารส่วนตำบลเจ็ดยี่สิบ', 14, 0, 19, '73.68', 'มาก', ''],
    ['องค์การบริหารส่วนตำบลสุคีริน', 25, 0, 36, '69.44', 'มาก', ''],
    ['องค์การบริหารส่วนตำบลวังป่วน', 37, 0, 52, '71.15', 'มาก', ''],
    ['องค์การบริหารส่วนตำบลนาจาง', 39, 1, 49, '80.61', 'มาก', ''],
    ['องค์การบริหารส่วนตำบลโคกยาว', 36, 1, 53, '68.87', 'มาก', ''],
    ['องค์การบริหารส่วนตำบลเขาพนม', 37, 0, 58, '63.79', 'มาก', ''],
    ['เทศบาลตำบลทรายขาว', 7, 0, 65, '10.77', 'น้อย', ' อีก 7 โครงการที่ดำเนินการแล้วเสร็จ จะได้ระดับกลาง'],
    ['เทศบาลตำบลคลองขนิงนิคม', 1, 0, 21, '4.76', 'น้อย', ' อีก 4 โครงการที่ดำเนินการแล้วเสร็จ จะได้ระดับกลาง'],
    ['เทศบาลตำบลคลองขนิง', 37, 1, 49, '76.53', 'มาก', ''],
    ['องค์การบริหารส่วนตำบลเทพา', 26, 0, 75, '34.67', 'กลาง', ' อีก 12 โครงการที่ดำเนินการแล้วเสร็จ จะได้ระดับมาก'],
    ['องค์การบริหารส่วนตำบลคลองขนิงเหนือ', 0, 0, 20, '0.00', 'น้อย', ' อีก 5 โครงการที่ดำเนินการแล้วเสร็จ จะได้ระดับกลาง'],
  ])('Krabi: %s — %i done, %i in progress of baseline %i → %s %s', (_name, done, inProgress, baseline, shown, level, up) => {
    const s = score(done, inProgress, baseline, six, false);
    const sum = (2 * done + inProgress) % 2 ? `${done}.5` : `${done + inProgress / 2}`;
    expect(s.explanation).toBe(
      `ดำเนินการแล้วเสร็จ ${done} × 1 + อยู่ระหว่างดำเนินการ ${inProgress} × 0.5 = ${sum} ÷ โครงการตั้งต้น ${baseline} = ${shown} ` +
        `${SIX_RULE.replace('%s', level)}${up}`,
    );
    expect(LEVEL_TH[s.level]).toBe(level);
  });

  it('names the twelve-month thresholds and says so when nothing is planned yet', () => {
    expect(score(10, 0, 20, twelve).explanation).toBe(
      'ดำเนินการแล้วเสร็จ 10 × 1 + อยู่ระหว่างดำเนินการ 0 × 0.5 = 10 ÷ โครงการตั้งต้น 20 = 50.00 ' +
        'ระดับกลาง (เกณฑ์ของรอบ: มาก ≥ 80.00, กลาง ≥ 50.00, น้อย ต่ำกว่านั้น) อีก 6 โครงการที่ดำเนินการแล้วเสร็จ จะได้ระดับมาก',
    );
    expect(score(0, 0, 0, six).explanation).toBe(
      'ดำเนินการแล้วเสร็จ 0 × 1 + อยู่ระหว่างดำเนินการ 0 × 0.5 = 0 ÷ โครงการตั้งต้น 0 (ยังไม่มีโครงการตั้งต้น คะแนนจึงเป็น 0.00) ' +
        rule(ImplementationLevel.LOW),
    );
  });

  it('never disagrees with the score: its figures, its level, and the projects it names are exactly enough', () => {
    for (const thresholds of [six, twelve])
      for (let denominator = 1; denominator <= 30; denominator += 1)
        for (let done = 0; done <= denominator + 2; done += 1)
          for (let inProgress = 0; inProgress <= 3; inProgress += 1) {
            const s = score(done, inProgress, denominator, thresholds);
            expect(s.explanation).toContain(`= ${formatPercent(s.raw)}`);
            expect(s.explanation).toContain(`ระดับ${LEVEL_TH[s.level]} (`);
            const more = projectsToNextLevel(done, inProgress, denominator, thresholds);
            const at = (n: number) => levelOf(capScore(implementationScore(done + n, inProgress, denominator)), thresholds);
            if (s.level === ImplementationLevel.HIGH) expect(more).toBeNull();
            else {
              expect(more).not.toBeNull();
              expect(at(more!)).not.toBe(s.level);
              expect(at(more! - 1)).toBe(s.level);
            }
          }
  });
});
