import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { iamServerCertificates } from '../../collectors/iam/server-certificates.js';
import { isoDay } from '../ages.js';

export const noExpiredServerCertificates = defineCheck({
  id: 'iam.no-expired-server-certificates',
  title: 'No expired SSL/TLS server certificates are stored in IAM',
  kind: 'security',
  severity: 'medium',
  description:
    'An expired certificate still stored in IAM can be deployed to a load balancer or CloudFront ' +
    'by mistake, breaking TLS for clients and hurting trust in the site. Expired ones serve no purpose.',
  remediation: {
    text: 'Make sure nothing uses the certificate, then delete it with `aws iam delete-server-certificate`; prefer ACM, which renews certificates.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html#delete-server-certificate',
  },
  compliance: ['CIS-5.0:1.18'],
  uses: { certificates: iamServerCertificates },
  settings: noSettings,
  evaluate: ({ certificates }, _settings, ctx) =>
    certificates.map((certificate) => {
      const expiration = certificate.data.Expiration;
      if (!expiration) return unknown(certificate, `Server certificate ${certificate.id} has no expiration date in the listing`);
      const date = isoDay(expiration);
      return expiration.getTime() <= ctx.now.getTime()
        ? fail(certificate, `Server certificate ${certificate.id} expired on ${date}`)
        : pass(certificate, `Server certificate ${certificate.id} is valid until ${date}`);
    }),
});
