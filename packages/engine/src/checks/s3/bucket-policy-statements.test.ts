import { describe, expect, it } from 'vitest';
import { isPublicAllow, isRestricting, matchesWildcard, readPolicyStatements } from './bucket-policy-statements.js';

const policy = (statement: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: statement });

describe('readPolicyStatements', () => {
  it('accepts a single statement object and string shorthands', () => {
    const [statement] = readPolicyStatements(policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })) ?? [];
    expect(statement).toMatchObject({ everyone: true, actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] });
  });

  it.each([
    [{ AWS: '*' }, true],
    [{ AWS: ['arn:aws:iam::1:root', '*'] }, true],
    [{ AWS: 'arn:aws:iam::1:root' }, false],
    [{ Service: 'cloudtrail.amazonaws.com' }, false],
    ['arn:aws:iam::1:root', false],
  ])('reads principal %j as everyone=%s', (principal, everyone) => {
    expect(readPolicyStatements(policy([{ Effect: 'Allow', Principal: principal, Action: '*' }]))?.[0]?.everyone).toBe(everyone);
  });

  it('normalises condition values (booleans, lists) and lower-cases keys', () => {
    const [statement] =
      readPolicyStatements(policy([{ Effect: 'Deny', Principal: '*', Condition: { Bool: { 'aws:SecureTransport': false }, IpAddress: { 'aws:SourceIp': ['1.2.3.4/32'] } } }])) ?? [];
    expect(statement?.conditions).toEqual([
      { operator: 'Bool', key: 'aws:securetransport', values: ['false'] },
      { operator: 'IpAddress', key: 'aws:sourceip', values: ['1.2.3.4/32'] },
    ]);
  });

  it.each(['not json', '{}', '{"Statement": "x"}', '{"Statement": [{"Principal": "*"}]}'])('returns null for %s', (text) => {
    expect(readPolicyStatements(text)).toBeNull();
  });

  it('returns no statements for an empty list', () => {
    expect(readPolicyStatements(policy([]))).toEqual([]);
  });
});

describe('matchesWildcard', () => {
  it.each([
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/*', true],
    ['arn:aws:s3:::b*', 'arn:aws:s3:::b/*', true],
    ['*', 'arn:aws:s3:::b/*', true],
    ['arn:aws:s3:::b/public/*', 'arn:aws:s3:::b/*', false],
    ['arn:aws:s3:::b', 'arn:aws:s3:::b/*', false],
    ['arn:aws:s3:::b?c/*', 'arn:aws:s3:::b.c/*', true],
    ['arn:aws:s3:::b.c/*', 'arn:aws:s3:::bxc/*', false],
  ])('%s matches %s: %s', (pattern, value, expected) => {
    expect(matchesWildcard(pattern, value)).toBe(expected);
  });
});

describe('isRestricting / isPublicAllow', () => {
  it.each([
    ['StringEquals', 'aws:sourcevpce', ['vpce-1'], true],
    ['IpAddress', 'aws:sourceip', ['10.0.0.0/8'], true],
    ['IpAddress', 'aws:sourceip', ['0.0.0.0/0'], false],
    ['StringEquals', 'aws:principalorgid', ['*'], false],
    ['StringEqualsIfExists', 'aws:sourcevpce', ['vpce-1'], false],
    ['StringNotEquals', 'aws:sourcevpce', ['vpce-1'], false],
    ['Bool', 'aws:securetransport', ['true'], false],
  ])('%s %s %j restricts: %s', (operator, key, values, expected) => {
    expect(isRestricting({ operator, key, values })).toBe(expected);
  });

  it('treats Allow with NotPrincipal as public and Deny as never public', () => {
    const statements = readPolicyStatements(
      policy([
        { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::1:root' }, Action: 's3:*' },
        { Effect: 'Deny', Principal: '*', Action: 's3:*' },
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } },
      ]),
    );
    expect(statements?.map(isPublicAllow)).toEqual([true, false, false]);
  });
});
