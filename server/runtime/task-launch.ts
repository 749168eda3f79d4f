import { newTaskRuns, type ActiveJob, type TaskRun } from './active-job.ts';
import { gpuBitmask, taskSlot, type GpuAssignment } from './capacity.ts';
import { roleOf } from './job-spec.ts';
import type { RuntimeOptions } from './options.ts';
import type { RuntimePaths } from './paths.ts';
import { allocatePorts, containerPorts, type TaskPorts } from './ports.ts';
import { adminsOnlyRefusal, type Isolation } from './isolation.ts';
import {
  joinCgroupsArgv,
  sandboxInitPid,
  sessionArgv,
  type SandboxPlan,
  type TaskIdentity,
} from './sandbox.ts';
import { jobKeyPair, readPublicKey } from './ssh-keys.ts';
import { TaskSshServer } from './ssh-server.ts';
import { EXIT_CODE, platformFailure, type TaskEnd } from './task-end.ts';
import { taskEnvironment } from './task-env.ts';
import { TaskProcess } from './task-process.ts';
import type { TaskSpawner } from './task-spawner.ts';
import type { TaskUids } from './task-uids.ts';

export interface LaunchContext {
  paths: RuntimePaths;
  options: RuntimeOptions;
  /** Address tasks and SSH listen on (PAI_HOST). */
  bindHost: string;
  /** Address reported to users and tasks (`containerIp`, PAI_HOST_IP_*). */
  hostIp: string;
  hostKey: Buffer;
  /** Ports handed to live tasks of any job. */
  portsInUse: Set<number>;
  /** Found at start; until then nothing is isolated. */
  isolation: Isolation | null;
  /** Each user's task uid (server as root). */
  uids: TaskUids;
  /** Starts the tasks' wrappers. */
  spawner: TaskSpawner;
}

/** The uid and gid the job's tasks run as: their owner's own when the server is root. */
export function identityOf(ctx: LaunchContext, owner: string): TaskIdentity {
  if (!ctx.isolation?.sandboxed || !ctx.isolation.asRoot) return null;
  const uid = ctx.uids.uidOf(owner);
  return { uid, gid: uid };
}

function sandboxOf(ctx: LaunchContext, job: ActiveJob, task: TaskRun): SandboxPlan | null {
  if (!ctx.isolation?.sandboxed) return null;
  return {
    dataDir: ctx.paths.dataDir,
    userFilesDir: ctx.paths.userFilesDir(job.owner),
    workDir: task.workDir,
    identity: identityOf(ctx, job.owner),
    containerId: task.containerId,
    bwrap: ctx.options.bwrapPath,
  };
}

/** How an SSH session joins the task: its cgroup, then its namespaces and identity. */
function sessionWrapper(ctx: LaunchContext, job: ActiveJob, task: TaskRun) {
  const procs = () => task.process?.cgroup?.procsFiles() ?? [];
  if (!ctx.isolation?.sandboxed) return (argv: string[]) => joinCgroupsArgv(procs(), argv);
  const identity = identityOf(ctx, job.owner);
  return (argv: string[]): string[] | Error => {
    const pid = sandboxInitPid(
      `${task.taskDir}/sandbox.json`,
      task.containerId,
      ctx.options.bwrapPath,
    );
    if (pid === null) return new Error('the task is not running');
    return joinCgroupsArgv(procs(), sessionArgv(pid, task.workDir, identity, argv));
  };
}

/**
 * Why a job must not start although it was accepted: a non-admin's job on a server that cannot
 * isolate tasks (PAI_TASK_ISOLATION=auto, e.g. restarted without bubblewrap) would run
 * unsandboxed. Null when it may start.
 */
export function launchRefusal(ctx: LaunchContext, ownerIsAdmin: () => boolean): string | null {
  const info = ctx.isolation?.info;
  if (info?.mode !== 'admins-only' || ownerIsAdmin()) return null;
  return adminsOnlyRefusal(info.problem);
}

/** Why an attempt could not start; it fails like a task would, as a platform failure. */
export class LaunchFailure extends Error {
  constructor(readonly end: TaskEnd) {
    super(end.diagnostics);
  }
}

/** Gives every task of the new attempt its ports, GPUs, environment and SSH endpoint. */
export async function prepareTasks(
  ctx: LaunchContext,
  job: ActiveJob,
  gpus: GpuAssignment,
): Promise<void> {
  job.tasks = newTaskRuns(ctx.paths, job);
  let ports: TaskPorts[];
  try {
    ports = await allocatePorts(
      ctx.bindHost,
      job.tasks.map((task) => roleOf(job.spec, task.role).portList),
      ctx.portsInUse,
    );
  } catch (error) {
    throw new LaunchFailure(
      platformFailure(
        EXIT_CODE.portConflict,
        `could not get its ports: ${(error as Error).message}`,
      ),
    );
  }
  job.tasks.forEach((task, i) => {
    task.ports = ports[i]!;
    task.gpus = gpus.get(taskSlot(task.role, task.index)) ?? [];
  });
  assignEnvironments(ctx, job);
  await startSsh(ctx, job, job.tasks);
}

/** Each task's environment; it needs every task's ports, so all ports come first. */
export function assignEnvironments(ctx: LaunchContext, job: ActiveJob): void {
  const portsBySlot = new Map<string, TaskPorts>(
    job.tasks.map((task) => [taskSlot(task.role, task.index), task.ports]),
  );
  for (const task of job.tasks) {
    task.env = taskEnvironment({
      jobName: job.name,
      username: job.username,
      virtualCluster: job.vc,
      spec: job.spec,
      hostIp: ctx.hostIp,
      ports: portsBySlot,
      role: task.role,
      index: task.index,
      gpuIndices: task.gpus,
      containerId: task.containerId,
      workDir: task.workDir,
    });
    // The server's HOME is not the task user's to write.
    if (identityOf(ctx, job.owner)) task.env.HOME = task.workDir;
  }
}

/** Opens the SSH endpoint of each task on its `ssh` port. */
export async function startSsh(
  ctx: LaunchContext,
  job: ActiveJob,
  tasks: TaskRun[],
): Promise<void> {
  const authorizedKey = readPublicKey(jobKeyPair(ctx.paths.sshDir(job.id), job.frameworkName));
  for (const task of tasks) {
    const port = task.ports.ssh?.[0];
    if (port === undefined) continue;
    try {
      task.ssh = await TaskSshServer.start({
        host: ctx.bindHost,
        port,
        hostKey: ctx.hostKey,
        authorizedKey,
        cwd: task.workDir,
        env: task.env,
        wrap: sessionWrapper(ctx, job, task),
      });
    } catch (error) {
      throw new LaunchFailure(
        platformFailure(
          EXIT_CODE.portConflict,
          `could not serve SSH on port ${port}: ${(error as Error).message}`,
        ),
      );
    }
  }
}

/**
 * Starts every task's process, all at once; a task that cannot start ends at once as a platform
 * failure. Nothing reports a task's end before its job calls `watch` on it.
 */
export async function spawnTasks(
  ctx: LaunchContext,
  job: ActiveJob,
): Promise<{ task: TaskRun; end: TaskEnd }[]> {
  const started = await Promise.all(job.tasks.map((task) => spawnTask(ctx, job, task)));
  const failed: { task: TaskRun; end: TaskEnd }[] = [];
  job.tasks.forEach((task, i) => {
    const process = started[i]!;
    if (process instanceof TaskProcess) task.process = process;
    else
      failed.push({
        task,
        end: platformFailure(EXIT_CODE.launchFailed, `could not be started: ${process.message}`),
      });
  });
  return failed;
}

async function spawnTask(
  ctx: LaunchContext,
  job: ActiveJob,
  task: TaskRun,
): Promise<TaskProcess | Error> {
  const role = roleOf(job.spec, task.role);
  try {
    const cgroup =
      ctx.isolation?.cgroups?.create(task.containerId, {
        memoryMB: role.memoryMB,
        cpus: role.cpuNumber,
        pids: ctx.options.taskPidsMax,
      }) ?? null;
    return await TaskProcess.spawn(
      {
        taskDir: task.taskDir,
        workDir: task.workDir,
        command: role.command,
        env: task.env,
        logMaxBytes: ctx.options.logMaxBytes,
        sandbox: sandboxOf(ctx, job, task),
        cgroup,
        pollMs: ctx.options.pollIntervalMs,
      },
      ctx.spawner,
    );
  } catch (error) {
    return error as Error;
  }
}

/** What the store records of each task of the attempt once they are started. */
export const startedTaskRows = (ctx: LaunchContext, job: ActiveJob) =>
  job.tasks.map((task) => ({
    role: task.role,
    index: task.index,
    containerId: task.containerId,
    containerIp: ctx.hostIp,
    containerPorts: containerPorts(task.ports),
    containerGpus: gpuBitmask(task.gpus),
    pid: task.process?.pid ?? null,
  }));

/** Gives back a task's ports and cgroup and closes its SSH endpoint. */
export function releaseTask(ctx: LaunchContext, task: TaskRun): void {
  for (const port of Object.values(task.ports).flat()) ctx.portsInUse.delete(port);
  if (task.end) task.process?.cgroup?.remove();
  const ssh = task.ssh;
  task.ssh = null;
  void ssh?.close();
}
