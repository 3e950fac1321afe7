import type { JobsQueryOptions, JobsSort, RemoveJobsOptions } from 'agenda';
import { UnsupportedJobOptionError } from './errors.js';

export type SqlValue = string | number | null;

/** A WHERE clause in parts: conditions joined with AND, and their parameters in order. */
export interface SqlFilter {
  conditions: string[];
  params: SqlValue[];
}

export const whereClause = (filter: SqlFilter): string =>
  filter.conditions.length === 0 ? '' : `WHERE ${filter.conditions.join(' AND ')}`;

const merge = (...filters: SqlFilter[]): SqlFilter => ({
  conditions: filters.flatMap((f) => f.conditions),
  params: filters.flatMap((f) => f.params),
});

const none: SqlFilter = { conditions: [], params: [] };
const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value));

function jsonPathStep(key: string): string {
  if (key.includes('"') || key.startsWith('$')) {
    throw new UnsupportedJobOptionError(`The SQLite backend cannot match the data field "${key}": quotes and $-operators are not supported.`);
  }
  return `."${key}"`;
}

/**
 * Data paths the scheduler's hot queries match on, each covered by an expression index
 * (migration 2). SQLite uses such an index only when the query's expression is textually the
 * index's, so these paths are written into the SQL as literals; any other path stays a bound
 * parameter. Only paths from this list are ever inlined, never a caller's text.
 */
export const INDEXED_DATA_PATHS: ReadonlySet<string> = new Set(['$."key"', '$."meetingId"']);

/** The JSON path as SQL: a literal for an indexed path, otherwise a placeholder and its parameter. */
function pathSql(path: string): { sql: string; params: SqlValue[] } {
  return INDEXED_DATA_PATHS.has(path) ? { sql: `'${path}'`, params: [] } : { sql: '?', params: [path] };
}

/** One value at a JSON path, with the JSON type checked too, so "1" never matches 1. */
function leafCondition(path: string, value: unknown): SqlFilter {
  const { sql: at, params: atParams } = pathSql(path);
  const type = `json_type(data, ${at})`;
  const extract = `json_extract(data, ${at})`;
  if (value === null) return { conditions: [`${type} = 'null'`], params: atParams };
  if (typeof value === 'boolean') return { conditions: [`${type} = ?`], params: [...atParams, String(value)] };
  if (typeof value === 'number') return { conditions: [`${type} IN ('integer', 'real') AND ${extract} = ?`], params: [...atParams, ...atParams, value] };
  if (typeof value === 'string') return { conditions: [`${type} = 'text' AND ${extract} = ?`], params: [...atParams, ...atParams, value] };
  // Arrays (and anything else JSON can hold) compare as minified JSON text.
  return { conditions: [`${type} IN ('array', 'object') AND ${extract} = json(?)`], params: [...atParams, ...atParams, JSON.stringify(value)] };
}

/** Partial match on job data, as the MongoDB backend does: nested plain objects are matched field by field. */
function dataMatch(value: unknown, path = '$'): SqlFilter {
  if (!isPlainObject(value)) return leafCondition(path, value);
  return merge(...Object.entries(value).map(([key, child]) => dataMatch(child, `${path}${jsonPathStep(key)}`)));
}

function idsMatch(id: string | undefined, ids: readonly string[] | undefined): SqlFilter {
  if (id) return { conditions: ['id = ?'], params: [id] };
  if (ids && ids.length > 0) return { conditions: [`id IN (${placeholders(ids.length)})`], params: [...ids] };
  return none;
}

function namesMatch(options: { name?: string; names?: string[]; notNames?: string[] }): SqlFilter {
  if (options.name) return { conditions: ['name = ?'], params: [options.name] };
  if (options.names && options.names.length > 0) return { conditions: [`name IN (${placeholders(options.names.length)})`], params: options.names };
  if (options.notNames && options.notNames.length > 0) {
    return { conditions: [`name NOT IN (${placeholders(options.notNames.length)})`], params: options.notNames };
  }
  return none;
}

/** Which jobs to remove, disable or enable; undefined when nothing was asked for, which selects no job. */
export function selectionFilter(options: RemoveJobsOptions): SqlFilter | undefined {
  const filter = merge(
    idsMatch(options.id?.toString(), options.ids?.map(String)),
    namesMatch(options),
    options.data === undefined ? none : dataMatch(options.data),
  );
  return filter.conditions.length === 0 ? undefined : filter;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Agenda computes a job's state from its fields (computeJobState) and the repository filters on it
 * after reading; for 'failed' these conditions are that state's own, so only failed jobs are read
 * and parsed (the retention run asks daily, of a store holding every job still to run).
 */
const FAILED: SqlFilter = { conditions: ['locked_at IS NULL AND failed_at IS NOT NULL AND (last_finished_at IS NULL OR failed_at >= last_finished_at)'], params: [] };

export function queryFilter(options: JobsQueryOptions): SqlFilter {
  return merge(
    options.state === 'failed' ? FAILED : none,
    namesMatch(options),
    idsMatch(options.id, options.ids),
    options.search ? { conditions: [`name LIKE ? ESCAPE '\\'`], params: [`%${escapeLike(options.search)}%`] } : none,
    options.data === undefined ? none : dataMatch(options.data),
    options.includeDisabled === false ? { conditions: ['disabled = 0'], params: [] } : none,
  );
}

const SORT_COLUMNS: Record<keyof JobsSort, string> = {
  nextRunAt: 'next_run_at',
  lastRunAt: 'last_run_at',
  lastFinishedAt: 'last_finished_at',
  priority: 'priority',
  name: 'name',
  data: 'data',
};

/** Sort fields outside JobsSort (a dashboard's typo, say) are left out rather than put into SQL. */
export function orderBy(sort: JobsSort | undefined): string {
  const parts = Object.entries(sort ?? {}).flatMap(([field, direction]) => {
    const column: string | undefined = SORT_COLUMNS[field as keyof JobsSort];
    return column === undefined ? [] : [`${column} ${direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`];
  });
  return parts.length > 0 ? parts.join(', ') : 'next_run_at DESC NULLS LAST, last_run_at DESC NULLS LAST';
}

/** Top-level fields a unique() constraint may name, besides data paths. */
const UNIQUE_COLUMNS: Record<string, string> = {
  name: 'name',
  type: 'type',
  priority: 'priority',
  repeatInterval: 'repeat_interval',
  repeatAt: 'repeat_at',
  repeatTimezone: 'repeat_timezone',
};

/**
 * A unique() constraint such as { 'data.key': 'abc' } as conditions on the job's name and fields.
 * Query operators ($in, $gt…) are MongoDB's and are refused rather than silently mismatched.
 */
export function uniqueFilter(name: string, unique: Record<string, unknown>): SqlFilter {
  return merge(
    { conditions: ['name = ?'], params: [name] },
    ...Object.entries(unique).map(([field, value]) => {
      if (isPlainObject(value) && Object.keys(value).some((key) => key.startsWith('$'))) {
        throw new UnsupportedJobOptionError(`The SQLite backend does not support query operators in unique() (field "${field}").`);
      }
      if (field.startsWith('data.')) return dataMatch(value, `$${field.slice(5).split('.').map(jsonPathStep).join('')}`);
      const column = UNIQUE_COLUMNS[field];
      if (!column) throw new UnsupportedJobOptionError(`The SQLite backend cannot use "${field}" in unique(): use data.* or one of ${Object.keys(UNIQUE_COLUMNS).join(', ')}.`);
      if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
        throw new UnsupportedJobOptionError(`unique() on "${field}" needs a string, a number or null.`);
      }
      return { conditions: [`${column} IS ?`], params: [value] };
    }),
  );
}
