// Starts Cloudsweep's server: config from the environment, the database (migrated), the key
// ring, then the API. Embedded SQLite under ./data by default; DATABASE_URL for PostgreSQL.
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { migrateToLatest, openDatabase } from './db/database.js';
import { InProcessScanEventBus } from './events/scan-events.js';
import { DatabaseJobQueue } from './jobs/database-job-queue.js';
import { loggerOptions } from './logger.js';
import { TextIndexer } from './modules/findings/findings-text-index.js';
import { jobQueueOptions, logJobEvent, startScanProcessing } from './modules/scans/scan-worker.js';
import { SampleAws } from './sample/sample-aws.js';
import { describeKeyring, loadKeyring } from './secrets/keyring.js';
import { MasterKeyError } from './secrets/master-key-file.js';
import { rewrapAll } from './secrets/rewrap.js';

async function start(): Promise<void> {
  const config = loadConfig(process.env);
  const db = openDatabase(config.database, {
    onIdleError: (error) => process.stderr.write(`cloudsweep: database connection dropped (${error.message}); reconnecting on next use\n`),
  });
  await migrateToLatest(db);
  const keyring = loadKeyring(config);
  // The sample account's simulator starts on the first sample scan; app.close() stops it.
  const sample = config.sampleAccount ? new SampleAws() : undefined;
  // One queue and one event bus shared by the API (enqueue, SSE) and this process's scan worker.
  const jobs = new DatabaseJobQueue(db, { ...jobQueueOptions(config), onEvent: (event) => logJobEvent(app.log, event) });
  const events = new InProcessScanEventBus();
  const app = await buildApp({ config, db, keyring, jobs, events, ...(sample ? { sample } : {}), logger: loggerOptions(config.logLevel) });
  app.log.info({ database: db.kind, keys: describeKeyring(keyring) }, 'database migrated, keys loaded');
  // Rows still under a previous master key move to the current one while we serve.
  void rewrapAll(db, keyring).then(
    (result) => app.log.info({ rewrap: result }, 'secrets re-wrapped'),
    (error: unknown) => app.log.error({ err: error }, 'secret re-wrap failed'),
  );
  const sampleEndpoint = sample ? () => sample.sampleEndpoint() : undefined;
  // SQLite's text search index is built in the background once a scan completes (and, at start,
  // for completed scans that have none); PostgreSQL keeps its own trigram index.
  const textIndexer = db.kind === 'sqlite' ? new TextIndexer(db.kysely, { onError: (err, scanId) => app.log.error({ err, scanId }, 'text index build failed') }) : undefined;
  void textIndexer?.resume();
  const processing = { config, db, events, keyring, endpoint: config.aws.endpoint, ...(sampleEndpoint ? { sampleEndpoint } : {}), ...(textIndexer ? { textIndexer } : {}) };
  await startScanProcessing(jobs, processing, app.log);
  const stop = async (signal: string): Promise<void> => {
    app.log.info({ signal }, 'shutting down');
    // Running scans finish or go back to the queue first; they need the sample simulator and the database.
    await jobs.close();
    await textIndexer?.close();
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
