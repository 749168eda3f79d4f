import type { Db } from '../../store/db.ts';

/** The two writes only the Slurm backend makes; everything else goes through RuntimeStore. */
export class SlurmStore {
  constructor(private readonly db: Db) {}

  /** A waiting job's diagnostics say why Slurm keeps it waiting. */
  waitingReason(jobId: number, reason: string | null): void {
    this.db
      .prepare(`UPDATE jobs SET app_exit_diagnostics = ? WHERE id = ? AND state = 'WAITING'`)
      .run(reason, jobId);
  }

  /** Node address, ports and GPUs of a running task, known after the rendezvous. */
  taskPlacement(
    jobId: number,
    task: { role: string; index: number; ip: string; ports: string; gpus: number },
  ): void {
    this.db
      .prepare(
        `UPDATE tasks SET container_ip = ?, container_ports = ?, container_gpus = ?
           WHERE job_id = ? AND task_role = ? AND task_index = ?`,
      )
      .run(task.ip, task.ports, task.gpus, jobId, task.role, task.index);
  }
}
