export { defineCheck, fail, noSettings, pass, unknown } from './core/check.js';
export type { Check, CheckKind, EvaluationContext, Outcome, Savings } from './core/check.js';
export { defineCollector, SERVICES } from './core/collector.js';
export type { AnyCollector, Collector, CollectorContext, ServiceName } from './core/collector.js';
export type { Resource, ResourceRef } from './core/resource.js';
export { SEVERITIES, severityRank } from './core/severity.js';
export type { Severity } from './core/severity.js';
export { ACCESS_KEY_ID, CredentialSourceSchema, ROLE_ARN } from './aws/credentials.js';
export type { CredentialSource } from './aws/credentials.js';
export { KNOWN_REGIONS, UnknownRegionError, validateRegionNames } from './aws/regions.js';
export type { ApiStats } from './aws/api-stats.js';
export { allChecks } from './checks/registry.js';
export { collectorsOf } from './scan/plan.js';
export { selectChecks } from './scan/select-checks.js';
export { DEFAULT_CONCURRENCY } from './aws/call-governor.js';
export { fingerprint } from './scan/results.js';
export { scan } from './scan/scan.js';
export type { ScanControls } from './scan/scan.js';
export { ScanOptionsSchema, ScanSetupError } from './scan/options.js';
export type { ScanOptions, ScanSetupDetails, ScanSetupErrorCode } from './scan/options.js';
export type {
  CheckResult, CollectionIssue, ResultStatus, ScanEvent, ScanPlan, ScanSummary, SkippedRegion,
} from './scan/events.js';
export { leastPrivilegePolicy } from './policy/policy.js';
export { CSV_COLUMNS, csvField, csvResultRow, csvRow, parseCsv } from './report/csv.js';
export { SARIF_SCHEMA, sarifClose, sarifDriver, sarifOpen, sarifResult, sarifRule } from './report/sarif.js';
export { verifyAwsAccess } from './aws/verify-access.js';
export type { VerifyFailureReason, VerifyOptions, VerifyResult, VerifyStep } from './aws/verify-access.js';
