import { t as core } from '@/core/i18n';

/** The words of the memo emblem pages (Thai), with the shared ones of core/i18n. */
export const t = {
  ...core,
  memoEmblem: {
    menu: 'ตราครุฑในบันทึกข้อความ',
    heading: core.pages.memoEmblem,
    intro: 'ภาพครุฑที่พิมพ์มุมบนซ้ายของบันทึกข้อความทุก อปท. สูง 1.5 เซนติเมตร ตามระเบียบงานสารบรรณ ถ้ายังไม่มีภาพ บันทึกข้อความจะเว้นที่ว่างไว้',
    alt: 'ตราครุฑ',
    previewTitle: 'บันทึกข้อความ',
    empty: 'ยังไม่มีภาพ (เว้นว่าง)',
    info: 'ภาพ {type} ขนาด {width} × {height} พิกเซล ตั้งค่าเมื่อ {at}',
    rule: 'ไฟล์ PNG หรือ JPEG ไม่เกิน 45 KB (ภาพที่ใหญ่กว่านี้ระบบจะย่อให้สูง 354 พิกเซลก่อนส่ง) แนะนำภาพพื้นหลังโปร่งใส',
    upload: 'อัปโหลดภาพครุฑ',
    replace: 'เปลี่ยนภาพครุฑ',
    clear: 'ลบภาพครุฑ',
    confirmClear: 'ลบภาพครุฑ? บันทึกข้อความจะเว้นที่ว่างไว้แทน',
    saved: 'บันทึกภาพครุฑแล้ว บันทึกข้อความที่พิมพ์จากนี้ไปจะมีภาพนี้',
    cleared: 'ลบภาพครุฑแล้ว',
  },
} as const;
