import type { FastifyInstance } from 'fastify';
import type { AttemptFailureKind, JobAttempt, JobState } from '../../contract/api-types.ts';
import { publicReadHook } from '../auth/read-access.ts';
import { mayReadOutput } from '../jobs/job-access.ts';
import type { JobRouteParams } from '../jobs/job-address.ts';
import { withoutStderrTail } from '../jobs/job-view.ts';
import { JOB_PREFIXES, loadJob } from '../jobs/load-job.ts';
import type { Services } from '../services.ts';
import { currentAttempt, endedAttempts, type JobAttemptRow } from '../store/job-attempts.ts';
import type { JobRow } from '../store/jobs.ts';

const FAILURE_KINDS: readonly string[] = ['user', 'platform', 'resource'];

function fromRow(row: JobAttemptRow, state: JobState, latest: boolean): JobAttempt {
  return {
    attemptIndex: row.attempt,
    isLatest: latest,
    state,
    attemptStartedTime: row.launched_time,
    attemptCompletedTime: row.completed_time,
    exitCode: row.exit_code,
    exitDiagnostics: row.exit_diagnostics,
    exitType: FAILURE_KINDS.includes(row.failure_kind ?? '')
      ? (row.failure_kind as AttemptFailureKind)
      : null,
    appExitTriggerTaskRoleName: row.trigger_task_role_name,
    appExitTriggerTaskIndex: row.trigger_task_index,
    logsKept: false,
  };
}

/** The attempt under way (not yet in `job_attempts`): what the job row says of it. */
function running(job: JobRow, attempt: number): JobAttempt {
  return {
    attemptIndex: attempt,
    isLatest: true,
    state: job.state as JobState,
    attemptStartedTime: job.app_launched_time,
    attemptCompletedTime: null,
    exitCode: null,
    exitDiagnostics: null,
    exitType: null,
    appExitTriggerTaskRoleName: null,
    appExitTriggerTaskIndex: null,
    logsKept: false,
  };
}

/**
 * `GET …/:job/attempts` (README, API): every attempt of a job, newest first, readable by whoever
 * may read its status; whether each one's logs are kept, and its diagnostics without the stderr
 * tail for anyone but the owner and admins (as the detail, docs/api.md §5.3).
 */
export function registerJobAttemptRoutes(app: FastifyInstance, services: Services): void {
  for (const prefix of JOB_PREFIXES) {
    app.get<{ Params: JobRouteParams }>(
      `${prefix}/:jobName/attempts`,
      { onRequest: publicReadHook(services) },
      async (request, reply) => {
        const { job } = loadJob(services, request);
        const latest = currentAttempt(services.db, job.id);
        const ended = endedAttempts(services.db, job.id);
        const attempts = ended.map((row) =>
          fromRow(row, row.attempt === latest ? (job.state as JobState) : 'FAILED', false),
        );
        if (!ended.some((row) => row.attempt === latest)) attempts.unshift(running(job, latest));
        attempts[0]!.isLatest = true;
        const showOutput = mayReadOutput(request.user, job);
        const kept = new Set(
          showOutput && !job.imported ? (services.runtime?.keptAttempts(job.id) ?? []) : [],
        );
        for (const attempt of attempts) {
          attempt.logsKept = kept.has(attempt.attemptIndex);
          if (!showOutput) attempt.exitDiagnostics = withoutStderrTail(attempt.exitDiagnostics);
        }
        return reply.header('Cache-Control', 'no-store').send(attempts);
      },
    );
  }
}
