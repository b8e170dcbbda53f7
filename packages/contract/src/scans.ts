import { z } from 'zod';
import { STRICT_BODY } from './auth.js';
import { BAD_CURSOR, pageLimit } from './query.js';

export const SCAN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export const ScanStatusSchema = z.enum(SCAN_STATUSES);
export type ScanStatus = z.infer<typeof ScanStatusSchema>;

const RegionNameSchema = z.string({ error: 'A region is a name like eu-west-1' }).min(1, 'A region name cannot be empty').max(32, 'A region name is at most 32 characters');
const CheckSelectorSchema = z.string({ error: 'A check is an id like s3.bucket-encryption or a service like s3' }).min(1, 'A check id cannot be empty').max(128, 'A check id is at most 128 characters');

/** `POST /api/accounts/:id/scans`: regions and checks are validated against the engine's catalogue. */
export const StartScanBodySchema = z.strictObject({
  regions: z.union([
    z.literal('all'),
    z.array(RegionNameSchema).min(1, 'Name at least one region, or "all"').max(64, 'Name at most 64 regions, or "all"'),
  ], { error: 'regions must be "all" or a list of region names' }),
  /** Check ids or service names (`s3` = every s3 check); every check when absent. */
  checks: z.array(CheckSelectorSchema).min(1, 'Name at least one check, or leave checks out for all').max(500, 'Name at most 500 checks').optional(),
  /** Start a new scan even when a recent one of the same scope could be reused. */
  force: z.boolean({ error: 'force must be true or false' }).optional(),
}, STRICT_BODY);
export type StartScanBody = z.infer<typeof StartScanBodySchema>;

const IdSchema = z.string().min(1, 'The id is missing').max(64, 'The id is not valid');
export const AccountScansParamsSchema = z.strictObject({ id: IdSchema });
export const ScanParamsSchema = z.strictObject({ id: IdSchema });

/** A partial failure: something one collector could not see; the scan still completed. */
export const ScanWarningSchema = z.object({
  message: z.string(),
  service: z.string().optional(),
  region: z.string().optional(),
  kind: z.string().optional(),
  permissions: z.array(z.string()).optional(),
  awsErrorCode: z.string().optional(),
  requestId: z.string().optional(),
  httpStatus: z.number().optional(),
});
export type ScanWarning = z.infer<typeof ScanWarningSchema>;

/** Technical facts of a failure, for support; the message next to it is for people. */
export const ScanErrorDetailsSchema = z.object({
  awsErrorCode: z.string().optional(),
  requestId: z.string().optional(),
  service: z.string().optional(),
  region: z.string().optional(),
  httpStatus: z.number().optional(),
  attempt: z.number().optional(),
  step: z.string().optional(),
});
export type ScanErrorDetails = z.infer<typeof ScanErrorDetailsSchema>;

const CountsSchema = z.object({ pass: z.number(), fail: z.number(), unknown: z.number() });

export const ScanSummarySchema = z.object({
  awsAccountId: z.string(),
  regions: z.array(z.string()),
  resources: z.number(),
  durationMs: z.number(),
  byStatus: CountsSchema,
  /** Failed results per severity. */
  bySeverity: z.record(z.string(), z.number()),
  byService: z.record(z.string(), CountsSchema),
  byRegion: z.record(z.string(), CountsSchema),
  monthlySavingsUsd: z.number(),
  /** The scan stopped early (its deadline); the results so far are valid. */
  incomplete: z.boolean(),
});
export type ScanSummary = z.infer<typeof ScanSummarySchema>;

export const ScanSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  status: ScanStatusSchema,
  regions: z.union([z.literal('all'), z.array(z.string())]),
  checks: z.array(z.string()).nullable(),
  attempt: z.number().int(),
  retryOf: z.string().nullable(),
  /** True when this answer reused a recent completed scan instead of starting one. */
  cached: z.boolean(),
  progress: z.object({ done: z.number(), total: z.number(), phase: z.string() }),
  warnings: z.array(ScanWarningSchema),
  error: z.object({ message: z.string(), details: ScanErrorDetailsSchema.nullable() }).nullable(),
  summary: ScanSummarySchema.nullable(),
  startedBy: z.object({ id: z.string(), email: z.string() }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Scan = z.infer<typeof ScanSchema>;

export const ScanResponseSchema = z.object({ scan: ScanSchema });
export type ScanResponse = z.infer<typeof ScanResponseSchema>;

export const ScanListQuerySchema = z.strictObject({
  limit: pageLimit(100, 20),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(200, BAD_CURSOR).optional(),
}, STRICT_BODY);
export type ScanListQuery = z.infer<typeof ScanListQuerySchema>;

export const ScanPageSchema = z.object({ scans: z.array(ScanSchema), nextCursor: z.string().nullable() });
export type ScanPage = z.infer<typeof ScanPageSchema>;
