import { installBankHolidays } from '../../src/bank-holidays.js';

/** Every test file counts working days as the bot does: start-up installs the same source (src/start-bot.ts). */
installBankHolidays();
