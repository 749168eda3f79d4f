import type { JSONPath } from 'jsonc-parser';
import { checkJobConfigRules } from '../../../../contract/job-config-rules.ts';
import { pathSegments } from '../../../../contract/validation-problem.ts';
import { locatePath } from '../config-text/json-path.ts';
import type { TextMarker } from '../../../components/monaco/index.ts';

/** A problem at a JSON path; `path: null` when it names no place in the config. */
export interface PathProblem {
  path: JSONPath | null;
  message: string;
}

/** Markers for the problems whose path exists in the text (or whose parent does, for a missing field). */
export function markersFor(text: string, problems: PathProblem[]): TextMarker[] {
  const markers: TextMarker[] = [];
  for (const problem of problems) {
    const location = problem.path ? locatePath(text, problem.path) : null;
    if (location)
      markers.push({
        offset: location.offset,
        length: location.length,
        message: problem.message,
        severity: 'error',
      });
  }
  return markers;
}

/** The rules the JSON Schema cannot express (shmMB ≤ memoryMB, …), checked as the person types. */
export function ruleProblems(config: unknown): PathProblem[] {
  return checkJobConfigRules(config).map((problem) => ({
    path: pathSegments(problem.path),
    message: problem.message,
  }));
}

/** A server problem with the text its node had when the server answered. */
export interface AnsweredProblem extends PathProblem {
  nodeText: string | null;
}

export function rememberNodes(text: string, problems: PathProblem[]): AnsweredProblem[] {
  return problems.map((problem) => ({
    ...problem,
    nodeText: problem.path ? (locatePath(text, problem.path)?.nodeText ?? null) : null,
  }));
}

/** The server's problems whose place the person has not edited since: an edited value loses its mark. */
export function unresolved(text: string, problems: AnsweredProblem[]): PathProblem[] {
  return problems.filter(
    (problem) => !problem.path || locatePath(text, problem.path)?.nodeText === problem.nodeText,
  );
}
