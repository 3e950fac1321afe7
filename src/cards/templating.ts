import { createRequire } from 'node:module';

/**
 * adaptivecards-templating, behind the two names we use. Its type declarations import
 * adaptivecards' TypeScript sources (adaptivecards/src/schema), which then get compiled with our
 * strict settings and fail; loading it with require and typing only what we call avoids that.
 */
export interface CardTemplate {
  /** Expands the template against `$root`, repeating `$data` arrays and dropping `$when: false` parts. */
  expand(context: { $root: unknown }): unknown;
}

interface TemplatingLibrary {
  Template: new (payload: unknown) => CardTemplate;
  GlobalSettings: { getUndefinedFieldValueSubstitutionString?: (path: string) => string | undefined };
}

const library = createRequire(import.meta.url)('adaptivecards-templating') as TemplatingLibrary;

export const { Template, GlobalSettings } = library;
