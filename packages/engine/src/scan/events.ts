import type { CheckKind, Savings } from '../core/check.js';
import type { Severity } from '../core/severity.js';
import type { ApiStats } from '../aws/api-stats.js';
import type { AwsErrorKind } from '../aws/error-kind.js';

export type ResultStatus = 'pass' | 'fail' | 'unknown';

/** One check's verdict on one resource (or on a region it could not see). */
export interface CheckResult {
  /** sha256 of check id + resource ARN: stable across scans, so scans can be compared. */
  readonly fingerprint: string;
  readonly checkId: string;
  readonly title: string;
  readonly kind: CheckKind;
  readonly severity: Severity;
  readonly status: ResultStatus;
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  readonly resourceArn: string;
  readonly resourceId: string;
  readonly resourceType: string;
  readonly message: string;
  readonly savings?: Savings;
}

/** A collector that could not list what it should have: data, never an exception. */
export interface CollectionIssue {
  readonly collectorId: string;
  readonly service: string;
  readonly region: string;
  readonly kind: AwsErrorKind;
  /** For people: what could not be seen and what to do about it. */
  readonly message: string;
  /** The IAM actions the collector needs, named so a person can grant them. */
  readonly permissions: readonly string[];
  readonly awsErrorCode: string;
  readonly awsRequestId?: string;
  readonly httpStatus?: number;
}

export interface SkippedRegion {
  readonly region: string;
  readonly reason: string;
}

export interface ScanPlan {
  readonly accountId: string;
  readonly callerArn: string;
  readonly partition: string;
  readonly regions: readonly string[];
  readonly skippedRegions: readonly SkippedRegion[];
  readonly checkIds: readonly string[];
  readonly collectorIds: readonly string[];
  /** (collector x region) tasks; progress counts them. */
  readonly totalTasks: number;
}

export interface ScanSummary {
  readonly accountId: string;
  readonly regions: readonly string[];
  readonly skippedRegions: readonly SkippedRegion[];
  readonly durationMs: number;
  readonly resources: number;
  readonly results: { readonly pass: number; readonly fail: number; readonly unknown: number };
  /** Failed results per severity. */
  readonly failBySeverity: Readonly<Record<Severity, number>>;
  readonly issues: number;
  readonly monthlySavingsUsd: number;
  readonly api: ApiStats;
  /** True when the scan stopped early (deadline or cancel); results so far are still valid. */
  readonly incomplete: boolean;
}

export type ScanEvent =
  | { readonly type: 'planned'; readonly plan: ScanPlan }
  | {
      readonly type: 'progress';
      readonly done: number;
      readonly total: number;
      readonly phase: 'collecting' | 'evaluating' | 'done';
      readonly task?: string;
      /** Resources the finished task collected. */
      readonly resources?: number;
      /** HTTP attempts sent so far. */
      readonly apiCalls?: number;
    }
  | { readonly type: 'result'; readonly result: CheckResult }
  | { readonly type: 'issue'; readonly issue: CollectionIssue }
  | { readonly type: 'summary'; readonly summary: ScanSummary };
