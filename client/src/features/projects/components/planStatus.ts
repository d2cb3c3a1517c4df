import type { PlanStatus } from '@/gql/graphql';

/** The order of คำอธิบายสถานะ in the manual. */
export const PLAN_STATUSES: PlanStatus[] = [
  'COMPLIANT',
  'NON_COMPLIANT',
  'ADD_PENDING',
  'ADD_REJECTED',
  'REDUCE_PENDING',
  'REDUCED',
  'REDUCE_REJECTED',
];

type TagType = 'success' | 'danger' | 'warning' | 'info' | 'primary';

/** Green when in the plan, amber while NACC decides, red when refused, grey when dropped. */
export const PLAN_STATUS_TAG: Record<PlanStatus, TagType> = {
  COMPLIANT: 'success',
  NON_COMPLIANT: 'danger',
  ADD_PENDING: 'warning',
  ADD_REJECTED: 'danger',
  REDUCE_PENDING: 'warning',
  REDUCED: 'info',
  REDUCE_REJECTED: 'primary',
};
