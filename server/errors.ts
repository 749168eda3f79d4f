import type { ErrorCode } from '../contract/api-types.ts';
import type { ValidationProblem } from '../contract/validation-problem.ts';

/** An error that reaches the client as OpenPAI's `{code, message}` with `status`. */
export class PaiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Sent beside `{code, message}` as `problems` (400 on a body that breaks the schema or rules). */
    readonly problems?: ValidationProblem[],
  ) {
    super(message);
    this.name = 'PaiError';
  }
}

export const badRequest = (message: string, problems?: ValidationProblem[]) =>
  new PaiError(400, 'InvalidParametersError', message, problems);
export const unauthorized = (message = 'Your token is invalid.') =>
  new PaiError(401, 'UnauthorizedUserError', message);
export const forbidden = (message: string) => new PaiError(403, 'ForbiddenUserError', message);
export const noJob = (name: string) => new PaiError(404, 'NoJobError', `Job ${name} is not found.`);
export const noVirtualCluster = (name: string) =>
  new PaiError(404, 'NoVirtualClusterError', `Virtual cluster ${name} is not found.`);
