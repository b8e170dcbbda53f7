import { setTimeout as sleep } from 'node:timers/promises';
import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  type IAMClient,
  type ReportStateType,
} from '@aws-sdk/client-iam';
import { defineCollector } from '../../core/collector.js';
import { GLOBAL_REGION, type ResourceRef } from '../../core/resource.js';
import { parseCredentialReport, ROOT_ROW_USER, type CredentialReportRow } from './credential-report-csv.js';

/**
 * The root user is no IAM user and has no CloudFormation type; this name keeps root findings
 * apart from `AWS::IAM::User` ones in filters.
 */
export const ROOT_ACCOUNT_TYPE = 'AWS::IAM::RootAccount';

/** The root user as a result names it when the report has no root row to point at. */
export function rootAccountRef(partition: string, accountId: string): ResourceRef {
  return { arn: `arn:${partition}:iam::${accountId}:root`, id: ROOT_ROW_USER, type: ROOT_ACCOUNT_TYPE, region: GLOBAL_REGION };
}

export const iamCredentialReport = defineCollector<CredentialReportRow>({
  id: 'iam.credential-report',
  service: 'iam',
  scope: 'global',
  permissions: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  async *collect(ctx) {
    const client = ctx.aws.client('iam', ctx.region);
    const content = await fetchCredentialReport(credentialReportApi(client), ctx.signal);
    for (const row of parseCredentialReport(new TextDecoder().decode(content))) {
      yield {
        arn: row.arn,
        id: row.user,
        type: row.isRoot ? ROOT_ACCOUNT_TYPE : 'AWS::IAM::User',
        region: GLOBAL_REGION,
        accountId: ctx.accountId,
        tags: {},
        data: row,
      };
    }
  },
});

/** The two calls the polling needs; an interface so the polling is testable without the SDK. */
export interface CredentialReportApi {
  generate(): Promise<ReportStateType | undefined>;
  /** The report's bytes, or null while AWS is still generating it (or has none / an expired one). */
  get(): Promise<Uint8Array | null>;
}

// Error names the SDK gives, plus the wire codes in case an endpoint's error is not modelled.
const NOT_READY = new Set(['CredentialReportNotReadyException', 'ReportInProgress']);
const NOT_PRESENT = new Set([
  'CredentialReportNotPresentException', 'ReportNotPresent', 'CredentialReportExpiredException', 'ReportExpired',
]);

function credentialReportApi(client: IAMClient): CredentialReportApi {
  return {
    generate: async () => (await client.send(new GenerateCredentialReportCommand({}))).State,
    get: async () => {
      try {
        const { Content } = await client.send(new GetCredentialReportCommand({}));
        if (!Content) throw new Error('GetCredentialReport returned no content');
        return Content;
      } catch (error) {
        if (error instanceof Error && (NOT_READY.has(error.name) || NOT_PRESENT.has(error.name))) return null;
        throw error;
      }
    },
  };
}

export interface PollOptions {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** Total time spent waiting before giving up. */
  readonly maxWaitMs: number;
}

// AWS usually finishes a report in seconds; it regenerates at most every 4 hours, so a fresh
// report is normally COMPLETE on the first Generate and no waiting happens.
const DEFAULT_POLL: PollOptions = { firstDelayMs: 200, maxDelayMs: 2_000, maxWaitMs: 60_000 };

/**
 * Generate, then Get; while AWS is still building the report, wait (doubling, capped) and ask
 * again. Generate is re-sent each round: it is idempotent and restarts a report that expired.
 */
export async function fetchCredentialReport(
  api: CredentialReportApi,
  signal: AbortSignal,
  options: PollOptions = DEFAULT_POLL,
): Promise<Uint8Array> {
  let delay = options.firstDelayMs;
  let waited = 0;
  for (;;) {
    const state = await api.generate();
    // STARTED / INPROGRESS: a Get would only answer ReportInProgress, so save the call.
    const content = state === 'COMPLETE' || state === undefined ? await api.get() : null;
    if (content) return content;
    if (waited + delay > options.maxWaitMs) {
      throw new Error(`IAM credential report was not ready after ${Math.round(waited / 1000)} s`);
    }
    await sleep(delay, undefined, { signal });
    waited += delay;
    delay = Math.min(delay * 2, options.maxDelayMs);
  }
}
