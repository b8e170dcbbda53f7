import type { CollectionIssue } from '@cloudsweep/engine';
import type { ResultSink, TextWriter } from './sink.js';

/**
 * One JSON document `{ plan, results, issues, summary }`, written as results arrive so memory
 * stays bounded. Issues are few (at most one per collector and region), so they are held back
 * and written after the results.
 */
export function createJsonSink(out: TextWriter): ResultSink {
  const issues: CollectionIssue[] = [];
  let first = true;
  return {
    planned: (plan) => out.write(`{\n"plan": ${JSON.stringify(plan)},\n"results": [`),
    result: async (result) => {
      await out.write(`${first ? '\n' : ',\n'}${JSON.stringify(result)}`);
      first = false;
    },
    issue: async (issue) => {
      issues.push(issue);
    },
    finish: (summary) =>
      out.write(`\n],\n"issues": ${JSON.stringify(issues)},\n"summary": ${JSON.stringify(summary)}\n}\n`),
  };
}
