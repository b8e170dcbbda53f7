import { lambdaFunctions } from '../../collectors/lambda/functions.js';
import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { RUNTIME_DEPRECATIONS } from './runtime-deprecations.js';

export const supportedRuntime = defineCheck({
  id: 'lambda.supported-runtime',
  title: 'Lambda functions use a supported runtime',
  kind: 'security',
  severity: 'medium',
  description:
    'AWS stops applying security patches to a Lambda runtime on its deprecation date, and later ' +
    'blocks updates to functions that use it, so a fix cannot even be deployed without a migration.',
  remediation: {
    text: 'Move the function to a current runtime of its language, test it, and update its configuration.',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
  },
  compliance: [],
  uses: { functions: lambdaFunctions },
  settings: noSettings,
  evaluate: ({ functions }, _settings, ctx) =>
    functions.map((fn) => {
      const { Runtime, PackageType } = fn.data;
      const name = `Function ${fn.id}`;
      // A container image brings its own runtime, which Lambda does not manage or report.
      if (PackageType === 'Image') return pass(fn, `${name} is a container image; its runtime is managed in the image`);
      if (!Runtime) return unknown(fn, `${name} reports no runtime`);
      const deprecated = RUNTIME_DEPRECATIONS[Runtime];
      if (deprecated === undefined) return pass(fn, `${name} uses ${Runtime}, which has no announced deprecation`);
      return ctx.now.getTime() >= Date.parse(`${deprecated}T00:00:00Z`)
        ? fail(fn, `${name} uses ${Runtime}, deprecated since ${deprecated}`)
        : pass(fn, `${name} uses ${Runtime}, supported until ${deprecated}`);
    }),
});
