import { z } from 'zod';

/**
 * Card inputs arrive as strings from Teams and Slack ("92.5", "2026-03-13", ""), as numbers from
 * the web page's number inputs, or not at all when an input was left out. These codecs turn
 * them into the domain's types with messages a person can act on; an empty answer is no answer.
 */

const blankToUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const trimmed = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);

/** Free text the person may leave empty. */
export const optionalText = (max: number) =>
  z.preprocess((v) => trimmed(blankToUndefined(v)), z.string().max(max, `Please keep this under ${max} characters.`).optional());

/** Free text that must be there; `missing` says what to write. */
export const requiredText = (max: number, missing: string) =>
  z.preprocess(
    (v) => trimmed(blankToUndefined(v)),
    z.string({ error: missing }).min(1, missing).max(max, `Please keep this under ${max} characters.`),
  );

const toNumber = (value: unknown): unknown => {
  const v = blankToUndefined(value);
  return typeof v === 'string' ? Number(v.trim()) : v;
};

export const optionalNumber = (min: number, max: number, options: { integer?: boolean } = {}) => {
  const message = `Enter ${options.integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`;
  const base = z.number({ error: message }).min(min, message).max(max, message);
  return z.preprocess(toNumber, (options.integer ? base.int(message) : base).optional());
};

export const requiredInteger = (min: number, max: number, missing: string) =>
  z.preprocess(toNumber, z.number({ error: missing }).int(missing).min(min, missing).max(max, missing));

export const requiredDate = (missing: string) =>
  z.preprocess((v) => trimmed(blankToUndefined(v)), z.iso.date({ error: missing }));

/** One of a fixed set of choices: pass a domain enum's `.enum`. */
export const requiredChoice = <T extends Readonly<Record<string, string>>>(values: T, missing: string) =>
  z.preprocess((v) => trimmed(blankToUndefined(v)), z.enum(values, { error: missing }));

export const requiredNumber = (min: number, max: number, missing: string) =>
  z.preprocess(toNumber, z.number({ error: missing }).min(min, missing).max(max, missing));

/** One of a fixed set of choices, or none. */
export const optionalChoice = <T extends Readonly<Record<string, string>>>(values: T) =>
  z.preprocess((v) => trimmed(blankToUndefined(v)), z.enum(values, { error: `Choose one of: ${Object.values(values).join(', ')}.` }).optional());
