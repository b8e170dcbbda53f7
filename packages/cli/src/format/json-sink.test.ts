import { describe, expect, it } from 'vitest';
import { createJsonSink } from './json-sink.js';
import { memoryWriter } from './sink.js';
import { defaultResults, feed, issue, plan, summary } from './sink-test-kit.js';

describe('json', () => {
  it('streams one parseable document { plan, results, issues, summary }', async () => {
    const out = memoryWriter();
    await feed(createJsonSink(out));
    expect(JSON.parse(out.text())).toEqual({ plan, results: defaultResults(), issues: [issue], summary: summary() });
  });

  it('is valid with no results', async () => {
    const out = memoryWriter();
    await feed(createJsonSink(out), []);
    expect(JSON.parse(out.text())).toMatchObject({ results: [], issues: [issue] });
  });
});
