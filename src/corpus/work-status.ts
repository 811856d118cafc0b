// Where an analyst is with an article: new → in progress (set automatically at the first tag) →
// done (set by the analyst) → reviewed. Kept apart from the review status of colleagues' layers
// (ReviewStatus), which says how far reconciling their tags has come.

export type WorkStatus = 'new' | 'in-progress' | 'done' | 'reviewed';

export const WORK_STATUSES: readonly WorkStatus[] = ['new', 'in-progress', 'done', 'reviewed'];

export const WORK_STATUS_LABEL: Readonly<Record<WorkStatus, string>> = {
  new: 'New',
  'in-progress': 'In progress',
  done: 'Done',
  reviewed: 'Reviewed',
};

/** A stored article without a status is new. */
export function workStatusOf(article: { readonly workStatus?: WorkStatus }): WorkStatus {
  return article.workStatus ?? 'new';
}

/** The status after a tag is made: only a new article moves (to in progress); done stays done. */
export function statusAfterTag(status: WorkStatus): WorkStatus {
  return status === 'new' ? 'in-progress' : status;
}

export function isWorkStatus(v: unknown): v is WorkStatus {
  return typeof v === 'string' && (WORK_STATUSES as readonly string[]).includes(v);
}
