import type { ManagedPolicyDetail } from '@aws-sdk/client-iam';
import { z } from 'zod';

// IAM accepts a single value or a list wherever a list is allowed; normalise to lists.
const stringOrList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (typeof value === 'string' ? [value] : value))
  .optional();

const PolicyStatementSchema = z.object({
  Sid: z.string().optional(),
  Effect: z.enum(['Allow', 'Deny']),
  Action: stringOrList,
  NotAction: stringOrList,
  Resource: stringOrList,
  NotResource: stringOrList,
  Condition: z.record(z.string(), z.unknown()).optional(),
});

const PolicyDocumentSchema = z.object({
  Version: z.string().optional(),
  Statement: z
    .union([PolicyStatementSchema, z.array(PolicyStatementSchema)])
    .transform((value) => (Array.isArray(value) ? value : [value])),
});

export type PolicyStatement = z.infer<typeof PolicyStatementSchema>;
export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>;

/** A policy document as read, or why it could not be read (then checks answer unknown). */
export type ParsedPolicyDocument =
  | { readonly ok: true; readonly document: PolicyDocument }
  | { readonly ok: false; readonly error: string };

/**
 * Decodes and parses a policy document. IAM returns documents URL-encoded (RFC 3986); a
 * document that already starts with `{` is taken as plain JSON, since decoding it could
 * corrupt a literal `%` in, say, a condition value.
 */
export function parsePolicyDocument(raw: string | undefined): ParsedPolicyDocument {
  if (raw === undefined || raw.trim() === '') return { ok: false, error: 'the policy document is empty' };
  let json: unknown;
  try {
    const text = raw.trimStart().startsWith('{') ? raw : decodeURIComponent(raw);
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `the policy document is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = PolicyDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `the policy document has an unexpected shape (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})` };
  }
  return { ok: true, document: parsed.data };
}

/** The document of the policy's default (effective) version. */
export function defaultPolicyDocument(policy: ManagedPolicyDetail): ParsedPolicyDocument {
  const versions = policy.PolicyVersionList ?? [];
  const version =
    versions.find((candidate) => candidate.IsDefaultVersion === true) ??
    versions.find((candidate) => candidate.VersionId !== undefined && candidate.VersionId === policy.DefaultVersionId);
  if (!version) return { ok: false, error: `the default version ${policy.DefaultVersionId ?? ''} was not returned`.replace('  ', ' ') };
  return parsePolicyDocument(version.Document);
}
