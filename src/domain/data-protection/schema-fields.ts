import type { z } from 'zod';

/**
 * Every field a stored schema can hold, as a path (`participants[].rsvp.note`), with a plain word
 * for what it holds. Pure: it reads the zod definitions, so the data inventory grows with the model.
 */
export interface SchemaField {
  path: string;
  kind: 'text' | 'formatted text' | 'number' | 'choice' | 'yes/no' | 'any';
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  valueType?: z.ZodType;
  format?: string;
  checks?: Array<{ _zod: { def: { check: string; format?: string } } }>;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const join = (prefix: string, key: string): string => (prefix === '' ? key : `${prefix}.${key}`);
const formatted = (def: Def): boolean => def.format !== undefined || (def.checks ?? []).some((check) => check._zod.def.format !== undefined || check._zod.def.check === 'string_format');

export function schemaFields(schema: z.ZodType, prefix = ''): SchemaField[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return [{ path: prefix, kind: formatted(def) ? 'formatted text' : 'text' }];
    case 'number':
      return [{ path: prefix, kind: 'number' }];
    case 'boolean':
      return [{ path: prefix, kind: 'yes/no' }];
    case 'enum':
    case 'literal':
      return [{ path: prefix, kind: 'choice' }];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, value]) => schemaFields(value, join(prefix, key)));
    case 'array':
      return schemaFields(def.element as z.ZodType, `${prefix}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return schemaFields(def.innerType as z.ZodType, prefix);
    case 'pipe':
      return schemaFields(def.in as z.ZodType, prefix);
    case 'union': {
      const seen = new Map<string, SchemaField>();
      for (const found of (def.options ?? []).flatMap((option) => schemaFields(option, prefix))) if (!seen.has(found.path)) seen.set(found.path, found);
      return [...seen.values()];
    }
    default:
      return [{ path: prefix, kind: 'any' }];
  }
}
