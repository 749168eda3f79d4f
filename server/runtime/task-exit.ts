import { liveTasks, type ActiveJob, type TaskRun } from './active-job.ts';
import type { Cgroups } from './cgroups.ts';
import { roleOf } from './job-spec.ts';
import type { RuntimePaths } from './paths.ts';
import {
  EXIT_CODE,
  endFromRecord,
  memoryExceeded,
  platformFailure,
  stoppedEnd,
  type TaskEnd,
} from './task-end.ts';
import { killStrays, readExitRecord } from './task-process.ts';

/** How a task whose process is gone ended: from its exit status, its cgroup and why it was stopped. */
export function endOfTask(job: ActiveJob, task: TaskRun): TaskEnd {
  if (task.stopReason !== null) return stoppedEnd(task.stopReason);
  const record = readExitRecord(task.taskDir);
  const cleanExit = record?.kind === 'exit' && record.value === 0;
  if (record && !cleanExit && task.process?.cgroup?.oomKilled())
    return memoryExceeded(record, roleOf(job.spec, task.role).memoryMB);
  if (record) return endFromRecord(record);
  return platformFailure(
    EXIT_CODE.lost,
    'ended without leaving an exit status: its process was killed from outside, or vanished while the server was down',
  );
}

/** Kills what ended tasks left behind, even outside their process groups; never throws. */
export function sweepStrays(
  jobs: Iterable<ActiveJob>,
  paths: RuntimePaths,
  cgroups: Cgroups | null | undefined,
): void {
  try {
    sweep(jobs, paths, cgroups);
  } catch (error) {
    console.error(`Could not sweep ended tasks' processes: ${(error as Error).message}`);
  }
}

function sweep(
  jobs: Iterable<ActiveJob>,
  paths: RuntimePaths,
  cgroups: Cgroups | null | undefined,
) {
  // A job being launched has wrappers that run before the spawner has said so: all its tasks count.
  const live = new Set(
    [...jobs].flatMap((job) =>
      (job.phase === 'launching' ? job.tasks : liveTasks(job)).map((task) => task.containerId),
    ),
  );
  killStrays(paths.containerPrefix(), live);
  for (const name of cgroups?.names() ?? []) {
    if (live.has(name)) continue;
    const cgroup = cgroups!.open(name);
    cgroup.killAll();
    cgroup.remove();
  }
}
