// Test-only helpers for check unit tests: build resources and run a check as the scanner does.
import type { Check, EvaluationContext, Outcome, Savings } from '../core/check.js';
import type { Resource } from '../core/resource.js';

export const TEST_ACCOUNT = '123456789012';
export const TEST_NOW = new Date('2026-12-01T00:00:00Z');

export function aResource<T>(data: T, overrides: Partial<Omit<Resource<T>, 'data'>> = {}): Resource<T> {
  const id = overrides.id ?? 'res-1';
  const region = overrides.region ?? 'us-east-1';
  return {
    arn: overrides.arn ?? `arn:aws:test:${region}:${TEST_ACCOUNT}:thing/${id}`,
    id,
    type: overrides.type ?? 'AWS::Test::Thing',
    region,
    accountId: TEST_ACCOUNT,
    tags: overrides.tags ?? {},
    data,
  };
}

/** Runs `evaluate` with settings parsed (defaults applied) exactly as the scanner does. */
export function runCheck(
  check: Check,
  inputs: Readonly<Record<string, readonly Resource[]>>,
  settings: object = {},
  context: Partial<EvaluationContext> = {},
): Outcome[] {
  const ctx: EvaluationContext = {
    now: TEST_NOW,
    accountId: TEST_ACCOUNT,
    partition: 'aws',
    region: 'us-east-1',
    ...context,
  };
  return check.evaluate(inputs, check.settings.parse(settings), ctx);
}

export function statuses(outcomes: readonly Outcome[]): string[] {
  return outcomes.map((o) => `${o.resource.id}:${o.status}`);
}

/** The estimated saving of a failed outcome; undefined for any other outcome. */
export function savingsOf(outcome: Outcome | undefined): Savings | undefined {
  return outcome?.status === 'fail' ? outcome.savings : undefined;
}
