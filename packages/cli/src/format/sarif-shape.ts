// Test-only: the parts of the SARIF 2.1.0 schema we emit, as zod (no network schema fetch).
// Mirrors the schema's required properties, types and enums for each object we write.
import { z } from 'zod';

const Message = z.object({ text: z.string().min(1) });
const Level = z.enum(['none', 'note', 'warning', 'error']);

const Rule = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  shortDescription: Message,
  fullDescription: Message,
  help: z.object({ text: z.string().min(1), markdown: z.string().min(1) }),
  helpUri: z.url(),
  defaultConfiguration: z.object({ level: Level }).optional(),
  properties: z.object({ tags: z.array(z.string()), 'security-severity': z.string().regex(/^\d+(\.\d+)?$/).optional() }).loose(),
});

const Result = z
  .object({
    ruleId: z.string().min(1),
    ruleIndex: z.number().int().min(-1),
    kind: z.enum(['notApplicable', 'pass', 'fail', 'review', 'open', 'informational']),
    level: Level,
    message: Message,
    locations: z
      .array(z.object({ logicalLocations: z.array(z.object({ fullyQualifiedName: z.string().startsWith('arn:'), kind: z.string() }).loose()).min(1) }))
      .min(1),
    partialFingerprints: z.record(z.string(), z.string()),
  })
  // SARIF 3.27.9: a result whose kind is not `fail` must have level `none`.
  .refine((r) => r.kind === 'fail' || r.level === 'none', 'non-fail results must have level none');

const Notification = z.object({ message: Message, level: Level.optional() }).loose();

export const SarifLogSchema = z.object({
  $schema: z.url(),
  version: z.literal('2.1.0'),
  runs: z
    .array(
      z.object({
        tool: z.object({
          driver: z.object({ name: z.string().min(1), informationUri: z.url(), version: z.string().min(1), rules: z.array(Rule) }),
        }),
        results: z.array(Result),
        invocations: z.array(z.object({ executionSuccessful: z.boolean(), toolExecutionNotifications: z.array(Notification) })).optional(),
      }),
    )
    .length(1),
});

export type SarifLog = z.infer<typeof SarifLogSchema>;

/** Parses and also checks each ruleIndex points at the rule its ruleId names. */
export function parseSarif(text: string): SarifLog {
  const log = SarifLogSchema.parse(JSON.parse(text));
  for (const run of log.runs) {
    for (const r of run.results) {
      if (run.tool.driver.rules[r.ruleIndex]?.id !== r.ruleId) throw new Error(`ruleIndex ${r.ruleIndex} does not name ${r.ruleId}`);
    }
  }
  return log;
}
