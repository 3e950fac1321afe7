import type { z } from 'zod';

/**
 * Every string a stored schema can hold, as a path: `participants[].rsvp.note` (an array's items
 * are `[]`; the options of a union share one path). Pure: it reads the zod definitions only, so
 * the classification test sees a field the moment a schema grows one.
 */
export interface StringPath {
  path: string;
  /** A format or pattern (date, email, reference...) makes it structured, not prose. */
  structured: boolean;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  format?: string;
  checks?: Array<{ _zod: { def: { check: string; format?: string } } }>;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const isStructured = (def: Def): boolean =>
  def.format !== undefined || (def.checks ?? []).some((check) => check._zod.def.format !== undefined || check._zod.def.check === 'string_format');

const join = (prefix: string, key: string): string => (prefix === '' ? key : `${prefix}.${key}`);

export function stringPaths(schema: z.ZodType, prefix = ''): StringPath[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return [{ path: prefix, structured: isStructured(def) }];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, value]) => stringPaths(value, join(prefix, key)));
    case 'array':
      return stringPaths(def.element as z.ZodType, `${prefix}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return stringPaths(def.innerType as z.ZodType, prefix);
    case 'pipe':
      return stringPaths(def.in as z.ZodType, prefix);
    case 'union': {
      const seen = new Map<string, StringPath>();
      for (const found of (def.options ?? []).flatMap((option) => stringPaths(option, prefix))) seen.set(found.path, found);
      return [...seen.values()];
    }
    default:
      // Numbers, booleans, enums and literals hold no prose.
      return [];
  }
}
