import { paginateListServerCertificates, type ServerCertificateMetadata } from '@aws-sdk/client-iam';
import { defineCollector } from '../../core/collector.js';
import { GLOBAL_REGION } from '../../core/resource.js';

export const iamServerCertificates = defineCollector<ServerCertificateMetadata>({
  id: 'iam.server-certificates',
  service: 'iam',
  scope: 'global',
  permissions: ['iam:ListServerCertificates'],
  async *collect(ctx) {
    const client = ctx.aws.client('iam', ctx.region);
    for await (const page of paginateListServerCertificates({ client, pageSize: 1000 }, {})) {
      for (const certificate of page.ServerCertificateMetadataList ?? []) {
        const name = certificate.ServerCertificateName ?? '';
        yield {
          arn: certificate.Arn ?? `arn:${ctx.partition}:iam::${ctx.accountId}:server-certificate/${name}`,
          id: name,
          type: 'AWS::IAM::ServerCertificate',
          region: GLOBAL_REGION,
          accountId: ctx.accountId,
          // Tags need a ListServerCertificateTags call per certificate; no check uses them.
          tags: {},
          data: certificate,
        };
      }
    }
  },
});
