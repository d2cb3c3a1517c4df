import { t as core } from '@/core/i18n';

/** The words of the evidence attachments panel (Thai), with the shared ones of core/i18n. */
export const t = {
  ...core,
  attachments: {
    intro:
      'แนบเอกสาร PDF หรือภาพถ่าย JPEG/PNG ไม่เกิน {max} ต่อไฟล์ เลือก “เผยแพร่” เพื่อให้ประชาชนเปิดดูได้ในหน้าเผยแพร่ของ อปท. เมื่อปิดรอบการรายงานแล้ว (เช่น หลักฐาน ITA ข้อ O23/O24)',
    readOnly: 'ท่านดูและดาวน์โหลดไฟล์ได้อย่างเดียว',
    choose: 'แนบไฟล์',
    uploading: 'กำลังอัปโหลด…',
    empty: 'ยังไม่มีไฟล์หลักฐาน',
    usage: 'ใช้พื้นที่ไปแล้ว {used} จาก {quota}',
    download: 'ดาวน์โหลด',
    delete: 'ลบ',
    public: 'เผยแพร่',
    publicLabel: 'เผยแพร่ไฟล์ “{name}” ต่อสาธารณะ',
    ofProject: 'โครงการที่ {seq} {name}',
    uploadedAt: 'แนบเมื่อ {time}',
    kind: { 'application/pdf': 'PDF', 'image/jpeg': 'ภาพ JPEG', 'image/png': 'ภาพ PNG' } as Record<string, string>,
    uploaded: 'แนบไฟล์ “{name}” แล้ว',
    deleted: 'ลบไฟล์ “{name}” แล้ว',
    madePublic: 'ไฟล์ “{name}” จะเผยแพร่เมื่อปิดรอบการรายงาน',
    madePrivate: 'ไฟล์ “{name}” ไม่เผยแพร่แล้ว',
    confirmDeleteTitle: 'ลบไฟล์หลักฐาน',
    confirmDelete: 'ลบไฟล์ “{name}”? ลบแล้วเรียกคืนไม่ได้',
    errors: {
      TOO_LARGE: 'ไฟล์ “{name}” มีขนาด {size} เกินกำหนด {max} ต่อไฟล์ กรุณาลดขนาดไฟล์ (เช่น สแกนที่ความละเอียดต่ำลง) หรือแบ่งเป็นหลายไฟล์',
      WRONG_TYPE: 'ไฟล์ “{name}” ไม่ใช่ PDF, JPEG หรือ PNG (ระบบตรวจจากเนื้อไฟล์ ไม่ใช่จากชื่อไฟล์) กรุณาแนบเอกสาร PDF หรือภาพถ่าย JPEG/PNG',
      OVER_QUOTA: 'พื้นที่เก็บไฟล์หลักฐานของ อปท. ไม่พอสำหรับไฟล์ “{name}” ({size}) ใช้ไปแล้ว {used} จาก {quota} กรุณาลบไฟล์ที่ไม่ใช้แล้วก่อน',
      NO_FILE: 'ไฟล์ “{name}” ว่างเปล่า กรุณาเลือกไฟล์อีกครั้ง',
    },
  },
} as const;
