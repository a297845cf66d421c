/**
 * A second AbilityBridge process on an existing database file, for tests that need truly
 * concurrent writers (two processes, two SQLite connections). Prints its port on stdout.
 */
import { openDatabase } from '../../db/connection.js';
import { createApp } from '../../src/app.js';
import { systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createServices } from '../../src/services.js';

const path = process.argv[2];
if (!path) throw new Error('usage: serve.ts <database file>');
const config = loadConfig({ NODE_ENV: 'test', SESSION_ABSOLUTE_HOURS: '8760', SESSION_IDLE_MINUTES: '525600' });
const db = openDatabase(path);
const logger = createLogger('silent');
const server = createApp(createServices({ db, clock: systemClock, logger, config })).listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
