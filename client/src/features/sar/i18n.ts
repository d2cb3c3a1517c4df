import { t as core } from '@/core/i18n';

/** The words of the sar pages (Thai), with the shared ones of core/i18n. */
export const t = {
  ...core,
  oversight: {
    sar: {
      heading: core.pages.sar,
      intro: 'ผลการประเมินตนเอง (Self Assessment Report) และคะแนนที่สำนักงาน ป.ป.ช. ประเมิน ราย อปท. แยกตามมิติ',
      chooseLao: 'กรุณาเลือก อปท. เพื่อดูคะแนน SAR',
      year: 'ปีงบประมาณ',
      title: 'คะแนน SAR ปีงบประมาณ พ.ศ. {year}',
      dimension: 'มิติ',
      selfScore: 'คะแนนประเมินตนเอง',
      evaluatedScore: 'คะแนนที่ ป.ป.ช. ประเมิน',
      budget: 'งบประมาณ (บาท)',
      projectCount: 'จำนวนโครงการ',
      dimensionN: 'มิติที่ {n}',
      notEntered: 'ยังไม่ได้บันทึกคะแนน SAR ของปีนี้',
      readOnly: 'คะแนน SAR บันทึกโดยสำนักงาน ป.ป.ช. ประจำจังหวัด หรือผู้ดูแลระบบ',
      editHint: 'คะแนน 0–100 ทศนิยมไม่เกิน 2 ตำแหน่ง งบประมาณเป็นบาท ปล่อยว่างได้หากยังไม่มีข้อมูล',
      notScore: 'กรุณากรอกคะแนนเป็นตัวเลข 0–100 ทศนิยมไม่เกิน 2 ตำแหน่ง',
      notMoney: 'กรุณากรอกจำนวนเงินเป็นตัวเลข ทศนิยมไม่เกิน 2 ตำแหน่ง',
      notCount: 'กรุณากรอกจำนวนเต็มตั้งแต่ 0 ขึ้นไป',
      save: 'บันทึกคะแนน SAR',
      saved: 'บันทึกคะแนน SAR ปีงบประมาณ พ.ศ. {year} เรียบร้อยแล้ว',
    },
  },
} as const;
