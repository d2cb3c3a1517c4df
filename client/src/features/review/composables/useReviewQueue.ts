import { computed, ref, watch } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { useAuth } from '@/core/auth';
import { errorMessageOf } from '@/core/errors';
import { fmt } from '@/core/i18n';
import { t } from '@/features/review/i18n';
import {
  ReviewQueueDocument,
  type ReviewItemInput,
  type ReviewItemKind,
  type ReviewLaoFragment,
  type ReviewProjectYearFragment,
} from '@/gql/graphql';

export const REVIEW_KINDS: ReviewItemKind[] = ['ADDITION', 'REDUCTION', 'BASELINE'];
export const ALL_KINDS = 'ALL';

/** One thing waiting for NACC's decision, whatever its kind, as the queue lists it. */
export interface ReviewItem {
  key: string;
  kind: ReviewItemKind;
  fiscalYear: number;
  lao: ReviewLaoFragment;
  /** The project's name, or the baseline numbers asked for. */
  title: string;
  /** ลำดับ and มิติ of a project. */
  detail: string | null;
  /** What the LAO wrote: why it drops the project, or the additional project's note. */
  note: string | null;
  /** What `note` is ("เหตุผลที่ขอลด"). */
  noteLabel: string;
  /** What approving changes, said before it is done. */
  approveEffect: string;
  /** The project asked about (additions and reductions), to open it from the queue. */
  projectId: string | null;
  /** When it was asked for. */
  at: string | null;
  canReview: boolean;
  /** The item as approveMany takes it. */
  input: ReviewItemInput;
}

function projectItem(kind: 'ADDITION' | 'REDUCTION', y: ReviewProjectYearFragment): ReviewItem {
  const words = t.oversight.queue;
  return {
    key: `${kind}:${y.project.id}:${y.fiscalYear}`,
    kind,
    fiscalYear: y.fiscalYear,
    lao: y.lao,
    title: y.project.name,
    detail: fmt(t.oversight.queue.projectLine, { seq: y.project.seq, dimension: y.project.dimension }),
    note: (kind === 'REDUCTION' ? y.reductionNote : y.project.note) || null,
    noteLabel: kind === 'REDUCTION' ? words.reductionReason : words.additionNote,
    approveEffect: fmt(kind === 'REDUCTION' ? words.approveReduction : words.approveAddition, { year: y.fiscalYear }),
    projectId: y.project.id,
    at: y.statusChangedAt,
    canReview: y.canReview,
    input: { kind, projectId: y.project.id, fiscalYear: y.fiscalYear },
  };
}

/**
 * คำขอรอการอนุมัติ: pending project additions, reductions and baseline requests of the reviewer's scope
 * in one list, newest fiscal year first and the oldest request first within a year. A province officer's
 * province is its own (the server enforces it); an admin may choose one or see all.
 */
export function useReviewQueue() {
  const { user, reachOf } = useAuth();
  const isAdmin = computed(() => reachOf('READ_REVIEWS') === 'NATION');
  const provinceCode = ref(isAdmin.value ? '' : (user.value?.provinceCode ?? ''));
  const districtCode = ref('');
  /** A kind of request, or every kind. */
  const kind = ref<ReviewItemKind | typeof ALL_KINDS>(ALL_KINDS);
  watch(provinceCode, () => (districtCode.value = ''));

  const { result, loading, error, refetch } = useQuery(ReviewQueueDocument, () => ({
    provinceCode: isAdmin.value ? provinceCode.value || null : null,
    districtCode: districtCode.value || null,
    kind: kind.value === ALL_KINDS ? null : kind.value,
  }));

  const items = computed<ReviewItem[]>(() => {
    const q = result.value?.reviewQueue;
    if (!q) return [];
    const all: ReviewItem[] = [
      ...q.additions.map((y) => projectItem('ADDITION', y)),
      ...q.reductions.map((y) => projectItem('REDUCTION', y)),
      ...q.baselineRequests.map<ReviewItem>((r) => ({
        key: `BASELINE:${r.id}`,
        kind: 'BASELINE',
        fiscalYear: r.fiscalYear,
        lao: r.lao,
        title: fmt(t.oversight.queue.baselineChange, { from: r.currentCount, to: r.requestedCount }),
        detail: null,
        note: null,
        noteLabel: '',
        approveEffect: fmt(t.oversight.queue.approveBaseline, { year: r.fiscalYear, from: r.currentCount, to: r.requestedCount }),
        projectId: null,
        at: r.requestedAt,
        canReview: r.canReview,
        input: { kind: 'BASELINE', requestId: r.id },
      })),
    ];
    return all.sort((a, b) => b.fiscalYear - a.fiscalYear || (a.at ?? '').localeCompare(b.at ?? ''));
  });

  return {
    isAdmin,
    provinceCode,
    districtCode,
    kind,
    items,
    loading,
    errorMessage: errorMessageOf(error),
    refetch: () => refetch(),
  };
}
