import { registerEnumType } from 'type-graphql';

export enum ProjectOrigin {
  PLANNED = 'PLANNED',
  ADDITIONAL = 'ADDITIONAL',
}
registerEnumType(ProjectOrigin, { name: 'ProjectOrigin', description: 'โครงการตามแผนฯ / โครงการที่ขอทำเพิ่มเติม' });

export enum ProjectCategory {
  PROJECT = 'PROJECT',
  ACTIVITY = 'ACTIVITY',
  MEASURE = 'MEASURE',
  GUIDELINE = 'GUIDELINE',
}
registerEnumType(ProjectCategory, { name: 'ProjectCategory', description: 'โครงการ / กิจกรรม / มาตรการ / แนวปฏิบัติงาน' });

/** The nine target groups of the manual, in its order. */
export enum TargetGroup {
  POLITICAL_EXECUTIVES = 'POLITICAL_EXECUTIVES',
  LOCAL_COUNCIL = 'LOCAL_COUNCIL',
  LOCAL_STAFF = 'LOCAL_STAFF',
  CHILDREN_YOUTH = 'CHILDREN_YOUTH',
  SCHOOLS = 'SCHOOLS',
  CITIZENS_CIVIL_SOCIETY = 'CITIZENS_CIVIL_SOCIETY',
  GOVERNMENT_AGENCIES = 'GOVERNMENT_AGENCIES',
  STATE_ENTERPRISES = 'STATE_ENTERPRISES',
  PRIVATE_SECTOR = 'PRIVATE_SECTOR',
}
registerEnumType(TargetGroup, { name: 'TargetGroup', description: 'กลุ่มเป้าหมาย (9 groups, in the order of the manual)' });

/** A project's standing in one fiscal year. */
export enum PlanStatus {
  COMPLIANT = 'COMPLIANT',
  NON_COMPLIANT = 'NON_COMPLIANT',
  ADD_PENDING = 'ADD_PENDING',
  ADD_REJECTED = 'ADD_REJECTED',
  REDUCE_PENDING = 'REDUCE_PENDING',
  REDUCED = 'REDUCED',
  REDUCE_REJECTED = 'REDUCE_REJECTED',
}
registerEnumType(PlanStatus, {
  name: 'PlanStatus',
  description: 'สอดคล้อง / ไม่สอดคล้อง / รอการอนุมัติเพิ่ม / ไม่อนุมัติการขอเพิ่ม / รอการอนุมัติลด / ลดโครงการสำเร็จ / ไม่อนุมัติการขอลด',
});

export const PLAN_STATUS_TH: Record<PlanStatus, string> = {
  COMPLIANT: 'สอดคล้อง',
  NON_COMPLIANT: 'ไม่สอดคล้อง',
  ADD_PENDING: 'รอการอนุมัติเพิ่ม',
  ADD_REJECTED: 'ไม่อนุมัติการขอเพิ่ม',
  REDUCE_PENDING: 'รอการอนุมัติลด',
  REDUCED: 'ลดโครงการสำเร็จ',
  REDUCE_REJECTED: 'ไม่อนุมัติการขอลด',
};

/** Standings whose project counts in a year's plan, reports and scores (PRODUCT.md §5). */
export const COUNTED_STATUSES: readonly PlanStatus[] = [PlanStatus.COMPLIANT, PlanStatus.REDUCE_PENDING, PlanStatus.REDUCE_REJECTED];
/**
 * Standings of a PLANNED project-year that make the year's baseline until NACC sets one: every one but an
 * approved reduction. NACC's non-compliance mark takes a project out of what is counted done, not out
 * of the plan's size: the mark lowers the score, never the baseline it is measured against.
 */
export const BASELINE_STATUSES: readonly PlanStatus[] = [...COUNTED_STATUSES, PlanStatus.NON_COMPLIANT];
/** Standings left out of "โครงการที่สร้าง" (created). */
export const NOT_CREATED_STATUSES: readonly PlanStatus[] = [PlanStatus.REDUCED, PlanStatus.ADD_REJECTED];

export const initialStatus = (origin: ProjectOrigin): PlanStatus =>
  origin === ProjectOrigin.PLANNED ? PlanStatus.COMPLIANT : PlanStatus.ADD_PENDING;
