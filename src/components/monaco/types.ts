/** A problem to mark in the editor text, located by character offsets. */
export interface TextMarker {
  offset: number;
  length: number;
  message: string;
  severity: 'error' | 'warning';
}

/** A problem the editor found or was given, as the person sees it (1-based line/column). */
export interface EditorProblem {
  message: string;
  severity: 'error' | 'warning';
  line: number;
  column: number;
  offset: number;
  /** True for Monaco's own checks (syntax, JSON Schema); false for the page's `markers`. */
  ownCheck: boolean;
}

/** What a page can ask of a mounted editor. */
export interface EditorHandle {
  /** Put the cursor at `offset`, scroll it into view and focus the editor. */
  revealOffset(offset: number): void;
  focus(): void;
}

export interface JsonSchemaBinding {
  /** A stable id for the schema, e.g. `pai://schemas/job-config.json`. */
  uri: string;
  schema: object;
}
