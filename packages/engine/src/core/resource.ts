/** A cloud resource as a collector yields it; `data` is the AWS SDK's own type. */
export interface Resource<T = unknown> {
  readonly arn: string;
  readonly id: string;
  /** CloudFormation-style type name, e.g. `AWS::EC2::Volume`. */
  readonly type: string;
  /** AWS region, or `global` for account-wide resources (IAM, the S3 account settings). */
  readonly region: string;
  readonly accountId: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly data: T;
}

/** The part of a resource a result needs to name it. */
export type ResourceRef = Pick<Resource, 'arn' | 'id' | 'type' | 'region'>;

export const GLOBAL_REGION = 'global';

/** Turns the SDK's `[{ Key, Value }]` tag lists into a plain record. */
export function tagsFromList(
  list: ReadonlyArray<{ Key?: string | undefined; Value?: string | undefined }> | undefined,
): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const tag of list ?? []) if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? '';
  return tags;
}
