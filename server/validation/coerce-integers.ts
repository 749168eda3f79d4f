type Schema = Record<string, unknown>;

const INTEGER_TEXT = /^\s*-?\d+\s*$/;

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return schema;
  return ((root.definitions as Record<string, Schema>)[ref.slice('#/definitions/'.length)] ??
    {}) as Schema;
}

function acceptsInteger(schema: Schema): boolean {
  return (
    schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer'))
  );
}

/**
 * Turns numeric strings into integers wherever the schema expects an integer, as OpenPAI's Joi
 * validation did (`"taskNumber": "2"` is accepted as 2). Mutates and returns `value`.
 */
export function coerceIntegers(value: unknown, schema: Schema, root: Schema = schema): unknown {
  const resolved = resolve(schema, root);
  // Digits beyond the safe range would change value on the way; the schema then says "integer".
  if (
    typeof value === 'string' &&
    acceptsInteger(resolved) &&
    INTEGER_TEXT.test(value) &&
    Number.isSafeInteger(Number(value))
  )
    return Number(value);
  if (Array.isArray(value) && resolved.items) {
    value.forEach(
      (item, index) => (value[index] = coerceIntegers(item, resolved.items as Schema, root)),
    );
  } else if (typeof value === 'object' && value !== null && resolved.properties) {
    const properties = resolved.properties as Record<string, Schema>;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (Object.hasOwn(properties, key))
        record[key] = coerceIntegers(record[key], properties[key]!, root);
    }
  }
  return value;
}
