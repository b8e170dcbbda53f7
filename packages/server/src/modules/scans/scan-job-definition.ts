import { z } from 'zod';
import { defineJob } from '../../jobs/job-queue.js';

/** The one kind of scan job; its payload is the scan's id, never a credential. */
export const scanJob = defineJob({
  kind: 'scan',
  payload: z.strictObject({ scanId: z.string().min(1).max(64) }),
});
