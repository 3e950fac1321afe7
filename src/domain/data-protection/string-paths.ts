import type { z } from 'zod';
import { schemaFields } from './schema-fields.js';

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

/** The strings among every field of the schema (schema-fields.ts walks them all, for the data inventory too). */
export function stringPaths(schema: z.ZodType, prefix = ''): StringPath[] {
  return schemaFields(schema, prefix).flatMap(({ path, kind }) => (kind === 'text' || kind === 'formatted text' ? [{ path, structured: kind === 'formatted text' }] : []));
}
