import type { ReportStateType } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { fetchCredentialReport, type CredentialReportApi } from './credential-report.js';

const FAST = { firstDelayMs: 1, maxDelayMs: 4, maxWaitMs: 50 };
const REPORT = new TextEncoder().encode('user,arn\n');

/** Scripted answers: each generate()/get() takes the next one; records the call order. */
function scriptedApi(states: Array<ReportStateType | undefined>, reports: Array<Uint8Array | null>) {
  const calls: string[] = [];
  const api: CredentialReportApi = {
    generate: async () => {
      calls.push('generate');
      return states.length > 1 ? states.shift() : states[0];
    },
    get: async () => {
      calls.push('get');
      return reports.length > 1 ? (reports.shift() ?? null) : (reports[0] ?? null);
    },
  };
  return { api, calls };
}

describe('fetchCredentialReport', () => {
  it('returns at once when the report is complete', async () => {
    const { api, calls } = scriptedApi(['COMPLETE'], [REPORT]);
    expect(await fetchCredentialReport(api, new AbortController().signal, FAST)).toBe(REPORT);
    expect(calls).toEqual(['generate', 'get']);
  });

  it('waits without calling Get while generation is in progress', async () => {
    const { api, calls } = scriptedApi(['STARTED', 'INPROGRESS', 'COMPLETE'], [REPORT]);
    await fetchCredentialReport(api, new AbortController().signal, FAST);
    expect(calls).toEqual(['generate', 'generate', 'generate', 'get']);
  });

  it('retries when Get says the report is not ready yet', async () => {
    const { api, calls } = scriptedApi(['COMPLETE'], [null, null, REPORT]);
    expect(await fetchCredentialReport(api, new AbortController().signal, FAST)).toBe(REPORT);
    expect(calls).toEqual(['generate', 'get', 'generate', 'get', 'generate', 'get']);
  });

  it('gives up after maxWaitMs with a clear error', async () => {
    const { api } = scriptedApi(['INPROGRESS'], [null]);
    await expect(fetchCredentialReport(api, new AbortController().signal, FAST)).rejects.toThrow(/not ready after/);
  });

  it('stops waiting when the scan is aborted', async () => {
    const controller = new AbortController();
    const { api } = scriptedApi(['INPROGRESS'], [null]);
    const pending = fetchCredentialReport(api, controller.signal, { firstDelayMs: 10_000, maxDelayMs: 10_000, maxWaitMs: 60_000 });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('lets other errors through (e.g. AccessDenied on Generate)', async () => {
    const api: CredentialReportApi = {
      generate: async () => { throw Object.assign(new Error('denied'), { name: 'AccessDenied' }); },
      get: async () => REPORT,
    };
    await expect(fetchCredentialReport(api, new AbortController().signal, FAST)).rejects.toThrow('denied');
  });
});
