import { sarifClose, sarifOpen, sarifResult, type CollectionIssue, type ScanSummary } from '@cloudsweep/engine';
import type { ResultSink, SinkContext, TextWriter } from './sink.js';

function invocation(summary: ScanSummary, issues: readonly CollectionIssue[]): object {
  return {
    executionSuccessful: !summary.incomplete,
    toolExecutionNotifications: issues.map((issue) => ({
      level: 'warning',
      message: { text: `${issue.message} Needs: ${issue.permissions.join(', ')}` },
      descriptor: { id: `collection/${issue.kind}` },
      properties: { collectorId: issue.collectorId, region: issue.region, awsErrorCode: issue.awsErrorCode },
    })),
  };
}

/** SARIF 2.1.0, streamed: rules are known at plan time, results follow, the invocation closes. */
export function createSarifSink(out: TextWriter, ctx: SinkContext): ResultSink {
  const ruleIndex = new Map<string, number>();
  const issues: CollectionIssue[] = [];
  let first = true;
  return {
    planned: async (plan) => {
      const rules = plan.checkIds.flatMap((id) => ctx.catalogue.filter((c) => c.id === id));
      rules.forEach((rule, index) => ruleIndex.set(rule.id, index));
      await out.write(sarifOpen(rules, ctx.toolVersion));
    },
    result: async (result) => {
      const sarif = sarifResult(result, ruleIndex.get(result.checkId) ?? -1);
      if (!sarif) return;
      await out.write(`${first ? '\n' : ',\n'}${JSON.stringify(sarif)}`);
      first = false;
    },
    issue: async (issue) => {
      issues.push(issue);
    },
    finish: (summary) =>
      out.write(sarifClose(`,"invocations":[${JSON.stringify(invocation(summary, issues))}],"properties":${JSON.stringify({ summary })}`)),
  };
}
