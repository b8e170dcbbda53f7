// Starts Cloudsweep's server: config from the environment, the database (migrated), the key
// ring, then the API. Embedded SQLite under ./data by default; DATABASE_URL for PostgreSQL.
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { migrateToLatest, openDatabase } from './db/database.js';
import { loggerOptions } from './logger.js';
import { describeKeyring, loadKeyring } from './secrets/keyring.js';
import { MasterKeyError } from './secrets/master-key-file.js';
import { rewrapAll } from './secrets/rewrap.js';

async function start(): Promise<void> {
  const config = loadConfig(process.env);
  const db = openDatabase(config.database);
  await migrateToLatest(db);
  const keyring = loadKeyring(config);
  const app = await buildApp({ config, db, logger: loggerOptions(config.logLevel) });
  app.log.info({ database: db.kind, keys: describeKeyring(keyring) }, 'database migrated, keys loaded');
  // Rows still under a previous master key move to the current one while we serve.
  void rewrapAll(db, keyring).then(
    (result) => app.log.info({ rewrap: result }, 'secrets re-wrapped'),
    (error: unknown) => app.log.error({ err: error }, 'secret re-wrap failed'),
  );
  const stop = async (signal: string): Promise<void> => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', (s) => void stop(s));
  process.once('SIGINT', (s) => void stop(s));
  await app.listen({ host: config.http.host, port: config.http.port });
}

start().catch((error: unknown) => {
  // Configuration and key problems are the operator's to fix: say what, not where in our code.
  if (error instanceof ConfigError || error instanceof MasterKeyError) {
    process.stderr.write(`cloudsweep: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`cloudsweep: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
