import type { ManagedPolicy } from '../model.js';
import { iamUniqueId } from '../random.js';

/** AWS managed policies our generated principals attach. CreateDate values are AWS's real ones. */
export const AWS_POLICIES: readonly { name: string; path: string; created: string; document: object }[] = [
  { name: 'AdministratorAccess', path: '/', created: '2015-02-06T18:39:46Z', document: allow('*', '*') },
  { name: 'ReadOnlyAccess', path: '/', created: '2015-02-06T18:39:48Z', document: allow(['ec2:Describe*', 's3:Get*', 's3:List*', 'iam:Get*', 'iam:List*'], '*') },
  { name: 'AWSSupportAccess', path: '/', created: '2015-02-06T18:41:11Z', document: allow('support:*', '*') },
  { name: 'AmazonS3FullAccess', path: '/', created: '2015-02-06T18:40:58Z', document: allow(['s3:*', 's3-object-lambda:*'], '*') },
  { name: 'AmazonEC2ReadOnlyAccess', path: '/', created: '2015-02-06T18:40:17Z', document: allow('ec2:Describe*', '*') },
  { name: 'PowerUserAccess', path: '/', created: '2015-02-06T18:39:47Z', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }] } },
  { name: 'AWSLambdaBasicExecutionRole', path: '/service-role/', created: '2015-04-09T15:03:43Z', document: allow(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], '*') },
];

export function allow(action: string | string[], resource: string | string[]): object {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] };
}

export function awsPolicyArn(name: string, path: string): string {
  return `arn:aws:iam::aws:policy${path}${name}`;
}

export function trustPolicy(principal: object): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });
}

export function awsManagedPolicies(salt: number): ManagedPolicy[] {
  return AWS_POLICIES.map((p, i) => {
    const created = Date.parse(p.created);
    return {
      name: p.name, id: iamUniqueId('ANPA', salt, i), arn: awsPolicyArn(p.name, p.path), path: p.path, awsManaged: true,
      createTime: created, updateTime: created, attachmentCount: 0,
      versions: [{ id: 'v1', document: JSON.stringify(p.document), isDefault: true, createTime: created }],
    };
  });
}

/** Customer policies: mostly scoped, one legacy "full admin" (Action * on Resource *) as scanners expect to find. */
export function customerPolicyDocument(index: number, accountId: string): object {
  if (index === 0) return allow('*', '*');
  const kinds: object[] = [
    allow(['s3:GetObject', 's3:PutObject'], `arn:aws:s3:::app-data-${accountId}/*`),
    allow(['dynamodb:Query', 'dynamodb:GetItem'], `arn:aws:dynamodb:us-east-1:${accountId}:table/orders`),
    allow('sqs:*', `arn:aws:sqs:*:${accountId}:jobs-*`),
    allow(['ec2:StartInstances', 'ec2:StopInstances'], '*'),
  ];
  return kinds[index % kinds.length] ?? allow('s3:ListBucket', '*');
}
