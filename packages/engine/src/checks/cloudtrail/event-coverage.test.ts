import type { AdvancedEventSelector, EventSelector } from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { eventCoverage } from './event-coverage.js';

const basic = (...eventSelectors: EventSelector[]) => eventCoverage({ eventSelectors, advancedEventSelectors: [] }, 'aws');
const advanced = (...advancedEventSelectors: AdvancedEventSelector[]) =>
  eventCoverage({ eventSelectors: [], advancedEventSelectors }, 'aws');
const S3_ALL = { Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] };

describe('eventCoverage with basic selectors', () => {
  it('treats no selectors at all as the AWS default (all management events)', () => {
    expect(basic()).toEqual({ managementRead: true, managementWrite: true, s3ObjectRead: false, s3ObjectWrite: false });
  });

  it('combines ReadOnly and WriteOnly selectors', () => {
    const coverage = basic({ ReadWriteType: 'ReadOnly' }, { ReadWriteType: 'WriteOnly', DataResources: [S3_ALL] });
    expect(coverage).toEqual({ managementRead: true, managementWrite: true, s3ObjectRead: false, s3ObjectWrite: true });
  });

  it('counts only all-bucket S3 data resources', () => {
    expect(basic({ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::'] }] }))
      .toEqual({ managementRead: false, managementWrite: false, s3ObjectRead: true, s3ObjectWrite: true });
    expect(basic({ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::one-bucket/'] }] }).s3ObjectRead).toBe(false);
    expect(basic({ DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] }] }).s3ObjectRead).toBe(false);
  });
});

describe('eventCoverage with advanced selectors', () => {
  const management = { Field: 'eventCategory', Equals: ['Management'] };
  const data = { Field: 'eventCategory', Equals: ['Data'] };
  const s3Type = { Field: 'resources.type', Equals: ['AWS::S3::Object'] };

  it.each<[string, AdvancedEventSelector[], Partial<Record<string, boolean>>]>([
    ['management, all', [{ FieldSelectors: [management] }], { managementRead: true, managementWrite: true }],
    ['management, write only', [{ FieldSelectors: [management, { Field: 'readOnly', Equals: ['false'] }] }], { managementRead: false, managementWrite: true }],
    ['management excluding KMS', [{ FieldSelectors: [management, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] }] }], { managementRead: true }],
    ['management for one event name only', [{ FieldSelectors: [management, { Field: 'eventName', Equals: ['CreateUser'] }] }], { managementRead: false }],
    ['S3 objects, all buckets', [{ FieldSelectors: [data, s3Type] }], { s3ObjectRead: true, s3ObjectWrite: true, managementRead: false }],
    ['S3 objects by all-bucket prefix', [{ FieldSelectors: [data, s3Type, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::'] }] }], { s3ObjectRead: true }],
    ['S3 objects of one bucket', [{ FieldSelectors: [data, s3Type, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::b/'] }] }], { s3ObjectRead: false }],
    ['S3 reads excluded', [{ FieldSelectors: [data, s3Type, { Field: 'readOnly', NotEquals: ['true'] }] }], { s3ObjectRead: false, s3ObjectWrite: true }],
    ['DynamoDB data events', [{ FieldSelectors: [data, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] }] }], { s3ObjectWrite: false }],
  ])('%s', (_name, selectors, expected) => {
    expect(advanced(...selectors)).toMatchObject(expected);
  });
});
