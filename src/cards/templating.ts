import { packageRequire } from '../package-root.js';

/**
 * adaptivecards-templating, behind the one constructor we use. Its type declarations import
 * adaptivecards' TypeScript sources (adaptivecards/src/schema), which then get compiled with our
 * strict settings and fail; loading it with require and typing only what we call avoids that.
 * It is loaded with the first template, not at start-up: with the expression parser under it
 * (adaptive-expressions, antlr4ts) it takes a sixth of a second and megabytes a bot that has
 * drawn no card yet does without.
 */
export interface CardTemplate {
  /** Expands the template against `$root`, repeating `$data` arrays and dropping `$when: false` parts. */
  expand(context: { $root: unknown }): unknown;
}

interface TemplatingLibrary {
  Template: new (payload: unknown) => CardTemplate;
  GlobalSettings: { getUndefinedFieldValueSubstitutionString?: (path: string) => string | undefined };
}

/**
 * By default the templating engine leaves `${field}` in the card when the data lacks the field,
 * which would show the raw expression to a carer. It writes `\u0000unbound:<path>\u0000` instead,
 * a marker no typed text contains, so such places can be found and the card refused. (It is a
 * process-wide setting of the library; nothing else here uses the templating engine.)
 */
export const UNBOUND = 'unbound:';

let library: TemplatingLibrary | undefined;

function templatingLibrary(): TemplatingLibrary {
  if (library) return library;
  library = packageRequire('adaptivecards-templating') as TemplatingLibrary;
  library.GlobalSettings.getUndefinedFieldValueSubstitutionString = (path: string) => `\u0000${UNBOUND}${path}\u0000`;
  return library;
}

/** Parses the template's expressions once; the result can be expanded with any data. */
export function parseTemplate(payload: unknown): CardTemplate {
  return new (templatingLibrary().Template)(payload);
}
