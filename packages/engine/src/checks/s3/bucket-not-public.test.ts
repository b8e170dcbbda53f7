import type { Grant } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { runCheck, statuses } from '../check-test-kit.js';
import { bucketNotPublic } from './bucket-not-public.js';
import { ALL_ON, aBucket, anAccountBlock } from './s3-test-resources.js';

const ALL_USERS: Grant = { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' };
const OWNER: Grant = { Grantee: { Type: 'CanonicalUser', ID: 'abc' }, Permission: 'FULL_CONTROL' };
const PUBLIC_POLICY = JSON.stringify({ Statement: { Sid: 'Web', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' } });

interface Case {
  grants?: Grant[];
  policy?: string | null;
  bucketBlock?: object | null;
  account?: object | null;
}

function run({ grants = [OWNER], policy = null, bucketBlock = null, account = null }: Case) {
  return runCheck(bucketNotPublic, {
    acls: [aBucket('b', { owner: null, grants })],
    policies: [aBucket('b', { policy })],
    bucketBlocks: [aBucket('b', { publicAccessBlock: bucketBlock })],
    accountBlocks: [anAccountBlock({ publicAccessBlock: account })],
  });
}

describe('s3.bucket-not-public', () => {
  it.each<[string, Case, string]>([
    ['private bucket', {}, 'pass'],
    ['ACL to AllUsers', { grants: [OWNER, ALL_USERS] }, 'fail'],
    ['ACL to AuthenticatedUsers', { grants: [{ ...ALL_USERS, Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' } }] }, 'fail'],
    ['public ACL ignored by the bucket', { grants: [ALL_USERS], bucketBlock: { IgnorePublicAcls: true } }, 'pass'],
    ['public ACL only blocked for new ACLs', { grants: [ALL_USERS], bucketBlock: { BlockPublicAcls: true } }, 'fail'],
    ['public policy', { policy: PUBLIC_POLICY }, 'fail'],
    ['public policy restricted by the account', { policy: PUBLIC_POLICY, account: ALL_ON }, 'pass'],
    ['public policy with BlockPublicPolicy only', { policy: PUBLIC_POLICY, bucketBlock: { BlockPublicPolicy: true } }, 'fail'],
  ])('%s -> %s', (_name, input, expected) => {
    expect(statuses(run(input))).toEqual([`b:${expected}`]);
  });

  it('names what makes the bucket public', () => {
    const [outcome] = run({ grants: [ALL_USERS], policy: PUBLIC_POLICY });
    expect(outcome?.message).toBe(
      'Bucket b is public: ACL grants READ to everyone; policy statement Web allows any principal without a restricting condition',
    );
  });

  it('fails on a known public grant even when the other path is unreadable', () => {
    const outcomes = runCheck(bucketNotPublic, {
      acls: [aBucket('b', { owner: null, grants: [ALL_USERS] })],
      policies: [aBucket('b', { error: 'AccessDenied' })],
      bucketBlocks: [aBucket('b', { publicAccessBlock: null })],
      accountBlocks: [anAccountBlock({ publicAccessBlock: null })],
    });
    expect(statuses(outcomes)).toEqual(['b:fail']);
  });

  it('answers unknown when a path or the deciding block cannot be read', () => {
    const outcomes = runCheck(bucketNotPublic, {
      acls: [aBucket('acl-denied', { error: 'AccessDenied' }), aBucket('block-denied', { owner: null, grants: [ALL_USERS] })],
      policies: [aBucket('acl-denied', { policy: null }), aBucket('block-denied', { policy: null })],
      bucketBlocks: [aBucket('acl-denied', { publicAccessBlock: null }), aBucket('block-denied', { error: 'AccessDenied' })],
      accountBlocks: [anAccountBlock({ publicAccessBlock: null })],
    });
    expect(statuses(outcomes)).toEqual(['acl-denied:unknown', 'block-denied:unknown']);
  });

  it('returns nothing for an account without buckets', () => {
    expect(runCheck(bucketNotPublic, { acls: [], policies: [], bucketBlocks: [], accountBlocks: [] })).toEqual([]);
  });
});
