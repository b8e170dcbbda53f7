import type { Writable } from 'node:stream';
import type { Check, CheckResult, CollectionIssue, ScanPlan, ScanSummary } from '@cloudsweep/engine';

export const FORMATS = ['table', 'json', 'csv', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** Where formatted text goes; resolves when the chunk may be followed by the next. */
export interface TextWriter {
  write(chunk: string): Promise<void>;
}

/** A formatter fed the scan as it streams; `finish` comes last, once. */
export interface ResultSink {
  planned(plan: ScanPlan): Promise<void>;
  result(result: CheckResult): Promise<void>;
  issue(issue: CollectionIssue): Promise<void>;
  finish(summary: ScanSummary): Promise<void>;
}

export interface SinkContext {
  /** The checks the plan names are looked up here, for rule metadata. */
  readonly catalogue: readonly Check[];
  readonly toolVersion: string;
}

/**
 * Honours back-pressure so a scan of a huge account never buffers its whole output in memory
 * when the reader (a pipe, a slow disk) is slower than the scan.
 */
export function streamWriter(stream: Writable): TextWriter {
  return {
    write: (chunk) =>
      new Promise((resolve, reject) => {
        if (stream.write(chunk)) return resolve();
        const onDrain = (): void => {
          stream.off('error', onError);
          resolve();
        };
        const onError = (error: Error): void => {
          stream.off('drain', onDrain);
          reject(error);
        };
        stream.once('drain', onDrain);
        stream.once('error', onError);
      }),
  };
}

/** Collects everything written; for tests and small in-memory renders. */
export function memoryWriter(): TextWriter & { text(): string } {
  const chunks: string[] = [];
  return {
    write: async (chunk) => {
      chunks.push(chunk);
    },
    text: () => chunks.join(''),
  };
}
