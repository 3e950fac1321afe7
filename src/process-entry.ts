import module from 'node:module';

/**
 * What `npm start` runs: the build bundles this file as dist/main.js. Both switches apply only to
 * code loaded after them, so the bot itself (the composition root, main.ts, and all it imports) is
 * loaded once they are on: stack traces name src/ files and lines, and on Node 22 and later V8's
 * compiled code is kept on disk between starts (Node 20 has no such cache: it is skipped there).
 */
process.setSourceMapsEnabled(true);
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./main.js');
