import { describe, expect, it } from 'vitest';
import { defaultPolicyDocument, parsePolicyDocument } from './policy-document.js';

const ADMIN = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } };

describe('parsePolicyDocument', () => {
  it('decodes a URL-encoded document and normalises single values to lists', () => {
    const parsed = parsePolicyDocument(encodeURIComponent(JSON.stringify(ADMIN)));
    expect(parsed).toEqual({
      ok: true,
      document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }] },
    });
  });

  it('reads plain JSON as is, keeping a literal % intact', () => {
    const doc = { Statement: [{ Effect: 'Deny', NotAction: ['iam:*'], NotResource: 'x', Condition: { StringLike: { 'aws:UserAgent': '100%' } } }] };
    const parsed = parsePolicyDocument(JSON.stringify(doc));
    expect(parsed.ok && parsed.document.Statement[0]).toEqual({
      Effect: 'Deny', NotAction: ['iam:*'], NotResource: ['x'], Condition: { StringLike: { 'aws:UserAgent': '100%' } },
    });
  });

  it.each([
    { name: 'undefined', raw: undefined, error: /empty/ },
    { name: 'blank', raw: '  ', error: /empty/ },
    { name: 'bad percent escape', raw: '%7B%E0%A4%A', error: /not valid JSON/ },
    { name: 'truncated JSON', raw: '%7B%22Statement%22%3A', error: /not valid JSON/ },
    { name: 'no Statement', raw: encodeURIComponent('{"Version":"2012-10-17"}'), error: /unexpected shape \(Statement/ },
    { name: 'bad Effect', raw: encodeURIComponent('{"Statement":{"Effect":"Maybe","Action":"*"}}'), error: /unexpected shape/ },
    { name: 'numeric Action', raw: encodeURIComponent('{"Statement":[{"Effect":"Allow","Action":5}]}'), error: /unexpected shape/ },
  ])('reports $name as an error, not a throw', ({ raw, error }) => {
    const parsed = parsePolicyDocument(raw);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(error);
  });
});

describe('defaultPolicyDocument', () => {
  const v1 = { VersionId: 'v1', Document: encodeURIComponent('{"Statement":[]}') };
  const v2 = { VersionId: 'v2', Document: encodeURIComponent(JSON.stringify(ADMIN)) };

  it('picks the version flagged as default', () => {
    const parsed = defaultPolicyDocument({ PolicyVersionList: [{ ...v1, IsDefaultVersion: true }, { ...v2, IsDefaultVersion: false }] });
    expect(parsed.ok && parsed.document.Statement).toEqual([]);
  });

  it('falls back to DefaultVersionId when no flag is set', () => {
    const parsed = defaultPolicyDocument({ DefaultVersionId: 'v2', PolicyVersionList: [v1, v2] });
    expect(parsed.ok && parsed.document.Statement).toHaveLength(1);
  });

  it('is an error when the default version is missing', () => {
    expect(defaultPolicyDocument({ DefaultVersionId: 'v3', PolicyVersionList: [v1] })).toEqual({
      ok: false, error: 'the default version v3 was not returned',
    });
    expect(defaultPolicyDocument({})).toEqual({ ok: false, error: 'the default version was not returned' });
  });
});
