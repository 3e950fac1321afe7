import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { loadConfig } from '../src/config.js';
import type { Config } from '../src/config.js';
import { isDomainError } from '../src/domain/errors.js';
import type { StoreWithChildren } from '../src/ports/child-store.js';
import { openStore } from '../src/stores/open-store.js';
import { installBankHolidays } from '../src/bank-holidays.js';

/**
 * The store scripts' shared start (data protection, history export): their options parsed (a wrong one prints `usage`),
 * the store the server is configured with (DATA_DIR or MONGODB_URI) opened, and a refusal printed
 * as its words with exit code 1, never a stack trace.
 */
export type ScriptArgs = Record<string, string | boolean | undefined>;

export async function withStore(
  usage: string,
  options: NonNullable<ParseArgsConfig['options']>,
  work: (args: ScriptArgs, store: StoreWithChildren, config: Config, positionals: string[]) => Promise<void>,
): Promise<void> {
  let values: ScriptArgs;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ options, allowPositionals: true }) as { values: ScriptArgs; positionals: string[] });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: ${usage}\n`);
    process.exit(2);
  }
  installBankHolidays();
  const config = loadConfig();
  const store = await openStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir });
  try {
    await store.init();
    await work(values, store, config, positionals);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}
