import { describe, expect, it } from 'vitest';
import { jobConfigSchema } from './job-config-schema.ts';

type Schema = Record<string, unknown>;

/** Every object schema in the tree, with its path. */
function objectSchemas(schema: Schema, path = '#'): [string, Schema][] {
  const found: [string, Schema][] = schema.type === 'object' ? [[path, schema]] : [];
  for (const key of ['properties', 'definitions', 'patternProperties'] as const) {
    for (const [name, child] of Object.entries(
      (schema[key] as Record<string, Schema> | undefined) ?? {},
    )) {
      found.push(...objectSchemas(child, `${path}/${key}/${name}`));
    }
  }
  if (schema.items) found.push(...objectSchemas(schema.items as Schema, `${path}/items`));
  return found;
}

describe('job config JSON Schema', () => {
  it('is draft-07, which the editor understands', () => {
    expect(jobConfigSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('rejects unknown keys in every object', () => {
    const objects = objectSchemas(jobConfigSchema as unknown as Schema);
    expect(objects.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        '#',
        '#/definitions/taskRole',
        '#/definitions/port',
        '#/properties/jobEnvs',
      ]),
    );
    for (const [path, schema] of objects) expect(schema.additionalProperties, path).toBe(false);
  });

  it('describes every property, for hover help', () => {
    const missing: string[] = [];
    for (const [path, schema] of objectSchemas(jobConfigSchema as unknown as Schema)) {
      for (const key of ['properties', 'patternProperties'] as const) {
        for (const [name, property] of Object.entries(
          (schema[key] as Record<string, Schema> | undefined) ?? {},
        )) {
          if (typeof property.description !== 'string' || property.description.length < 10)
            missing.push(`${path}/${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('requires what docs/api.md §7 requires', () => {
    expect(jobConfigSchema.required).toEqual(['jobName', 'image', 'taskRoles']);
    expect(jobConfigSchema.definitions.taskRole.required).toEqual(['name', 'command']);
    expect(jobConfigSchema.definitions.port.required).toEqual(['label']);
  });
});
