import { t as core } from '@/core/i18n';

/** The words of the year settings pages (Thai), with the shared ones of core/i18n. */
export const t = {
  ...core,
  reporting: {
    ...core.reporting,
    yearSettings: {
      heading: core.pages.yearSettings,
      intro: 'ช่วงเวลารายงานผล การเปิดรอบให้ อปท. เป็นกรณีพิเศษ และเกณฑ์ระดับการนำแผนไปปฏิบัติ ของปีงบประมาณที่เลือก',
      windows: 'ช่วงเวลารายงานผล',
      windowsIntro: 'นอกช่วงเวลานี้ อปท. ดูข้อมูลได้แต่บันทึกรายงานผลไม่ได้ ปล่อยว่าง = ไม่จำกัด (ค่าเริ่มต้น: เปิดตลอด)',
      opensAt: 'เปิดรับรายงานตั้งแต่',
      closesAt: 'ปิดรับรายงานเมื่อ',
      noLimit: 'ไม่จำกัด',
      windowSaved: 'บันทึกช่วงเวลารายงานผล{round} ปีงบประมาณ พ.ศ. {year} แล้ว',
      reopen: 'เปิดรอบรายงานให้ อปท. เป็นกรณีพิเศษ',
      reopenIntro: 'ให้ อปท. หนึ่งแห่งบันทึกรายงานผลของรอบที่ปิดแล้วได้จนถึงเวลาที่กำหนด',
      laoCode: 'รหัส อปท. (7 หลัก)',
      reopenRound: 'รอบการรายงาน',
      until: 'เปิดให้รายงานถึง',
      reopenSubmit: 'เปิดให้รายงาน',
      reopened: 'เปิด{round} ปีงบประมาณ พ.ศ. {year} ให้ อปท. รหัส {code} รายงานผลได้ถึง {time} แล้ว',
      laoCodeInvalid: 'กรุณากรอกรหัส อปท. 7 หลัก',
      untilRequired: 'กรุณาเลือกวันและเวลา',
      thresholds: 'เกณฑ์ระดับการนำแผนไปปฏิบัติ',
      thresholdsIntro: 'ระดับคิดจากผลการนำแผนฯ ไปปฏิบัติ (ไม่เกินร้อยละ 100.00) ของแต่ละรอบ',
      levelFrom: 'ระดับ{level} เมื่อคะแนน',
      lowRest: 'ระดับน้อย: ต่ำกว่าเกณฑ์ระดับกลาง',
      atLeast: 'ตั้งแต่ (≥)',
      above: 'มากกว่า (>)',
      percent: 'ร้อยละ',
      percentInvalid: 'กรุณากรอกร้อยละ 0–100 ทศนิยมไม่เกิน 2 ตำแหน่ง',
      thresholdsSaved: 'บันทึกเกณฑ์ระดับ{round} ปีงบประมาณ พ.ศ. {year} แล้ว',
    },
  },
} as const;
