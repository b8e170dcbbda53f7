import { z } from 'zod';
import { CredentialSourceSchema } from '../aws/credentials.js';
import { DEFAULT_CONCURRENCY } from '../aws/call-governor.js';
import { DEFAULT_RETRY_POLICY } from '../aws/retry-strategy.js';

/** Enough regions at once to keep the CPU busy parsing while others wait on the network. */
const DEFAULT_REGION_WINDOW = 8;

export const ScanOptionsSchema = z
  .object({
    credentials: CredentialSourceSchema.default({ kind: 'default' }),
    /** Region names, or `all` for every region enabled in the account. */
    regions: z.union([z.literal('all'), z.array(z.string()).min(1)]).default('all'),
    /** Check ids or service names (`s3` = every s3.* check); all checks when absent. */
    checks: z.array(z.string().min(1)).min(1).optional(),
    /** Per-check settings, parsed by each check's own schema. */
    checkSettings: z.record(z.string(), z.unknown()).default({}),
    /** One endpoint for every service (moto, the simulator, a proxy). */
    endpoint: z.url().optional(),
    concurrency: z
      .object({
        global: z.number().int().min(1).max(1024).default(DEFAULT_CONCURRENCY.global),
        perRegionService: z.number().int().min(1).max(256).default(DEFAULT_CONCURRENCY.perRegionService),
        rateShare: z.number().gt(0).max(1).default(DEFAULT_CONCURRENCY.rateShare),
        /** Regions collected at once; bounds memory to the regions in flight. */
        regions: z.number().int().min(1).max(64).default(DEFAULT_REGION_WINDOW),
      })
      .strict()
      .prefault({}),
    callTimeoutMs: z.number().int().min(100).max(300_000).default(20_000),
    maxAttempts: z.number().int().min(1).max(20).default(DEFAULT_RETRY_POLICY.maxAttempts),
    /** The whole scan stops (incomplete) after this long. */
    deadlineMs: z.number().int().min(1_000).default(2 * 60 * 60 * 1000),
    /** Evaluation time; checks never read the clock. */
    now: z.date().optional(),
  })
  .strict();

export type ScanOptions = z.input<typeof ScanOptionsSchema>;
export type ParsedScanOptions = z.output<typeof ScanOptionsSchema>;

/**
 * `unavailable`: AWS answered with a server error or kept throttling; worth trying again later,
 * unlike `credentials` and `access-denied`, which need a person to act.
 */
export type ScanSetupErrorCode = 'invalid-options' | 'credentials' | 'access-denied' | 'network' | 'unavailable' | 'aborted';

/** Technical facts for support: which step, which service, what AWS said. */
export interface ScanSetupDetails {
  readonly step?: string;
  readonly service?: string;
  readonly awsErrorCode?: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
}

/** The scan could not start: bad options, or the account could not be reached at all. */
export class ScanSetupError extends Error {
  constructor(
    readonly code: ScanSetupErrorCode,
    message: string,
    options?: { cause?: unknown; details?: ScanSetupDetails },
  ) {
    super(message, options);
    this.name = 'ScanSetupError';
    this.details = options?.details ?? {};
  }

  readonly details: ScanSetupDetails;
}

export function parseScanOptions(input: ScanOptions): ParsedScanOptions {
  const parsed = ScanOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`);
  throw new ScanSetupError('invalid-options', `Invalid scan options: ${problems.join('; ')}`, { cause: parsed.error });
}
