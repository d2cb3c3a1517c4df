import { t as core } from '@/core/i18n';

/** The words of the webhook delivery log (Thai), with the shared ones of core/i18n. */
export const t = {
  ...core,
  webhooks: {
    heading: core.pages.webhooks,
    intro:
      'ระบบอื่นของ ป.ป.ช. สมัครรับการแจ้งเมื่อมีการเปลี่ยนแปลงแผน รายงานผล คำขอ และผลการพิจารณา ระบบส่งให้ทีละเหตุการณ์พร้อมลายมือชื่อ HMAC-SHA256 และส่งซ้ำเมื่อผู้รับยังไม่ตอบรับ ผู้ดูแลระบบตรวจบันทึกการส่งและสั่งส่งอีกครั้งได้ที่นี่',
    empty: 'ยังไม่มีระบบใดสมัครรับการแจ้งเหตุการณ์',
    url: 'ที่อยู่ผู้รับ',
    events: 'เหตุการณ์',
    createdAt: 'สมัครเมื่อ',
    log: 'บันทึกการส่งของ {url}',
    pick: 'เลือก webhook ในตารางด้านบนเพื่อดูบันทึกการส่ง',
    noDeliveries: 'ยังไม่มีการส่ง',
    at: 'เวลา',
    event: 'เหตุการณ์',
    eventId: 'รหัสเหตุการณ์',
    status: 'สถานะ',
    attempts: 'ส่งแล้ว (ครั้ง)',
    answer: 'คำตอบล่าสุด',
    noAnswer: 'ไม่มีคำตอบ',
    next: 'ส่งครั้งถัดไป',
    redeliver: 'ส่งอีกครั้ง',
    redelivered: 'จะส่งเหตุการณ์ {id} อีกครั้งในรอบถัดไป',
    refresh: 'โหลดใหม่',
    statuses: { PENDING: 'รอส่ง', DELIVERED: 'ส่งสำเร็จ', FAILED: 'ส่งไม่สำเร็จ' },
  },
} as const;
