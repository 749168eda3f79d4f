import type { EditorProblem } from '../../../components/monaco/index.ts';
import { locatePath } from '../config-text/json-path.ts';
import { lineColumn } from '../config-text/read-config.ts';
import type { AnsweredProblem, PathProblem } from './problem-markers.ts';

/** One entry of the page's one list of problems. */
export interface ListedProblem {
  message: string;
  /** Where in the text it is; null for a problem of the config as a whole. */
  at: { offset: number; line: number; column: number } | null;
  /** From the server's answer to an earlier text: the config has changed since. */
  outOfDate: boolean;
}

export interface ProblemSources {
  text: string;
  /** Monaco's own checks (syntax, JSON Schema) of the current text. */
  editor: EditorProblem[];
  /** The page's checks of the current text (rules, capacity, virtual cluster). */
  page: PathProblem[];
  /** The server's last refusal: its problems and the text it was about. */
  server: { text: string; problems: AnsweredProblem[] } | null;
}

function located(text: string, problem: PathProblem, outOfDate = false): ListedProblem {
  const location = problem.path ? locatePath(text, problem.path) : null;
  const at = location ? { offset: location.offset, ...lineColumn(text, location.offset) } : null;
  return { message: problem.message, at, outOfDate };
}

const samePlace = (a: ListedProblem, b: ListedProblem) =>
  a.at !== null && b.at !== null && a.at.offset === b.at.offset;

/**
 * The current problems, each once: the page's checks, the server's answer (its wording wins over
 * the editor's at the same place), the editor's; then the server's problems about an earlier text
 * whose place was not edited, marked out of date (a problem whose place was edited is gone).
 */
export function currentProblems({ text, editor, page, server }: ProblemSources): ListedProblem[] {
  const listed: ListedProblem[] = [];
  const add = (candidate: ListedProblem, duplicate: (entry: ListedProblem) => boolean) => {
    if (!listed.some(duplicate)) listed.push(candidate);
  };
  const sameMessage = (candidate: ListedProblem) => (entry: ListedProblem) =>
    entry.message === candidate.message &&
    (entry.at?.offset ?? null) === (candidate.at?.offset ?? null);

  for (const problem of page) {
    const entry = located(text, problem);
    add(entry, sameMessage(entry));
  }
  const answerIsCurrent = server?.text === text;
  if (server && answerIsCurrent) {
    for (const problem of server.problems) {
      const entry = located(text, problem);
      add(entry, sameMessage(entry));
    }
  }
  for (const problem of editor) {
    const entry: ListedProblem = {
      message: problem.message,
      at: { offset: problem.offset, line: problem.line, column: problem.column },
      outOfDate: false,
    };
    add(
      entry,
      (other) => sameMessage(entry)(other) || (answerIsCurrent && samePlace(entry, other)),
    );
  }
  if (server && !answerIsCurrent) {
    for (const problem of server.problems) {
      const location = problem.path ? locatePath(text, problem.path) : null;
      if (problem.path && location?.nodeText !== problem.nodeText) continue; // edited there
      const entry = located(text, problem, true);
      add(
        entry,
        (other) => other.message === entry.message || (!other.outOfDate && samePlace(entry, other)),
      );
    }
  }
  return listed;
}
