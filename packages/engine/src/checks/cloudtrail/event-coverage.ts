import type { AdvancedEventSelector, AdvancedFieldSelector, EventSelector } from '@aws-sdk/client-cloudtrail';
import type { TrailSelectors } from '../../collectors/cloudtrail/trails.js';

/** Which event kinds a trail's selectors log, for every resource (no narrowing filters). */
export interface EventCoverage {
  readonly managementRead: boolean;
  readonly managementWrite: boolean;
  readonly s3ObjectRead: boolean;
  readonly s3ObjectWrite: boolean;
}

type Mutable = { -readonly [K in keyof EventCoverage]: EventCoverage[K] };
interface Scope { readonly reads: boolean; readonly writes: boolean }

export function eventCoverage(selectors: TrailSelectors, partition: string): EventCoverage {
  const coverage: Mutable = { managementRead: false, managementWrite: false, s3ObjectRead: false, s3ObjectWrite: false };
  const { eventSelectors, advancedEventSelectors } = selectors;
  // AWS returns the default selector for a new trail; an empty answer (emulators) means the same.
  const basic: readonly EventSelector[] =
    eventSelectors.length === 0 && advancedEventSelectors.length === 0 ? [{}] : eventSelectors;
  for (const selector of basic) addBasic(coverage, selector, partition);
  for (const selector of advancedEventSelectors) addAdvanced(coverage, selector, partition);
  return coverage;
}

function addBasic(coverage: Mutable, selector: EventSelector, partition: string): void {
  const type = selector.ReadWriteType ?? 'All';
  const scope = { reads: type !== 'WriteOnly', writes: type !== 'ReadOnly' };
  if (selector.IncludeManagementEvents !== false) addManagement(coverage, scope);
  // `arn:aws:s3` (or `arn:aws:s3:::`) selects every current and future bucket.
  const allBuckets = (selector.DataResources ?? []).some(
    (r) => r.Type === 'AWS::S3::Object' && (r.Values ?? []).some((v) => isAllBuckets(v, partition)),
  );
  if (allBuckets) addS3(coverage, scope);
}

function addAdvanced(coverage: Mutable, selector: AdvancedEventSelector, partition: string): void {
  const fields = selector.FieldSelectors ?? [];
  const field = (name: string) => fields.find((f) => f.Field === name);
  const category = field('eventCategory')?.Equals ?? [];
  const scope = readOnlyScope(field('readOnly'));
  const others = fields.filter((f) => !['eventCategory', 'readOnly'].includes(f.Field ?? ''));
  // Excluding noisy sources (e.g. KMS) is common and accepted; any other filter narrows coverage.
  if (category.includes('Management') && others.every((f) => f.Field === 'eventSource' && !f.Equals)) {
    addManagement(coverage, scope);
  }
  const s3Objects = field('resources.type')?.Equals?.includes('AWS::S3::Object') === true;
  const unfiltered = others.every((f) => f.Field === 'resources.type' || isAllBucketsFilter(f, partition));
  if (category.includes('Data') && s3Objects && unfiltered) addS3(coverage, scope);
}

function readOnlyScope(field: AdvancedFieldSelector | undefined): Scope {
  if (field?.Equals) return { reads: field.Equals.includes('true'), writes: field.Equals.includes('false') };
  if (field?.NotEquals) return { reads: !field.NotEquals.includes('true'), writes: !field.NotEquals.includes('false') };
  return { reads: true, writes: true };
}

function isAllBuckets(value: string, partition: string): boolean {
  return value === `arn:${partition}:s3` || value === `arn:${partition}:s3:::`;
}

function isAllBucketsFilter(field: AdvancedFieldSelector, partition: string): boolean {
  const { Field, StartsWith = [], Equals, EndsWith, NotEquals, NotStartsWith, NotEndsWith } = field;
  const narrowed = [Equals, EndsWith, NotEquals, NotStartsWith, NotEndsWith].some((list) => list !== undefined);
  return Field === 'resources.ARN' && !narrowed && StartsWith.some((v) => isAllBuckets(v, partition));
}

function addManagement(coverage: Mutable, scope: Scope): void {
  coverage.managementRead ||= scope.reads;
  coverage.managementWrite ||= scope.writes;
}

function addS3(coverage: Mutable, scope: Scope): void {
  coverage.s3ObjectRead ||= scope.reads;
  coverage.s3ObjectWrite ||= scope.writes;
}
