import type { EvaluationContext, Outcome } from '../core/check.js';
import type { CollectorContext } from '../core/collector.js';
import type { Resource } from '../core/resource.js';
import { GLOBAL_REGION } from '../core/resource.js';
import { Semaphore } from '../aws/semaphore.js';
import { toCollectionIssue } from './collection-issue.js';
import type { CollectionIssue, ScanEvent } from './events.js';
import type { CollectTask, EvaluationUnit, ExecutionPlan } from './plan.js';
import { serviceOf, toCheckResult } from './results.js';

type TaskOutcome =
  | { readonly ok: true; readonly resources: readonly Resource[] }
  | { readonly ok: false; readonly issue: CollectionIssue; readonly aborted: boolean };

export interface ExecutionContext {
  readonly collector: Omit<CollectorContext, 'region'>;
  readonly homeRegion: string;
  readonly now: Date;
  readonly signal: AbortSignal;
  emit(event: ScanEvent): void;
}

async function runTask(task: CollectTask, ctx: ExecutionContext): Promise<TaskOutcome> {
  const region = task.region === GLOBAL_REGION ? ctx.homeRegion : task.region;
  const resources: Resource[] = [];
  try {
    for await (const resource of task.collector.collect({ ...ctx.collector, region })) resources.push(resource);
    return { ok: true, resources };
  } catch (error) {
    return { ok: false, issue: toCollectionIssue(task.collector, task.region, error), aborted: ctx.signal.aborted };
  }
}

/** What a check says about a region it could not see: unknown, naming what was missing. */
function unknownOutcome(unit: EvaluationUnit, issues: readonly CollectionIssue[], ctx: ExecutionContext): Outcome {
  const { accountId, partition } = ctx.collector;
  const region = unit.region === GLOBAL_REGION ? '' : unit.region;
  const service = serviceOf(unit.check.id);
  return {
    status: 'unknown',
    resource: {
      arn: `arn:${partition}:${service}:${region}:${accountId}:*`,
      id: region || accountId,
      type: region ? 'AWS::Region' : 'AWS::Account',
      region: unit.region,
    },
    message: issues.map((issue) => issue.message).join(' '),
  };
}

function evaluateUnit(unit: EvaluationUnit, outcomes: ReadonlyMap<string, TaskOutcome>, ctx: ExecutionContext): Outcome[] {
  const inputs: Record<string, readonly Resource[]> = {};
  const issues: CollectionIssue[] = [];
  for (const [name, key] of unit.inputs) {
    const outcome = outcomes.get(key);
    if (!outcome) throw new Error(`internal: ${key} evaluated before it was collected`);
    if (!outcome.ok) {
      if (outcome.aborted) return [];
      issues.push(outcome.issue);
    } else inputs[name] = outcome.resources;
  }
  if (issues.length > 0) return [unknownOutcome(unit, issues, ctx)];
  const evaluation: EvaluationContext = {
    now: ctx.now,
    accountId: ctx.collector.accountId,
    partition: ctx.collector.partition,
    region: unit.region,
  };
  try {
    return unit.check.evaluate(inputs, unit.settings, evaluation);
  } catch (error) {
    // A check bug must not sink the scan, nor pass as "all clear".
    const message = `Check ${unit.check.id} failed to evaluate: ${error instanceof Error ? error.message : String(error)}`;
    return [{ ...unknownOutcome(unit, [], ctx), message }];
  }
}

interface UnitIndex {
  /** Task key -> units that read it. */
  readonly dependents: Map<string, EvaluationUnit[]>;
  /** Unit -> input tasks still running. */
  readonly pending: Map<EvaluationUnit, number>;
  /** Task key -> units that have not read it yet; at 0 its resources are dropped. */
  readonly readers: Map<string, number>;
}

function indexUnits(plan: ExecutionPlan): UnitIndex {
  const index: UnitIndex = { dependents: new Map(), pending: new Map(), readers: new Map() };
  for (const unit of plan.units) {
    const keys = new Set(unit.inputs.map(([, key]) => key));
    index.pending.set(unit, keys.size);
    for (const key of keys) {
      index.dependents.set(key, [...(index.dependents.get(key) ?? []), unit]);
      index.readers.set(key, (index.readers.get(key) ?? 0) + 1);
    }
  }
  return index;
}

function tasksByRegion(tasks: readonly CollectTask[]): Map<string, CollectTask[]> {
  const byRegion = new Map<string, CollectTask[]>();
  for (const task of tasks) byRegion.set(task.region, [...(byRegion.get(task.region) ?? []), task]);
  return byRegion;
}

/**
 * Runs the plan: global tasks at once, regions through a window of `regionWindow` at a time
 * (each region's tasks all at once; the CallGovernor paces the calls). A unit is evaluated as
 * soon as its last input arrives, and inputs nothing else needs are dropped, so memory follows
 * the regions in flight rather than the size of the whole account.
 */
export async function executePlan(plan: ExecutionPlan, ctx: ExecutionContext, regionWindow: number): Promise<void> {
  const runner = new PlanRunner(plan, ctx);
  const window = new Semaphore(regionWindow);
  const runRegion = async (region: string, tasks: readonly CollectTask[]): Promise<void> => {
    if (region === GLOBAL_REGION) return void (await Promise.all(tasks.map((t) => runner.run(t))));
    try {
      await window.acquire(ctx.signal);
    } catch {
      return; // cancelled before this region started: nothing to report for it
    }
    try {
      await Promise.all(tasks.map((t) => runner.run(t)));
    } finally {
      window.release();
    }
  };
  await Promise.all([...tasksByRegion(plan.tasks)].map(([region, tasks]) => runRegion(region, tasks)));
}

class PlanRunner {
  readonly #outcomes = new Map<string, TaskOutcome>();
  readonly #index: UnitIndex;
  readonly #seen = new Set<string>();
  #done = 0;

  constructor(
    private readonly plan: ExecutionPlan,
    private readonly ctx: ExecutionContext,
  ) {
    this.#index = indexUnits(plan);
  }

  async run(task: CollectTask): Promise<void> {
    const outcome = await runTask(task, this.ctx);
    this.#outcomes.set(task.key, outcome);
    if (!outcome.ok && !outcome.aborted) this.ctx.emit({ type: 'issue', issue: outcome.issue });
    this.#done += 1;
    const resources = outcome.ok ? outcome.resources.length : 0;
    const total = this.plan.tasks.length;
    this.ctx.emit({ type: 'progress', done: this.#done, total, phase: 'collecting', task: task.key, resources });
    for (const unit of this.#index.dependents.get(task.key) ?? []) {
      const left = (this.#index.pending.get(unit) ?? 1) - 1;
      this.#index.pending.set(unit, left);
      if (left === 0) this.#finish(unit);
    }
    if (!this.#index.readers.has(task.key)) this.#outcomes.delete(task.key);
  }

  #finish(unit: EvaluationUnit): void {
    for (const outcome of evaluateUnit(unit, this.#outcomes, this.ctx)) {
      const result = toCheckResult(unit.check, outcome, this.ctx.collector.accountId);
      // A check evaluated per region may see a global resource in each region: report it once.
      if (this.#seen.has(result.fingerprint)) continue;
      this.#seen.add(result.fingerprint);
      this.ctx.emit({ type: 'result', result });
    }
    for (const key of new Set(unit.inputs.map(([, k]) => k))) {
      const left = (this.#index.readers.get(key) ?? 1) - 1;
      this.#index.readers.set(key, left);
      if (left === 0) this.#outcomes.delete(key);
    }
  }
}
