import { appendFileSync } from 'node:fs';

/** Loader hooks for record-loads.mjs; they run on the loader's own thread. */
let file;

export function initialize(data) {
  file = data.file;
}

export async function load(url, context, nextLoad) {
  appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}
