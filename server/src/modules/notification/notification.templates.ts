import { thaiDate } from '../../core/pdf/thai-text';
import { ROUND_TH, type ReportRound } from '../plan/report.enums';
import { NotificationKind } from './notification.entity';

/**
 * Every notice's Thai words, in one place: the in-app list, the e-mail subject and body, and (later)
 * the LINE message are all made from these.
 */
export interface NoticeText {
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path in the web app (the channels prefix PUBLIC_URL). */
  link: string | null;
}

const reportsLink = (fiscalYear: number, round: ReportRound) => `/reports?year=${fiscalYear}&round=${round}`;

/** "จะปิดในอีก 7 วัน", "จะปิดภายในวันนี้". */
const closesIn = (daysLeft: number) => (daysLeft <= 0 ? 'จะปิดภายในวันนี้' : `จะปิดในอีก ${daysLeft} วัน`);

/** N days before the close, to an LAO with projects still waiting: "เหลือ 12 โครงการที่ยังไม่รายงานผล รอบ 6 เดือน จะปิดในอีก 7 วัน". */
export function deadlineReminder(r: {
  fiscalYear: number;
  round: ReportRound;
  waiting: number;
  daysLeft: number;
  closesAt: Date;
}): NoticeText {
  return {
    kind: NotificationKind.DEADLINE_REMINDER,
    title: `เตือนการรายงานผล${ROUND_TH[r.round]} ปีงบประมาณ พ.ศ. ${r.fiscalYear}`,
    body: `เหลือ ${r.waiting} โครงการที่ยังไม่รายงานผล ${ROUND_TH[r.round]} ${closesIn(r.daysLeft)} (ปิดรอบวันที่ ${thaiDate(r.closesAt)})`,
    link: reportsLink(r.fiscalYear, r.round),
  };
}

/** A province office (or NACC central) reminds the LAO now (remindLao). */
export function manualReminder(r: {
  fiscalYear: number;
  round: ReportRound;
  waiting: number;
  daysLeft: number | null;
  closesAt: Date | null;
  from: string;
}): NoticeText {
  const closing = r.closesAt && r.daysLeft !== null ? ` ${closesIn(r.daysLeft)} (ปิดรอบวันที่ ${thaiDate(r.closesAt)})` : '';
  return {
    kind: NotificationKind.MANUAL_REMINDER,
    title: `${r.from} ขอให้รายงานผล${ROUND_TH[r.round]} ปีงบประมาณ พ.ศ. ${r.fiscalYear}`,
    body: `เหลือ ${r.waiting} โครงการที่ยังไม่รายงานผล ${ROUND_TH[r.round]}${closing} กรุณารายงานผลให้ครบถ้วน`,
    link: reportsLink(r.fiscalYear, r.round),
  };
}

/** A round opened for reports. */
export function roundOpened(r: { fiscalYear: number; round: ReportRound; closesAt: Date | null }): NoticeText {
  const until = r.closesAt ? ` ถึงวันที่ ${thaiDate(r.closesAt)}` : '';
  return {
    kind: NotificationKind.ROUND_OPENED,
    title: `เปิดรอบรายงานผล${ROUND_TH[r.round]} ปีงบประมาณ พ.ศ. ${r.fiscalYear}`,
    body: `ระบบเปิดให้รายงานผลการดำเนินงาน${ROUND_TH[r.round]} ปีงบประมาณ พ.ศ. ${r.fiscalYear} แล้ว${until}`,
    link: reportsLink(r.fiscalYear, r.round),
  };
}

/** What NACC decided, as the LAO reads it. */
export type DecisionOf =
  | { what: 'addition' | 'reduction'; approved: boolean; projectName: string; fiscalYear: number }
  | { what: 'compliance'; compliant: boolean; projectName: string; fiscalYear: number }
  | { what: 'baseline'; approved: boolean; requestedCount: number; fiscalYear: number };

/** A decision on an addition, a reduction, a baseline request or a compliance mark, with the reason when there is one. */
export function decision(d: DecisionOf, reason: string | null): NoticeText {
  const because = reason ? ` เหตุผล: ${reason}` : '';
  const year = `ปีงบประมาณ พ.ศ. ${d.fiscalYear}`;
  let title: string;
  let body: string;
  let link = `/projects?year=${d.fiscalYear}`;
  if (d.what === 'baseline') {
    const verdict = d.approved ? 'อนุมัติ' : 'ไม่อนุมัติ';
    title = `${verdict}คำขอปรับจำนวนโครงการตั้งต้น ${year}`;
    body = `สำนักงาน ป.ป.ช. ${verdict}คำขอปรับจำนวนโครงการตั้งต้นเป็น ${d.requestedCount} โครงการ ${year}${because}`;
    link = '/baseline';
  } else if (d.what === 'compliance') {
    title = d.compliant ? `โครงการสอดคล้องกับแผนฯ ${year}` : `โครงการไม่สอดคล้องกับแผนฯ ${year}`;
    body = `สำนักงาน ป.ป.ช. ระบุว่าโครงการ "${d.projectName}" ${d.compliant ? 'สอดคล้อง' : 'ไม่สอดคล้อง'}กับแผนฯ ${year}${because}`;
  } else {
    const verdict = d.approved ? 'อนุมัติ' : 'ไม่อนุมัติ';
    const asked = d.what === 'addition' ? 'การขอเพิ่มโครงการ' : 'การขอปรับลดโครงการ';
    title = `${verdict}${asked} ${year}`;
    body = `สำนักงาน ป.ป.ช. ${verdict}${asked} "${d.projectName}" ${year}${because}`;
  }
  return { kind: NotificationKind.DECISION, title, body, link };
}

/** A province office's pending reviews, once a day. */
export function reviewDigest(r: { additions: number; reductions: number; baselines: number }): NoticeText {
  const parts = [
    r.additions ? `ขอเพิ่มโครงการ ${r.additions} รายการ` : '',
    r.reductions ? `ขอปรับลดโครงการ ${r.reductions} รายการ` : '',
    r.baselines ? `ขอปรับจำนวนโครงการตั้งต้น ${r.baselines} รายการ` : '',
  ].filter(Boolean);
  const total = r.additions + r.reductions + r.baselines;
  return {
    kind: NotificationKind.REVIEW_DIGEST,
    title: `มีรายการรอพิจารณา ${total} รายการ`,
    body: `รายการที่ อปท. ในจังหวัดของท่านยื่นและยังรอการพิจารณา: ${parts.join(', ')}`,
    link: '/review',
  };
}

/** ADMIN's test send (sendTestNotification), to themselves by one channel. */
export function testNotice(channelName: string): NoticeText {
  return {
    kind: NotificationKind.TEST,
    title: 'ทดสอบการแจ้งเตือนจากระบบ e-PlanNACC',
    body: `ข้อความทดสอบการส่งทาง${channelName} หากท่านได้รับข้อความนี้ แสดงว่าช่องทางนี้ใช้งานได้`,
    link: null,
  };
}

/** LINE's replies to the LINE user who writes to the Official Account (the linking webhook, line.link.ts). */
export const LINE_REPLIES = {
  linked: (displayName: string) => `เชื่อมบัญชี LINE นี้กับบัญชีผู้ใช้ e-PlanNACC ของ ${displayName} แล้ว ท่านจะได้รับการแจ้งเตือนของระบบทาง LINE นี้`,
  badCode: 'รหัสเชื่อมบัญชีไม่ถูกต้องหรือหมดอายุแล้ว กรุณาขอรหัสใหม่ในหน้า "ตั้งค่าการแจ้งเตือน" ของระบบ e-PlanNACC (รหัสใช้ได้ 15 นาที)',
  tooMany: 'ส่งรหัสไม่ถูกต้องหลายครั้งเกินไป กรุณารอ 1 ชั่วโมงแล้วลองใหม่',
  welcome: 'ขอบคุณที่เพิ่มเพื่อน หากต้องการรับการแจ้งเตือนของระบบ e-PlanNACC ทาง LINE กรุณาขอรหัสเชื่อมบัญชีในหน้า "ตั้งค่าการแจ้งเตือน" แล้วส่งรหัสนั้นมาที่แชตนี้',
} as const;
