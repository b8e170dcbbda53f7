import type { PublicAccessBlockConfiguration } from '@aws-sdk/client-s3';
import type { AccountPublicAccessBlockData } from '../../collectors/s3/account-public-access-block.js';
import type { BucketPublicAccessBlockData } from '../../collectors/s3/bucket-public-access-blocks.js';
import type { BucketAspect } from '../../collectors/s3/per-bucket.js';

const BLOCK_FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;
export type BlockFlag = (typeof BLOCK_FLAGS)[number];

/** A flag is on, off, or unreadable (the setting that would decide it could not be read). */
export type FlagState = boolean | 'unknown';
export type EffectiveBlock = Readonly<Record<BlockFlag, FlagState>>;

type Configured = { readonly publicAccessBlock: PublicAccessBlockConfiguration | null };
type Readable = Configured | { readonly error: string } | undefined;

function flagOf(setting: Readable, flag: BlockFlag): FlagState {
  if (setting === undefined || 'error' in setting) return 'unknown';
  return setting.publicAccessBlock?.[flag] === true;
}

/**
 * S3 applies the most restrictive combination of the account's and the bucket's settings, flag
 * by flag: a flag is effectively on when either level turns it on.
 */
export function effectiveBlock(
  account: AccountPublicAccessBlockData | undefined,
  bucket: BucketAspect<BucketPublicAccessBlockData> | undefined,
): EffectiveBlock {
  const combine = (flag: BlockFlag): FlagState => {
    const levels = [flagOf(account, flag), flagOf(bucket, flag)];
    if (levels.includes(true)) return true;
    return levels.includes('unknown') ? 'unknown' : false;
  };
  return {
    BlockPublicAcls: combine('BlockPublicAcls'),
    IgnorePublicAcls: combine('IgnorePublicAcls'),
    BlockPublicPolicy: combine('BlockPublicPolicy'),
    RestrictPublicBuckets: combine('RestrictPublicBuckets'),
  };
}

/** The flags known to be off. */
export function flagsOff(block: EffectiveBlock): BlockFlag[] {
  return BLOCK_FLAGS.filter((flag) => block[flag] === false);
}

export function flagsUnknown(block: EffectiveBlock): BlockFlag[] {
  return BLOCK_FLAGS.filter((flag) => block[flag] === 'unknown');
}

/** The account-level block as an effective block of its own (bucket settings ignored). */
export function accountBlock(account: AccountPublicAccessBlockData | undefined): EffectiveBlock {
  return effectiveBlock(account, { publicAccessBlock: null });
}
