import type { jsonDefaults as JsonDefaults } from './monaco-setup.ts';
import type { JsonSchemaBinding } from './types.ts';

type SchemaEntry = { uri: string; fileMatch: string[]; schema: object };
const schemasByModel = new Map<string, SchemaEntry>();

/** JSON diagnostics options are global in Monaco; each editor model gets its own schema entry. */
export function bindSchema(
  jsonDefaults: typeof JsonDefaults,
  modelUri: string,
  binding: JsonSchemaBinding | undefined,
): () => void {
  if (binding)
    schemasByModel.set(modelUri, {
      uri: binding.uri,
      fileMatch: [modelUri],
      schema: binding.schema,
    });
  apply(jsonDefaults);
  return () => {
    schemasByModel.delete(modelUri);
    apply(jsonDefaults);
  };
}

function apply(jsonDefaults: typeof JsonDefaults) {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    // The server parses with JSON.parse: comments and trailing commas are errors there too.
    allowComments: false,
    trailingCommas: 'error',
    comments: 'error',
    enableSchemaRequest: false,
    schemaValidation: 'error',
    schemas: [...schemasByModel.values()],
  });
}
