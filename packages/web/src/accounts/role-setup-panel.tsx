import type { RoleSetup } from '@cloudsweep/contract';
import { CopyButton } from '../ui/copy-button.js';

/** What the user needs in AWS before connecting a role: the ExternalId, the template, the policy. */
export function RoleSetupPanel({ setup }: { setup: RoleSetup }) {
  const policy = JSON.stringify(setup.policy, null, 2);
  return (
    <div className="role-setup">
      <ol>
        <li>
          <p>
            Create a read-only role in the AWS account with this CloudFormation template (CloudFormation → Create stack → Upload a
            template file), or by hand with the policy below.
            {setup.principalArn === null && ' The template asks for the principal Cloudsweep runs as; your operator knows it.'}
          </p>
        </li>
        <li>
          <p>The role must require this ExternalId (valid until {new Date(setup.expiresAt).toLocaleString()}):</p>
          <p className="row">
            <code className="break">{setup.externalId}</code> <CopyButton text={setup.externalId} label="Copy ExternalId" />
          </p>
        </li>
        <li><p>Paste the role's ARN below and connect.</p></li>
      </ol>
      <details>
        <summary>CloudFormation template</summary>
        <CopyButton text={setup.cloudFormationTemplate} label="Copy template" />
        <pre className="code">{setup.cloudFormationTemplate}</pre>
      </details>
      <details>
        <summary>Least-privilege policy ({setup.policy.Statement.reduce((n, s) => n + s.Action.length, 0)} read-only actions)</summary>
        <CopyButton text={policy} label="Copy policy" />
        <pre className="code">{policy}</pre>
      </details>
    </div>
  );
}
