import { z } from 'zod';

/** One check of the engine's catalogue, as the scan form's check picker shows it. */
export const CheckInfoSchema = z.object({
  /** `<service>.<desired-state>`, e.g. `s3.bucket-encryption`. */
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  severity: z.string(),
  service: z.string(),
  /** Why it matters. */
  description: z.string(),
  remediation: z.object({ text: z.string(), url: z.string() }),
  /** e.g. `CIS-5.0:1.4`; empty when no benchmark covers it. */
  compliance: z.array(z.string()),
});
export type CheckInfo = z.infer<typeof CheckInfoSchema>;

export const CheckCatalogueSchema = z.object({ checks: z.array(CheckInfoSchema) });
export type CheckCatalogue = z.infer<typeof CheckCatalogueSchema>;

/** The region names a scan accepts; `all` (scan whatever the account has enabled) is always allowed too. */
export const RegionListSchema = z.object({ regions: z.array(z.string()) });
export type RegionList = z.infer<typeof RegionListSchema>;
