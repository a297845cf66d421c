/** Starts AbilityBridge: configuration, database (migrated), demo data if empty, HTTP. */
import { openDatabase } from '../db/connection.js';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { loadConfig } from './config.js';
import { seedDemo } from './demo/seed.js';
import { createLogger } from './logger.js';
import { createServices } from './services.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const db = openDatabase(config.DATABASE_PATH);
const services = createServices({ db, clock: systemClock, logger });

if (config.SEED_DEMO) {
  const result = seedDemo(services);
  logger.info(result.seeded ? 'demo data loaded' : 'demo data already present', result.counts);
}

const app = createApp(services, config, logger);
const server = app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info('AbilityBridge listening', { url: `http://localhost:${port}`, database: config.DATABASE_PATH });
});

function shutdown(signal: string) {
  logger.info('shutting down', { signal });
  server.close(() => {
    db.$client.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(1), 5000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
