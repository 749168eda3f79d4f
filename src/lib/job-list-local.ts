import type { JobListItem, JobOrderField } from '../../contract/api-types.ts';
import { displayState, stateSortIndex, type DisplayState } from '../../contract/job-state.ts';

/** One view of the job list: which jobs, in which order, which page. */
export interface JobListRequest {
  offset: number;
  limit: number;
  usernames?: string[];
  states?: DisplayState[];
  virtualClusters?: string[];
  keyword?: string;
  legacyOnly?: boolean;
  order?: { field: JobOrderField; descending: boolean };
}

export interface JobListResult {
  totalCount: number;
  jobs: JobListItem[];
  /** True when the server answered OpenPAI's classic whole array and the browser did the rest. */
  classic: boolean;
}

function matches(job: JobListItem, request: JobListRequest): boolean {
  const { usernames, states, virtualClusters, keyword, legacyOnly } = request;
  const user = job.username.toLowerCase();
  if (usernames?.length && !usernames.some((name) => name.toLowerCase() === user)) return false;
  if (states?.length && !states.includes(displayState(job))) return false;
  if (virtualClusters?.length && !virtualClusters.includes(job.virtualCluster)) return false;
  if (legacyOnly && !job.legacy) return false;
  if (keyword) {
    const needle = keyword.toLowerCase();
    if (!job.name.toLowerCase().includes(needle) && !job.username.toLowerCase().includes(needle))
      return false;
  }
  return true;
}

function sortValue(job: JobListItem, field: JobOrderField): string | number {
  if (field === 'state') return stateSortIndex(displayState(job));
  if (field === 'completedTime') return job.completedTime ?? Number.MAX_SAFE_INTEGER;
  return job[field];
}

/** What a paging server does, done in the browser over a classic (v0.16) array. */
export function applyJobListRequest(all: JobListItem[], request: JobListRequest): JobListResult {
  const { field, descending } = request.order ?? { field: 'createdTime', descending: true };
  const direction = descending ? -1 : 1;
  const filtered = all.filter((job) => matches(job, request));
  filtered.sort((a, b) => {
    const x = sortValue(a, field);
    const y = sortValue(b, field);
    if (x === y) return b.createdTime - a.createdTime;
    return (x < y ? -1 : 1) * direction;
  });
  return {
    totalCount: filtered.length,
    jobs: filtered.slice(request.offset, request.offset + request.limit),
    classic: true,
  };
}

/** Counts per display state. */
export function countByState(jobs: JobListItem[]): Record<DisplayState, number> {
  const counts: Record<DisplayState, number> = {
    Waiting: 0,
    Running: 0,
    Stopping: 0,
    Succeeded: 0,
    Failed: 0,
    Stopped: 0,
    Unknown: 0,
  };
  for (const job of jobs) counts[displayState(job)] += 1;
  return counts;
}
