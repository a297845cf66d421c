/** Starts AbilityBridge: configuration, database (migrated), demo data if empty, HTTP. */
import { openDatabase } from '../db/connection.js';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { loadConfig } from './config.js';
import { accountsWithDemoPassword, seedDemoAccounts } from './demo/accounts.js';
import { seedDemo } from './demo/seed.js';
import { createLogger } from './logger.js';
import { createServices } from './services.js';
import { attachLive } from './live/server.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const db = openDatabase(config.DATABASE_PATH);
// The demo data is written (on its own clock) before the services build the match index from it.
const seeded = config.SEED_DEMO ? seedDemo(db, config) : undefined;
const services = createServices({ db, clock: systemClock, logger, config });

if (seeded) {
  const accounts = await seedDemoAccounts(services);
  logger.info(seeded.seeded ? 'demo data loaded' : 'demo data already present', { ...seeded.counts, demoAccountsCreated: accounts });
}

if (config.NODE_ENV === 'production') {
  const weak = await accountsWithDemoPassword(services);
  if (weak.length) {
    logger.error('refusing to start in production: demo accounts still have the demo password', { accounts: weak });
    process.exit(1);
  }
}

const app = createApp(services);
const server = app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info('AbilityBridge listening', { url: `http://localhost:${port}`, database: config.DATABASE_PATH });
});
// Live notifications (socket.io) on the same server and port, behind the same session.
const live = attachLive(server, services);

const purge = setInterval(() => services.accounts.purgeExpired(), 10 * 60_000);
purge.unref();
// Trials ending, assessments missing, follow-ups due: chased once each, now and every hour.
const remind = () => logger.info('reminders sent', { count: services.pipeline.sendReminders() });
remind();
setInterval(remind, 60 * 60_000).unref();

function shutdown(signal: string) {
  logger.info('shutting down', { signal });
  // Closing socket.io disconnects the sockets and closes the HTTP server.
  void live.close().then(() => {
    db.$client.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(1), 5000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
