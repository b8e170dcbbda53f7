import { z } from 'zod';
import { STRICT_BODY } from './auth.js';
import { BAD_CURSOR, pageLimit } from './query.js';

export const FINDING_SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const FINDING_STATUSES = ['pass', 'fail', 'unknown'] as const;
export const FINDING_KINDS = ['security', 'cost'] as const;
export const FINDING_SORTS = ['severity', 'check', 'region', 'resource'] as const;
export const DIFF_KINDS = ['new', 'resolved', 'unchanged'] as const;
export const EXPORT_FORMATS = ['csv', 'json', 'sarif'] as const;

/** `?severity=high,critical` or `?severity=high&severity=critical`: a list either way. */
function listOf<T extends z.ZodType<string>>(item: T, name: string) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',') : value),
    z.array(item, { error: `${name} must be a value or a comma-separated list` }).min(1).max(50, `${name} lists at most 50 values`),
  ).optional();
}

function enumOf<const T extends readonly [string, ...string[]]>(values: T, name: string) {
  return z.enum(values, { error: `${name} must be one of ${values.join(', ')}` });
}

const FreeText = z.string().trim().min(1, 'must not be empty').max(256, 'must be at most 256 characters');

const PageFields = {
  limit: pageLimit(200, 50),
  /** Opaque: the `nextCursor` of the previous page, valid only for the same scan and sort. */
  cursor: z.string().min(1, BAD_CURSOR).max(4096, BAD_CURSOR).optional(),
};

export const FindingsQuerySchema = z.strictObject({
  status: listOf(enumOf(FINDING_STATUSES, 'status'), 'status'),
  severity: listOf(enumOf(FINDING_SEVERITIES, 'severity'), 'severity'),
  kind: listOf(enumOf(FINDING_KINDS, 'kind'), 'kind'),
  service: listOf(FreeText, 'service'),
  region: listOf(FreeText, 'region'),
  check: listOf(FreeText, 'check'),
  /** Case-insensitive substring of the resource ARN or id. */
  q: FreeText.optional(),
  sort: enumOf(FINDING_SORTS, 'sort').default('severity'),
  /** Default: desc for severity (worst first), asc for the others. */
  order: enumOf(['asc', 'desc'] as const, 'order').optional(),
  ...PageFields,
}, STRICT_BODY);
export type FindingsQuery = z.infer<typeof FindingsQuerySchema>;

export const FindingSchema = z.object({
  id: z.number().int(),
  scanId: z.string(),
  fingerprint: z.string(),
  checkId: z.string(),
  title: z.string(),
  kind: z.string(),
  severity: z.string(),
  status: z.string(),
  service: z.string(),
  region: z.string(),
  resourceArn: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  message: z.string(),
  savings: z.object({ monthlyUsd: z.number(), basis: z.string() }).nullable(),
  /** Why it matters (from the check catalogue). */
  description: z.string(),
  /** How to fix it. */
  remediation: z.object({ text: z.string(), url: z.string() }),
  compliance: z.array(z.string()),
});
export type Finding = z.infer<typeof FindingSchema>;

export const FindingsPageSchema = z.object({ items: z.array(FindingSchema), nextCursor: z.string().nullable() });
export type FindingsPage = z.infer<typeof FindingsPageSchema>;

/** The latest completed scan's findings; `scanId` is null when the account was never scanned. */
export const LatestFindingsPageSchema = FindingsPageSchema.extend({ scanId: z.string().nullable() });
export type LatestFindingsPage = z.infer<typeof LatestFindingsPageSchema>;

const Counts = z.record(z.string(), z.object({ total: z.number().int(), fail: z.number().int() }));

export const ScanFindingsSummarySchema = z.object({
  scanId: z.string(),
  total: z.number().int(),
  byStatus: z.object({ pass: z.number().int(), fail: z.number().int(), unknown: z.number().int() }),
  /** Failed findings per severity. */
  failBySeverity: z.object({ critical: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int(), info: z.number().int() }),
  byService: Counts,
  byRegion: Counts,
  monthlySavingsUsd: z.number(),
});
export type ScanFindingsSummary = z.infer<typeof ScanFindingsSummarySchema>;

export const DiffQuerySchema = z.strictObject({ kind: enumOf(DIFF_KINDS, 'kind').default('new'), ...PageFields }, STRICT_BODY);
export type DiffQuery = z.infer<typeof DiffQuerySchema>;

export const ScanDiffSchema = z.object({
  scanId: z.string(),
  /** The account's completed scan before this one; null when there is none (everything is new). */
  previousScanId: z.string().nullable(),
  /** Failed findings compared by fingerprint (check + resource). */
  counts: z.object({ new: z.number().int(), resolved: z.number().int(), unchanged: z.number().int() }),
  kind: enumOf(DIFF_KINDS, 'kind'),
  items: z.array(FindingSchema),
  nextCursor: z.string().nullable(),
});
export type ScanDiff = z.infer<typeof ScanDiffSchema>;

export const ExportQuerySchema = z.strictObject({ format: enumOf(EXPORT_FORMATS, 'format').default('csv') }, STRICT_BODY);
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
