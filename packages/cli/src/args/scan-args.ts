import { z } from 'zod';
import {
  ACCESS_KEY_ID, allChecks, ROLE_ARN, ScanOptionsSchema, ScanSetupError, selectChecks, SEVERITIES,
  validateRegionNames, type Check, type ScanOptions, type Severity,
} from '@cloudsweep/engine';
import { oneLine, toCliError } from '../errors.js';
import { usageError } from '../io.js';
import { FORMATS, type Format } from '../format/sink.js';
import { parseFlags, type FlagOptions, type FlagValues } from './parse-flags.js';

export const SCAN_FLAGS = {
  regions: { type: 'string' },
  checks: { type: 'string' },
  profile: { type: 'string' },
  'role-arn': { type: 'string' },
  'external-id': { type: 'string' },
  'endpoint-url': { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  'fail-on': { type: 'string' },
  concurrency: { type: 'string' },
  'rate-share': { type: 'string' },
  timeout: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies FlagOptions;

/** The engine's own default, so help and messages never drift from it. */
export const DEFAULT_DEADLINE_MS: number = ScanOptionsSchema.shape.deadlineMs.parse(undefined);

type Env = Readonly<Record<string, string | undefined>>;

const FAIL_ON = [...SEVERITIES, 'none'] as const;

export interface ScanCommand {
  readonly options: ScanOptions;
  readonly format: Format;
  readonly output: string | undefined;
  readonly failOn: Severity | undefined;
  readonly quiet: boolean;
}

const list = (value: string): string[] => value.split(',').map((s) => s.trim()).filter(Boolean);
const shown = (input: unknown): string => JSON.stringify(String(input));

/** Plain decimal only: Number() would also take '', '0x10' and '1e3'. */
function numberFlag(flag: string, hint: string) {
  return z
    .string()
    .regex(/^\s*\d+(\.\d+)?\s*$/, { error: (i) => `${flag} ${shown(i.input)} is not a number. ${hint}` })
    .transform(Number);
}

const FlagsSchema = z.object({
  regions: z.string().optional(),
  checks: z.string().optional(),
  profile: z.string().min(1, '--profile needs a profile name from ~/.aws/config').optional(),
  'role-arn': z
    .string()
    .regex(ROLE_ARN, { error: (i) => `--role-arn ${shown(i.input)} is not a role ARN. A role ARN looks like arn:aws:iam::123456789012:role/name` })
    .optional(),
  'external-id': z.string().min(2).max(1224, '--external-id must be 2 to 1224 characters').optional(),
  'endpoint-url': z.url({ error: (i) => `--endpoint-url ${shown(i.input)} is not a URL. Use e.g. http://localhost:5000` }).optional(),
  format: z.enum(FORMATS, { error: (i) => `Unknown format ${shown(i.input)}. Valid formats: ${FORMATS.join(', ')}` }).default('table'),
  output: z.string().min(1, '--output needs a file path').optional(),
  'fail-on': z.enum(FAIL_ON, { error: (i) => `Unknown --fail-on ${shown(i.input)}. Valid values: ${FAIL_ON.join(', ')}` }).default('none'),
  concurrency: numberFlag('--concurrency', 'Use a whole number from 1 to 1024')
    .pipe(z.number().int('--concurrency must be a whole number from 1 to 1024').min(1, '--concurrency must be 1 to 1024').max(1024, '--concurrency must be 1 to 1024'))
    .optional(),
  'rate-share': numberFlag('--rate-share', 'Use a fraction above 0 and at most 1, e.g. 0.5')
    .pipe(z.number().gt(0, '--rate-share must be above 0 and at most 1, e.g. 0.5').max(1, '--rate-share must be above 0 and at most 1, e.g. 0.5'))
    .optional(),
  timeout: numberFlag('--timeout', 'Give the scan deadline in seconds, at least 1')
    .pipe(z.number().min(1, '--timeout is in seconds and must be at least 1'))
    .optional(),
  quiet: z.boolean().default(false),
});

type Flags = z.output<typeof FlagsSchema>;

function parseRegions(value: string | undefined): 'all' | string[] {
  if (value === undefined || value.trim() === 'all') return 'all';
  const regions = list(value);
  try {
    validateRegionNames(regions);
  } catch (error) {
    // toCliError holds the mapping: an unknown region is a usage error (exit 2).
    throw toCliError(error);
  }
  return regions;
}

/**
 * Checked here with the engine's own matching, so a typo fails before any credentials are used;
 * the services are named because they are the selectors people reach for first.
 */
export function parseCheckSelectors(value: string | undefined, catalogue: readonly Check[]): string[] | undefined {
  if (value === undefined) return undefined;
  const selectors = list(value);
  const services = [...new Set(catalogue.map((c) => c.id.split('.')[0] ?? c.id))].sort().join(', ');
  if (selectors.length === 0) throw usageError(`--checks is empty. Give check ids or service names (${services})`);
  try {
    selectChecks(catalogue, selectors);
  } catch (error) {
    if (!(error instanceof ScanSetupError)) throw error;
    throw usageError(`${oneLine(error.message).replace(/\.$/, '')}. Services: ${services}`);
  }
  return selectors;
}

type KeysSource = { kind: 'keys'; accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/**
 * Keys in `io.env` are passed explicitly, so `run` honours the environment it is given (the
 * SDK's chain would read process.env). Same precedence as the chain: env keys win unless a
 * profile is named. They are checked so a pasted typo fails here, not as an AWS error.
 */
function keysFromEnv(env: Env, profile: string | undefined): KeysSource | undefined {
  const accessKeyId = env['AWS_ACCESS_KEY_ID'];
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
  if (profile !== undefined || env['AWS_PROFILE'] || !accessKeyId || !secretAccessKey) return undefined;
  if (!ACCESS_KEY_ID.test(accessKeyId)) {
    throw usageError('AWS_ACCESS_KEY_ID is malformed. An access key id is 20 characters starting with AKIA or ASIA');
  }
  if (secretAccessKey.length !== 40) throw usageError('AWS_SECRET_ACCESS_KEY is malformed. A secret access key is exactly 40 characters');
  const sessionToken = env['AWS_SESSION_TOKEN'];
  if (accessKeyId.startsWith('ASIA') && !sessionToken) {
    throw usageError('AWS_SESSION_TOKEN is missing. Temporary keys (ASIA...) need their session token');
  }
  return { kind: 'keys', accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

function credentialsOf(flags: Flags, env: Env): ScanOptions['credentials'] {
  const source = keysFromEnv(env, flags.profile) ?? { kind: 'default' as const, ...(flags.profile ? { profile: flags.profile } : {}) };
  if (flags['external-id'] !== undefined && flags['role-arn'] === undefined) {
    throw usageError('--external-id needs --role-arn. Give the role to assume, e.g. --role-arn arn:aws:iam::123456789012:role/cloudsweep');
  }
  if (flags['role-arn'] === undefined) return source;
  return {
    kind: 'role',
    roleArn: flags['role-arn'],
    ...(flags['external-id'] ? { externalId: flags['external-id'] } : {}),
    source,
  };
}

function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? issue.message : 'Invalid arguments';
}

function scanOptionsOf(flags: Flags, env: Env, catalogue: readonly Check[]): ScanOptions {
  const endpoint = flags['endpoint-url'] ?? (env['AWS_ENDPOINT_URL'] || undefined);
  const checks = parseCheckSelectors(flags.checks, catalogue);
  return {
    credentials: credentialsOf(flags, env),
    regions: parseRegions(flags.regions),
    ...(checks ? { checks } : {}),
    ...(endpoint ? { endpoint } : {}),
    concurrency: {
      ...(flags.concurrency !== undefined ? { global: flags.concurrency } : {}),
      ...(flags['rate-share'] !== undefined ? { rateShare: flags['rate-share'] } : {}),
    },
    ...(flags.timeout !== undefined ? { deadlineMs: Math.round(flags.timeout * 1000) } : {}),
  };
}

/** Turns `scan` flags into engine options; every problem is a usage error (exit 2). */
export function parseScanCommand(
  values: FlagValues,
  env: Env,
  catalogue: readonly Check[] = allChecks,
): ScanCommand {
  const parsed = FlagsSchema.safeParse(values);
  if (!parsed.success) throw usageError(firstProblem(parsed.error));
  const flags = parsed.data;
  return {
    options: scanOptionsOf(flags, env, catalogue),
    format: flags.format,
    output: flags.output,
    failOn: flags['fail-on'] === 'none' ? undefined : flags['fail-on'],
    quiet: flags.quiet,
  };
}

export function readScanFlags(args: readonly string[]): FlagValues {
  return parseFlags('scan', args, SCAN_FLAGS);
}
