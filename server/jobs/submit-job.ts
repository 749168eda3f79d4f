import { capacityProblems, jobDemand } from '../../contract/job-capacity.ts';
import {
  JOB_NAME_PATTERN,
  NAME_MAX_LENGTH,
  RESERVED_NAMES,
} from '../../contract/job-config-schema.ts';
import type { RequestUser } from '../auth/request-user.ts';
import { PaiError, badRequest, forbidden, noVirtualCluster } from '../errors.ts';
import type { Services } from '../services.ts';
import { grantedVirtualClusters } from '../users/user-accounts.ts';
import { adminsOnlyRefusal } from '../runtime/isolation.ts';
import { validateJobConfig } from './job-config.ts';

export interface Submission {
  user: RequestUser;
  namespace: string;
  /** The name from the URL (PUT); undefined → the config's jobName (POST). */
  pathJobName: string | undefined;
  /** Exactly the submitted text, kept for GET /config. */
  configText: string;
  body: unknown;
}

export interface Submitted {
  id: number;
  jobName: string;
  /** X-Warning for obsolete fields. */
  warning?: string;
}

/** A namespace is a user name (the login rule). */
const USER_NAME = /^[\w.-]+$/;

const conflict = (name: string) =>
  new PaiError(409, 'ConflictJobError', `Job name ${name} already exists`);

/**
 * Checks a submission in OpenPAI's order (config, conflict, then namespace, virtual cluster,
 * capacity) and stores the job as WAITING in one statement; nothing is written when any check
 * fails.
 */
export function submitJob(services: Services, submission: Submission): Submitted {
  const { user, namespace } = submission;
  if (!USER_NAME.test(namespace) || namespace.length > NAME_MAX_LENGTH.userName)
    throw badRequest(
      `The user name in the URL must match ${USER_NAME.source} and have at most ${NAME_MAX_LENGTH.userName} characters.`,
    );
  const config = validateJobConfig(submission.body);
  const jobName = submission.pathJobName ?? config.jobName;
  if (
    !new RegExp(JOB_NAME_PATTERN).test(jobName) ||
    jobName.length > NAME_MAX_LENGTH.jobName ||
    ['.', '..', ...RESERVED_NAMES].includes(jobName)
  ) {
    throw badRequest(
      `The job name in the URL must match ${JOB_NAME_PATTERN}, have at most ${NAME_MAX_LENGTH.jobName} characters and not be ".", "..", ${RESERVED_NAMES.join(', ')}.`,
    );
  }
  const frameworkName = `${namespace}~${jobName}`;
  // OpenPAI answered 409 for a taken name before anything else looked at the user.
  if (services.jobs.byFrameworkName(frameworkName)) throw conflict(jobName);
  if (namespace !== user.username && !user.admin) {
    throw forbidden(`User ${user.username} is not allowed to submit jobs as user ${namespace}.`);
  }
  const isolation = services.runtime?.isolation?.();
  if (isolation?.mode === 'admins-only' && !user.admin) {
    throw forbidden(adminsOnlyRefusal(isolation.problem));
  }

  const vc = config.virtualCluster || 'default';
  const capacity = services.cluster.virtualClusters[vc];
  if (!Object.hasOwn(services.cluster.virtualClusters, vc) || !capacity) {
    throw noVirtualCluster(vc);
  }
  const account = services.users.get(user.username);
  if (!account || !grantedVirtualClusters(account, services.cluster).includes(vc)) {
    throw forbidden(`User ${user.username} is not allowed to do operation in ${vc}`);
  }
  if (services.virtualClusters.isStopped(vc)) {
    throw forbidden(`Virtual cluster ${vc} is stopped and takes no new jobs.`);
  }
  // One message per missing resource, as data too (docs/api.md §7); the portal checks the same.
  const tooBig = capacityProblems(config, vc, capacity);
  if (tooBig.length) throw badRequest(tooBig.map((problem) => problem.message).join('; '), tooBig);

  const id = services.jobs.insert({
    framework_name: frameworkName,
    name: jobName,
    namespace,
    username: user.username,
    // An admin submitting into another namespace owns the job, as the username column says.
    user_id: user.userId,
    legacy: 0,
    virtual_cluster: vc,
    config_text: submission.configText,
    config_json: JSON.stringify({ ...config, virtualCluster: vc }),
    created_time: Date.now(),
    total_gpu_number: jobDemand(config).gpus,
    total_task_number: config.taskRoles.reduce((total, role) => total + role.taskNumber, 0),
    total_task_role_number: config.taskRoles.length,
  });
  if (id === null) throw conflict(jobName);
  const warning =
    config.killAllOnCompletedTaskNumber === undefined
      ? undefined
      : 'killAllOnCompletedTaskNumber is obsolete and ignored; use minFailedTaskCount and minSucceededTaskCount.';
  return { id, jobName, warning };
}
