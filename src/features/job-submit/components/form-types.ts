/** Applies a change to the config text; form fields describe their edits with config-text/edit-config.ts. */
export type EditText = (change: (text: string) => string) => void;
