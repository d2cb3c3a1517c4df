/**
 * Every action the audit log records, with its Thai name as a verb phrase: the log reads "<who> <action>
 * <what>". The one list: writers name their action from it (recordAudit takes only these codes), the log's
 * filter offers and accepts only these.
 */
export const AUDIT_ACTIONS = {
  login: 'เข้าสู่ระบบ',
  loginFailed: 'เข้าสู่ระบบไม่สำเร็จ',
  logout: 'ออกจากระบบ',
  changePassword: 'เปลี่ยนรหัสผ่าน',
  requestPasswordReset: 'ขอตั้งรหัสผ่านใหม่ทางอีเมล',
  resetPassword: 'ตั้งรหัสผ่านใหม่',
  createUser: 'สร้างบัญชีผู้ใช้งาน',
  reassignUser: 'โอนบัญชีผู้ใช้งานให้ผู้รับผิดชอบคนใหม่',
  resetUserPassword: 'กำหนดรหัสผ่านใหม่ให้',
  unlockUser: 'ปลดล็อกบัญชี',
  disableUser: 'ระงับบัญชี',
  enableUser: 'เปิดใช้บัญชี',
  createApiToken: 'ออก API token',
  revokeApiToken: 'ยกเลิก API token',
  rotateApiToken: 'ออก secret ใหม่แทนของ API token',
  apiRequest: 'เรียกใช้ API ด้วย token',
  createWebhook: 'สมัครรับการแจ้งเหตุการณ์ทาง webhook',
  deleteWebhook: 'ยกเลิกการแจ้งเหตุการณ์ทาง webhook',
  redeliverWebhook: 'สั่งส่งการแจ้งเหตุการณ์ทาง webhook อีกครั้ง',
  createAdminFromEnvironment: 'สร้างบัญชีผู้ดูแลระบบจากการตั้งค่าเครื่องแม่ข่าย',
  resetAdminFromEnvironment: 'ตั้งรหัสผ่านผู้ดูแลระบบใหม่จากการตั้งค่าเครื่องแม่ข่าย',
  createLao: 'เพิ่ม อปท. ในทะเบียน',
  updateLao: 'แก้ไขทะเบียน อปท.',
  updateLaoProfile: 'บันทึกข้อมูลพื้นฐานของ',
  setAwards: 'บันทึกรางวัลที่ได้รับของ',
  createProject: 'เพิ่ม',
  updateProject: 'แก้ไข',
  deleteProject: 'ลบ',
  requestReduction: 'ขอปรับลดจากแผนฯ',
  approveAddition: 'อนุมัติการขอเพิ่ม',
  rejectAddition: 'ไม่อนุมัติการขอเพิ่ม',
  approveReduction: 'อนุมัติการขอลด',
  rejectReduction: 'ไม่อนุมัติการขอลด',
  markNonCompliant: 'ทำเครื่องหมายว่าไม่เป็นไปตามหลักเกณฑ์',
  markCompliant: 'ทำเครื่องหมายว่าเป็นไปตามหลักเกณฑ์',
  saveProgressReport: 'บันทึกรายงานผล',
  carryProgressReport: 'ยกผลรอบ 6 เดือนไปรอบ 12 เดือน ของ',
  removeCarriedReport: 'ยกเลิกผลที่ยกมาจากรอบ 6 เดือน ของ',
  savePlanResultNote: 'บันทึกปัญหาและข้อเสนอแนะของ',
  setReportingWindow: 'กำหนด',
  reopenRound: 'เปิดให้รายงานอีกครั้ง:',
  endReopening: 'ปิดการรายงานที่เปิดอีกครั้ง:',
  setPlanYear: 'กำหนดจำนวนโครงการของ',
  requestBaselineChange: 'ยื่น',
  cancelBaselineRequest: 'ยกเลิก',
  approveBaselineRequest: 'อนุมัติ',
  rejectBaselineRequest: 'ไม่อนุมัติ',
  setLevelThresholds: 'กำหนดเกณฑ์ระดับผลการนำแผนฯ ไปปฏิบัติ',
  publishRound: 'เผยแพร่ผลการนำแผนฯ ไปปฏิบัติต่อสาธารณะ',
  withdrawRound: 'ถอนการเผยแพร่ผลการนำแผนฯ ไปปฏิบัติ',
  setSarScores: 'บันทึกคะแนน SAR ของ',
  setMemoEmblem: 'อัปโหลดตราครุฑในบันทึกข้อความ',
  clearMemoEmblem: 'ลบตราครุฑในบันทึกข้อความ',
  importLaos: 'นำเข้าทะเบียน อปท.',
  importUsers: 'นำเข้าบัญชีผู้ใช้งาน',
  importPlanYears: 'นำเข้าจำนวนโครงการ',
  loadDemoData: 'โหลดข้อมูลตัวอย่าง',
  markNotificationsRead: 'อ่านการแจ้งเตือน',
  updateNotificationSettings: 'ตั้งค่าการแจ้งเตือน',
  remindLao: 'ส่งการเตือนให้รายงานผลถึง',
  updateReminderSchedule: 'กำหนดวันเตือนก่อนปิดรอบรายงานผล',
  linkLineAccount: 'ขอรหัสเชื่อมบัญชี LINE',
  confirmLineLink: 'เชื่อมบัญชี LINE (ส่งรหัสทาง LINE)',
  unlinkLineAccount: 'ยกเลิกการเชื่อมบัญชี LINE',
  lineUnfollow: 'ยกเลิกการเชื่อมบัญชี LINE (เลิกติดตามบัญชีทางการ)',
  retryNotificationDelivery: 'ส่งการแจ้งเตือนซ้ำ',
  sendTestNotification: 'ทดสอบส่งการแจ้งเตือน',
  uploadAttachment: 'แนบไฟล์หลักฐาน',
  setAttachmentPublic: 'เปลี่ยนการเผยแพร่ไฟล์หลักฐาน',
  deleteAttachment: 'ลบไฟล์หลักฐาน',
  followUpRedFlag: 'ติดตามตรวจสอบรายการควรตรวจสอบของ',
  dismissRedFlag: 'ปิดรายการควรตรวจสอบ (ไม่มีประเด็น) ของ',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Where the verb alone would not tell the actions apart in the log's filter ("ยื่น", "ลบ"), what it is done to. */
const FILTER_LABELS: Partial<Record<AuditAction, string>> = {
  createProject: 'เพิ่มโครงการ',
  updateProject: 'แก้ไขโครงการ',
  deleteProject: 'ลบโครงการ',
  requestBaselineChange: 'ยื่นคำขอปรับจำนวนโครงการตั้งต้น',
  cancelBaselineRequest: 'ยกเลิกคำขอปรับจำนวนโครงการตั้งต้น',
  approveBaselineRequest: 'อนุมัติคำขอปรับจำนวนโครงการตั้งต้น',
  rejectBaselineRequest: 'ไม่อนุมัติคำขอปรับจำนวนโครงการตั้งต้น',
  setReportingWindow: 'กำหนดช่วงเวลารายงานผล',
  resetUserPassword: 'กำหนดรหัสผ่านใหม่ให้ผู้ใช้งาน',
};

/** An action as the log's filter lists it: the verb phrase without the word that joins it to its object. */
export const filterLabelOf = (code: AuditAction): string => FILTER_LABELS[code] ?? AUDIT_ACTIONS[code].replace(/(\sของ|ของ|:)$/, '').trim();

export const isAuditAction = (code: string): code is AuditAction => Object.hasOwn(AUDIT_ACTIONS, code);

/** The Thai name of an action; a code no longer written (an old row) is shown as it is. */
export const auditActionLabel = (code: string): string => (isAuditAction(code) ? AUDIT_ACTIONS[code] : code);
