import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { iamPolicies } from '../../collectors/iam/policies.js';
import type { PolicyStatement } from '../../collectors/iam/policy-document.js';

// `*:*` is not the documented form, but IAM's matcher reads it as every action of every service.
const ALL_ACTIONS = new Set(['*', '*:*']);

function grantsFullAdmin(statement: PolicyStatement): boolean {
  return (
    statement.Effect === 'Allow' &&
    (statement.Action ?? []).some((action) => ALL_ACTIONS.has(action)) &&
    (statement.Resource ?? []).includes('*')
  );
}

export const noFullAdminPolicies = defineCheck({
  id: 'iam.no-full-admin-policies',
  title: 'No attached customer managed policy grants full "*:*" administrator access',
  kind: 'security',
  severity: 'high',
  description:
    'A policy that allows every action on every resource makes whoever holds it an administrator ' +
    'able to disable logging, read every secret and grant themselves anything. Least privilege ' +
    'starts with policies scoped to what a job needs.',
  remediation: {
    text: 'Replace the statement with the specific actions and resources needed, or detach the policy; keep full admin to a few audited roles.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  },
  compliance: ['CIS-5.0:1.15'],
  uses: { policies: iamPolicies },
  settings: noSettings,
  evaluate: ({ policies }) =>
    policies.map((policy) => {
      const parsed = policy.data.defaultDocument;
      if (!parsed.ok) return unknown(policy, `Policy ${policy.id} could not be read: ${parsed.error}`);
      const admin = parsed.document.Statement.find(grantsFullAdmin);
      if (!admin) return pass(policy, `Policy ${policy.id} does not allow "*" actions on "*" resources`);
      // CIS covers attached policies only: an unattached one grants nothing until someone attaches it.
      const attachments = policy.data.AttachmentCount ?? 0;
      const statement = admin.Sid ? `statement ${admin.Sid}` : 'a statement';
      return attachments > 0
        ? fail(policy, `Policy ${policy.id} allows "*" actions on "*" resources (${statement}) and is attached ${attachments} time(s)`)
        : pass(policy, `Policy ${policy.id} allows "*" on "*" (${statement}) but is not attached; consider deleting it`);
    }),
});
