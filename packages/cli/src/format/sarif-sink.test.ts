import { allChecks, defineCheck, noSettings, type Check } from '@cloudsweep/engine';
import { describe, expect, it } from 'vitest';
import { createSarifSink } from './sarif-sink.js';
import { parseSarif } from './sarif-shape.js';
import { memoryWriter } from './sink.js';
import { feed, plan, result, summary } from './sink-test-kit.js';

const securityCheck: Check = defineCheck({
  id: 'test.bucket-not-public',
  title: 'S3 buckets are not public',
  kind: 'security',
  severity: 'critical',
  description: 'Public buckets leak data.',
  remediation: { text: 'Turn on Block Public Access.', url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html' },
  compliance: ['CIS-5.0:2.1.4'],
  uses: {},
  settings: noSettings,
  evaluate: () => [],
});

async function render(catalogue: readonly Check[], results = [result()]): Promise<string> {
  const out = memoryWriter();
  const sink = createSarifSink(out, { catalogue, toolVersion: '1.2.3' });
  await feed(sink, results);
  return out.text();
}

describe('sarif', () => {
  it('has the SARIF 2.1.0 shape, with fails and unknowns but no passes', async () => {
    const log = parseSarif(await render(allChecks, [result(), result({ status: 'pass' }), result({ status: 'unknown' })]));
    const run = log.runs[0];
    expect(run?.tool.driver).toMatchObject({ name: 'Cloudsweep', version: '1.2.3' });
    expect(run?.results.map((r) => [r.kind, r.level])).toEqual([['fail', 'note'], ['open', 'none']]);
    expect(run?.results[0]?.locations[0]?.logicalLocations[0]).toMatchObject({ fullyQualifiedName: result().resourceArn, kind: 'resource' });
    expect(run?.results[0]?.partialFingerprints).toEqual({ 'cloudsweep/v1': result().fingerprint });
    expect(run?.invocations?.[0]?.toolExecutionNotifications).toHaveLength(1);
  });

  it('describes planned checks as rules in plan order, with help, tags and a security severity', async () => {
    const out = memoryWriter();
    const sink = createSarifSink(out, { catalogue: [securityCheck, ...allChecks], toolVersion: '1.2.3' });
    await sink.planned({ ...plan, checkIds: [...plan.checkIds, securityCheck.id] });
    await sink.result(result({ checkId: securityCheck.id, severity: 'critical', kind: 'security' }));
    await sink.finish(summary());
    const log = parseSarif(out.text());
    const rule = log.runs[0]?.tool.driver.rules[1];
    expect(rule).toMatchObject({ id: securityCheck.id, helpUri: securityCheck.remediation.url });
    expect(rule?.properties).toMatchObject({ tags: ['security', 'CIS-5.0:2.1.4'], 'security-severity': '9.5' });
    expect(rule?.help.text).toContain('Block Public Access');
    expect(log.runs[0]?.results[0]).toMatchObject({ ruleIndex: 1, level: 'error' });
  });
});
