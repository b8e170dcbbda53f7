// A worker process for the crash test: it takes one job, says so on stdout, and hangs until the
// test kills it with SIGKILL — no close(), no release, its lease left to expire.
import { openDatabase } from '../src/db/database.js';
import { DatabaseJobQueue } from '../src/jobs/database-job-queue.js';
import { defineJob } from '../src/jobs/job-queue.js';
import { z } from 'zod';

const [configJson = '', kind = ''] = process.argv.slice(2);
const db = openDatabase(JSON.parse(configJson));
const queue = new DatabaseJobQueue(db, { ownerId: 'doomed-worker', pollIntervalMs: 20, leaseMs: 600, heartbeatMs: 100 });
queue.work(defineJob({ kind, payload: z.object({ scanId: z.string() }) }), async ({ id }) => {
  process.stdout.write(`running ${id}\n`);
  await new Promise(() => {});
});
// The queue's timers do not hold the process open; a real server's HTTP listener does.
setInterval(() => {}, 60_000);
