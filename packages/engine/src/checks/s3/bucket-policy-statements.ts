import { z } from 'zod';

/** One condition test, e.g. `StringEquals` / `aws:sourcevpce` / [`vpce-1`]. Keys are lower-cased. */
export interface ConditionEntry {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

/** A policy statement with every IAM shorthand (string or list, object or array) normalised. */
export interface PolicyStatement {
  readonly sid: string | undefined;
  readonly effect: string;
  /** Principal is `*` or `{ AWS: '*' }` (alone or in a list). */
  readonly everyone: boolean;
  /** Uses NotPrincipal: with Allow it grants everyone not listed. */
  readonly notPrincipal: boolean;
  readonly actions: readonly string[];
  readonly notAction: boolean;
  readonly resources: readonly string[];
  readonly notResource: boolean;
  readonly conditions: readonly ConditionEntry[];
}

const StringList = z.union([z.string(), z.array(z.string())]).transform((v) => (typeof v === 'string' ? [v] : v));
// Condition values may be written as JSON booleans or numbers; IAM compares them as strings.
const Scalar = z.union([z.string(), z.boolean(), z.number()]).transform(String);
const ConditionValues = z.union([Scalar, z.array(Scalar)]).transform((v) => (Array.isArray(v) ? v : [v]));
const Principal = z.union([z.string(), z.record(z.string(), StringList)]);

const StatementSchema = z.object({
  Sid: z.string().optional(),
  Effect: z.string(),
  Principal: Principal.optional(),
  NotPrincipal: Principal.optional(),
  Action: StringList.optional(),
  NotAction: StringList.optional(),
  Resource: StringList.optional(),
  NotResource: StringList.optional(),
  Condition: z.record(z.string(), z.record(z.string(), ConditionValues)).optional(),
});
type RawStatement = z.infer<typeof StatementSchema>;

const PolicySchema = z.object({
  Statement: z.union([StatementSchema, z.array(StatementSchema)]),
});

/** The statements of a policy document, or null when the text is not a readable policy. */
export function readPolicyStatements(policy: string): PolicyStatement[] | null {
  let json: unknown;
  try {
    json = JSON.parse(policy);
  } catch {
    return null;
  }
  const parsed = PolicySchema.safeParse(json);
  if (!parsed.success) return null;
  const { Statement } = parsed.data;
  return (Array.isArray(Statement) ? Statement : [Statement]).map(normalise);
}

function normalise(raw: RawStatement): PolicyStatement {
  return {
    sid: raw.Sid,
    effect: raw.Effect,
    everyone: isEveryone(raw.Principal),
    notPrincipal: raw.NotPrincipal !== undefined,
    actions: raw.Action ?? raw.NotAction ?? [],
    notAction: raw.NotAction !== undefined,
    resources: raw.Resource ?? raw.NotResource ?? [],
    notResource: raw.NotResource !== undefined,
    conditions: Object.entries(raw.Condition ?? {}).flatMap(([operator, tests]) =>
      Object.entries(tests).map(([key, values]) => ({ operator, key: key.toLowerCase(), values })),
    ),
  };
}

function isEveryone(principal: z.infer<typeof Principal> | undefined): boolean {
  if (principal === undefined) return false;
  if (typeof principal === 'string') return principal === '*';
  return (principal['AWS'] ?? []).includes('*');
}

/** IAM wildcard match (`*` any run, `?` one character), case-sensitive like ARNs. */
export function matchesWildcard(pattern: string, value: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(value);
}

// Keys that limit who (or which network or source) a public-principal Allow applies to.
const RESTRICTING_KEYS = new Set([
  'aws:sourcevpce', 'aws:sourcevpc', 'aws:sourceip', 'aws:principalorgid', 'aws:principalorgpaths',
  'aws:principalaccount', 'aws:principalarn', 'aws:sourcearn', 'aws:sourceaccount', 'aws:sourceowner',
  'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:userid', 'aws:username', 's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
]);
const OPEN_VALUES = new Set(['*', '0.0.0.0/0', '::/0']);

/**
 * A condition restricts only when it must match (no `IfExists`, which passes requests that lack
 * the key, and no negated operator, which admits everything else) and its values are not
 * wildcards such as `*` or `0.0.0.0/0`.
 */
export function isRestricting(condition: ConditionEntry): boolean {
  const operator = condition.operator.toLowerCase();
  if (operator.endsWith('ifexists') || operator.includes('not') || operator === 'null') return false;
  if (!RESTRICTING_KEYS.has(condition.key)) return false;
  return condition.values.length > 0 && !condition.values.some((v) => OPEN_VALUES.has(v));
}

/** An Allow that grants anyone on the internet (or everyone not listed) access. */
export function isPublicAllow(statement: PolicyStatement): boolean {
  if (statement.effect !== 'Allow') return false;
  if (!statement.everyone && !statement.notPrincipal) return false;
  return !statement.conditions.some(isRestricting);
}
