import { z } from 'zod';
import type { AnyCollector, Collector } from './collector.js';
import type { Resource, ResourceRef } from './resource.js';
import type { Severity } from './severity.js';

export type CheckKind = 'security' | 'cost';

export interface Savings {
  readonly monthlyUsd: number;
  /** The price and quantity the estimate used, e.g. "100 GiB x $0.08/GB-month gp3 (us-east-1)". */
  readonly basis: string;
}

/** What `evaluate` returns for one resource. */
export type Outcome =
  | { readonly status: 'pass'; readonly resource: ResourceRef; readonly message: string }
  | {
      readonly status: 'fail';
      readonly resource: ResourceRef;
      readonly message: string;
      readonly savings?: Savings;
    }
  | { readonly status: 'unknown'; readonly resource: ResourceRef; readonly message: string };

export interface EvaluationContext {
  readonly now: Date;
  readonly accountId: string;
  readonly partition: string;
  /** Region being evaluated, or `global` for checks that use only global collectors. */
  readonly region: string;
}

type Uses = Record<string, AnyCollector>;
type ResourceOf<C> = C extends Collector<infer T> ? Resource<T> : never;
export type Inputs<U extends Uses> = { readonly [K in keyof U]: ReadonlyArray<ResourceOf<U[K]>> };

export interface CheckDefinition<U extends Uses, S extends z.ZodType<object>> {
  /** `<service>.<desired-state>`; equals the file path under `checks/`. */
  readonly id: string;
  readonly title: string;
  readonly kind: CheckKind;
  readonly severity: Severity;
  /** Why it matters, for a person reading a finding. */
  readonly description: string;
  readonly remediation: { readonly text: string; readonly url: string };
  /** e.g. `CIS-5.0:1.4`; empty when no benchmark covers it. */
  readonly compliance: readonly string[];
  readonly uses: U;
  readonly settings: S;
  /** Pure, synchronous, deterministic: no I/O, no clock (use `ctx.now`). */
  evaluate(inputs: Inputs<U>, settings: z.infer<S>, ctx: EvaluationContext): Outcome[];
}

/** A check with its types erased, as registries and the scanner hold it. */
export interface Check {
  readonly id: string;
  readonly title: string;
  readonly kind: CheckKind;
  readonly severity: Severity;
  readonly description: string;
  readonly remediation: { readonly text: string; readonly url: string };
  readonly compliance: readonly string[];
  readonly uses: Readonly<Record<string, AnyCollector>>;
  readonly settings: z.ZodType<object>;
  evaluate(inputs: Readonly<Record<string, readonly Resource[]>>, settings: object, ctx: EvaluationContext): Outcome[];
}

export const noSettings = z.object({});

export function defineCheck<U extends Uses, S extends z.ZodType<object>>(
  definition: CheckDefinition<U, S>,
): Check & CheckDefinition<U, S> {
  return Object.freeze(definition) as Check & CheckDefinition<U, S>;
}

function refOf(resource: ResourceRef): ResourceRef {
  return { arn: resource.arn, id: resource.id, type: resource.type, region: resource.region };
}

export function pass(resource: ResourceRef, message: string): Outcome {
  return { status: 'pass', resource: refOf(resource), message };
}

export function fail(resource: ResourceRef, message: string, savings?: Savings): Outcome {
  return savings
    ? { status: 'fail', resource: refOf(resource), message, savings }
    : { status: 'fail', resource: refOf(resource), message };
}

/** The data a check needs was not readable for this resource (e.g. one bucket denied us). */
export function unknown(resource: ResourceRef, message: string): Outcome {
  return { status: 'unknown', resource: refOf(resource), message };
}
