import { jobConfigSchema } from '../../../../contract/job-config-schema.ts';
import { pathSegments, type ValidationProblem } from '../../../../contract/validation-problem.ts';
import { problemsInMessage } from '../config-text/json-path.ts';
import type { PathProblem } from './problem-markers.ts';

interface ApiFailure {
  status: number;
  code: string;
  message: string;
  /** From this portal's server; a real OpenPAI server sends only the message. */
  problems?: ValidationProblem[];
}

/** The server's problems as data, or, from a server that sends none, read back out of the message. */
function problemsOf({ problems, message }: ApiFailure): PathProblem[] {
  if (!problems?.length) return problemsInMessage(message);
  return problems.map((problem) => ({
    path: problem.path ? pathSegments(problem.path) : null,
    message: problem.message,
  }));
}

/** What went wrong with a submission, in the terms the page shows it. */
export type SubmitFailure =
  /** The config breaks a rule; each problem is marked at its path in the editor. */
  | { kind: 'invalid'; message: string; problems: PathProblem[] }
  /** A job with this name exists: offer another name. */
  | { kind: 'name-taken'; message: string }
  /** The virtual cluster does not exist or may not be used: point at the VC field. */
  | { kind: 'virtual-cluster'; message: string }
  | { kind: 'other'; message: string };

export function describeSubmitFailure(error: ApiFailure): SubmitFailure {
  const { code, message } = error;
  if (code === 'ConflictJobError') return { kind: 'name-taken', message };
  if (
    code === 'NoVirtualClusterError' ||
    (code === 'ForbiddenUserError' && /virtual cluster/i.test(message))
  ) {
    return { kind: 'virtual-cluster', message };
  }
  if (code === 'InvalidParametersError') {
    // Only paths into the config count: "The job needs 64 vCores…" names no field.
    const problems = problemsOf(error).map((problem) => ({
      ...problem,
      path:
        problem.path && Object.hasOwn(jobConfigSchema.properties, problem.path[0]!)
          ? problem.path
          : null,
    }));
    return { kind: 'invalid', message, problems };
  }
  return { kind: 'other', message };
}
