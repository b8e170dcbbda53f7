import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const MASTER_KEY = /^[A-Za-z0-9+/]{43}=$/;

/** The dashboard's build (packages/web/dist), found from this file so any working directory works. */
const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The only reader of process.env: one schema, every bad variable reported at once. */
const EnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite)')
    .optional(),
  CLOUDSWEEP_MASTER_KEY: z
    .string()
    .regex(MASTER_KEY, 'CLOUDSWEEP_MASTER_KEY must be 32 random bytes, base64 encoded')
    .optional(),
  // Keys retired by a rotation: still decrypt until the online re-wrap has moved every secret.
  CLOUDSWEEP_PREVIOUS_MASTER_KEYS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((k) => k.trim()).filter((k) => k !== ''))
    .pipe(z.array(z.string().regex(MASTER_KEY, 'CLOUDSWEEP_PREVIOUS_MASTER_KEYS must be comma-separated base64 32-byte keys'))),
  TRUST_PROXY: booleanFlag.default(false),
  SAMPLE_ACCOUNT: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  SCAN_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(60),
  SCAN_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).default(900),
  // Attempts per scan: transient AWS failures (throttling, network, 5xx) retry with backoff.
  SCAN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  // How long a killed worker's scan waits before another worker takes it over.
  JOB_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  // For tests (moto, the simulator) and private endpoints: every AWS call goes to this URL.
  AWS_ENDPOINT_URL: z.url({ protocol: /^https?$/, error: 'AWS_ENDPOINT_URL must be an http(s) URL' }).optional(),
  // The IAM principal Cloudsweep's server runs as, which customers' roles trust, e.g.
  // arn:aws:iam::123456789012:role/cloudsweep-server. Unset: the role template asks for it.
  CLOUDSWEEP_AWS_PRINCIPAL_ARN: z
    .string()
    .regex(/^arn:aws(-cn|-us-gov)?:(iam|sts)::\d{12}:(root|role\/.+|user\/.+)$/, 'CLOUDSWEEP_AWS_PRINCIPAL_ARN must be an IAM ARN like arn:aws:iam::123456789012:role/cloudsweep-server')
    .optional(),
  // The built dashboard the server serves at /; nothing is served when the folder has no index.html.
  WEB_DIST_DIR: z.string().min(1).optional(),
});

export type Config = Readonly<{
  http: Readonly<{ host: string; port: number; trustProxy: boolean; bodyLimitBytes: number }>;
  database: Readonly<{ kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }>;
  dataDir: string;
  masterKey: string | undefined;
  previousMasterKeys: readonly string[];
  sampleAccount: boolean;
  logLevel: string;
  rateLimits: Readonly<{ perMinute: number; authPerMinute: number; scanStartsPerHour: number }>;
  scanCacheTtlSeconds: number;
  scanMaxAttempts: number;
  /** The embedded job queue's lease; heartbeats renew it three times per lease. */
  jobs: Readonly<{ leaseMs: number; heartbeatMs: number }>;
  aws: Readonly<{ endpoint: string | undefined; principalArn: string | undefined }>;
  /** The built web app (an absolute path); served only when it exists. */
  web: Readonly<{ distDir: string }>;
}>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return Object.freeze({
    http: Object.freeze({ host: e.HOST, port: e.PORT, trustProxy: e.TRUST_PROXY, bodyLimitBytes: 64 * 1024 }),
    database: Object.freeze(
      e.DATABASE_URL ? { kind: 'postgres' as const, url: e.DATABASE_URL } : { kind: 'sqlite' as const, file: resolve(dataDir, 'cloudsweep.db') },
    ),
    dataDir,
    masterKey: e.CLOUDSWEEP_MASTER_KEY,
    previousMasterKeys: Object.freeze(e.CLOUDSWEEP_PREVIOUS_MASTER_KEYS),
    // The sample account is on by default only in the embedded, single-machine mode.
    sampleAccount: e.SAMPLE_ACCOUNT ?? !e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    rateLimits: Object.freeze({
      perMinute: e.RATE_LIMIT_PER_MINUTE,
      authPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
      scanStartsPerHour: e.SCAN_RATE_LIMIT_PER_HOUR,
    }),
    scanCacheTtlSeconds: e.SCAN_CACHE_TTL_SECONDS,
    scanMaxAttempts: e.SCAN_MAX_ATTEMPTS,
    jobs: Object.freeze({ leaseMs: e.JOB_LEASE_SECONDS * 1000, heartbeatMs: Math.floor((e.JOB_LEASE_SECONDS * 1000) / 3) }),
    aws: Object.freeze({ endpoint: e.AWS_ENDPOINT_URL, principalArn: e.CLOUDSWEEP_AWS_PRINCIPAL_ARN }),
    web: Object.freeze({ distDir: e.WEB_DIST_DIR ? resolve(e.WEB_DIST_DIR) : DEFAULT_WEB_DIST_DIR }),
  });
}
