// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layering rules (see ../shared/design/ARCHITECTURE.md): each platform SDK or driver may be
 * imported only by the adapter folder that owns it, and the domain imports no I/O at all.
 */
const groups = {
  teams: ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai', '@microsoft/teams-ai/*'],
  slack: ['@slack/*'],
  mongo: ['mongodb', 'mongodb-memory-server*'],
  sqlite: ['better-sqlite3'],
  agenda: ['agenda', '@agendajs/*'],
  http: ['express', 'http', 'https', 'node:http', 'node:https', 'nodemailer', 'pino', 'pino-*'],
  pdf: ['pdfkit'],
  io: ['fs', 'fs/*', 'node:fs', 'node:fs/*', 'net', 'node:net', 'child_process', 'node:child_process'],
};

/** Folder → the groups it may import. Folders not listed may import none of the groups. */
const zones = [
  { name: 'domain', files: ['src/domain/**'], allow: [] },
  { name: 'app', files: ['src/app/**', 'src/ports/**'], allow: [] },
  { name: 'teams', files: ['src/channels/teams/**'], allow: ['teams', 'http', 'io'] },
  { name: 'slack', files: ['src/channels/slack/**'], allow: ['slack', 'http', 'io'] },
  { name: 'web', files: ['src/channels/web/**'], allow: ['http', 'io', 'pdf'] },
  { name: 'mongo-store', files: ['src/stores/mongo/**'], allow: ['mongo'] },
  { name: 'sqlite-store', files: ['src/stores/sqlite/**'], allow: ['sqlite', 'io'] },
  { name: 'scheduler', files: ['src/scheduler/**'], allow: ['agenda', 'mongo', 'sqlite'] },
  { name: 'cards', files: ['src/cards/**'], allow: ['io'] },
  { name: 'edge', files: ['src/*.ts', 'src/stores/*.ts', 'src/observability/**'], allow: ['http', 'io'] },
];

const forbidden = (allow) =>
  Object.entries(groups)
    .filter(([group]) => !allow.includes(group))
    .map(([group, names]) => ({
      group: names,
      message: `Layering: '${group}' imports are not allowed here (see eslint.config.js zones).`,
    }));

/** The domain is pure: it may not reach into any outer layer either. */
const domainInward = [
  { group: ['**/app/**', '**/ports/**', '**/channels/**', '**/stores/**', '**/scheduler/**', '**/cards/**'], message: 'The domain depends on nothing outside src/domain.' },
];
const appInward = [
  { group: ['**/channels/**', '**/stores/**', '**/scheduler/**'], message: 'Use cases depend on ports, never on adapters.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test/artifacts/**', 'cards-preview/**', 'devTools/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  ...zones.map((zone) => ({
    files: zone.files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidden(zone.allow),
            ...(zone.name === 'domain' ? domainInward : []),
            ...(zone.name === 'app' ? appInward : []),
          ],
        },
      ],
    },
  })),
);
