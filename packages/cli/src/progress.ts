import type { ScanEvent } from '@cloudsweep/engine';
import { plural } from './format/summary-text.js';

export interface ProgressReporter {
  observe(event: ScanEvent): void;
  /** Clears a redrawn bar so what follows starts on a clean line. */
  stop(): void;
}

export interface ProgressOptions {
  readonly write: (text: string) => void;
  readonly isTTY: boolean;
  readonly columns?: number | undefined;
  readonly now?: () => number;
}

/** A terminal redraw costs little, but more than ~10 a second only flickers. */
const TTY_INTERVAL_MS = 100;
/** Plain lines go to CI logs: a line per 10% at most this often keeps logs short. */
const PLAIN_INTERVAL_MS = 3_000;
const BAR_WIDTH = 20;

interface State {
  done: number;
  total: number;
  task: string;
  resources: number;
  /** HTTP attempts so far, retries included. */
  calls: number;
}

export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total === 0 ? width : Math.min(width, Math.floor((done / total) * width));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** `ec2.volumes@eu-west-1` reads better as `eu-west-1 ec2.volumes`. */
function describeTask(task: string): string {
  const at = task.lastIndexOf('@');
  return at < 0 ? task : `${task.slice(at + 1)} ${task.slice(0, at)}`;
}

export function progressLine(state: State, columns: number): string {
  const line = `${progressBar(state.done, state.total)} ${state.done}/${state.total} tasks  ${state.task}  resources ${state.resources}  calls ${state.calls}`;
  return line.length >= columns ? line.slice(0, Math.max(0, columns - 1)) : line;
}

function update(state: State, event: ScanEvent): void {
  if (event.type === 'planned') state.total = event.plan.totalTasks;
  if (event.type !== 'progress') return;
  state.done = event.done;
  state.total = event.total;
  state.resources += event.resources ?? 0;
  if (event.apiCalls !== undefined) state.calls = event.apiCalls;
  if (event.task) state.task = describeTask(event.task);
}

function ttyReporter(options: ProgressOptions, now: () => number): ProgressReporter {
  const state: State = { done: 0, total: 0, task: '', resources: 0, calls: 0 };
  let drawnAt = -Infinity;
  let drawn = false;
  const draw = (): void => {
    options.write(`\r${progressLine(state, options.columns ?? 80)}\x1b[K`);
    drawn = true;
    drawnAt = now();
  };
  return {
    observe: (event) => {
      update(state, event);
      const final = event.type === 'progress' && event.phase === 'done';
      if (final || now() - drawnAt >= TTY_INTERVAL_MS) draw();
    },
    stop: () => {
      if (drawn) options.write('\r\x1b[K');
      drawn = false;
    },
  };
}

function plainReporter(options: ProgressOptions, now: () => number): ProgressReporter {
  const state: State = { done: 0, total: 0, task: '', resources: 0, calls: 0 };
  let decile = 0;
  let writtenAt = -Infinity;
  return {
    observe: (event) => {
      update(state, event);
      if (event.type === 'planned') {
        const { plan } = event;
        const scope = [plural(plan.regions.length, 'region'), plural(plan.checkIds.length, 'check'), plural(plan.totalTasks, 'task')];
        options.write(`Scanning account ${plan.accountId}: ${scope.join(', ')}\n`);
        writtenAt = now();
        return;
      }
      if (event.type !== 'progress' || state.total === 0) return;
      const reached = Math.floor((state.done / state.total) * 10);
      const final = event.phase === 'done';
      if (final || (reached > decile && now() - writtenAt >= PLAIN_INTERVAL_MS)) {
        decile = reached;
        writtenAt = now();
        options.write(`${final ? 'Collected' : 'Progress'} ${state.done}/${state.total} tasks (${Math.round((state.done / state.total) * 100)}%), ${plural(state.resources, 'resource')}, calls ${state.calls}\n`);
      }
    },
    stop: () => {},
  };
}

/** A redrawn bar on a terminal; on a pipe or CI log, a few plain lines. */
export function createProgress(options: ProgressOptions): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  return options.isTTY ? ttyReporter(options, now) : plainReporter(options, now);
}

export const silentProgress: ProgressReporter = { observe: () => {}, stop: () => {} };
