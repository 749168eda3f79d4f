import type { ValidationProblem } from '../../contract/validation-problem.ts';

/** An API failure as OpenPAI reports it: `{code, message}` plus the HTTP status (0 = no answer). */
export class PaiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** This portal's server lists a 400's problems with their paths; OpenPAI's servers do not. */
    readonly problems?: ValidationProblem[],
  ) {
    super(message);
    this.name = 'PaiError';
  }
}

export const NETWORK_ERROR = 'NetworkError';

/** A readable sentence for any error thrown by a request or a render. */
export function errorMessage(error: unknown): string {
  if (error instanceof PaiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}

/** Client errors (4xx) will not change on retry; network errors and 5xx may. */
export function isRetryable(error: unknown): boolean {
  return (
    !(error instanceof PaiError) ||
    error.status === 0 ||
    error.status >= 500 ||
    error.status === 429
  );
}
