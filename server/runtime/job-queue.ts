import type { ActiveJob } from './active-job.ts';

/** Jobs waiting for resources, first come first served: by job id, which grows with submission. */
export class JobQueue {
  private readonly jobs: ActiveJob[] = [];

  add(job: ActiveJob): void {
    let at = this.jobs.length;
    while (at > 0 && this.jobs[at - 1]!.id > job.id) at--;
    this.jobs.splice(at, 0, job);
  }

  /** Ids of the queued jobs, in queue order. */
  ids(): number[] {
    return this.jobs.map((job) => job.id);
  }

  /** How many queued jobs of its VC are ahead of the job; null when it is not queued. */
  ahead(job: ActiveJob): number | null {
    const at = this.jobs.indexOf(job);
    return at === -1 ? null : this.jobs.slice(0, at).filter((other) => other.vc === job.vc).length;
  }

  remove(job: ActiveJob): void {
    const at = this.jobs.indexOf(job);
    if (at !== -1) this.jobs.splice(at, 1);
  }

  /**
   * Hands out, in order, the jobs to start now. Within a VC the first job that does not fit
   * blocks the ones behind it (strict FCFS, so a large job is not starved by small ones);
   * `place` answers 'start', 'wait' (blocks its VC) or 'drop' (it can never run).
   */
  take(place: (job: ActiveJob) => 'start' | 'wait' | 'drop'): {
    started: ActiveJob[];
    dropped: ActiveJob[];
  } {
    const blocked = new Set<string>();
    const started: ActiveJob[] = [];
    const dropped: ActiveJob[] = [];
    for (const job of [...this.jobs]) {
      if (blocked.has(job.vc)) continue;
      const decision = place(job);
      if (decision === 'wait') {
        blocked.add(job.vc);
        continue;
      }
      this.remove(job);
      (decision === 'start' ? started : dropped).push(job);
    }
    return { started, dropped };
  }
}
