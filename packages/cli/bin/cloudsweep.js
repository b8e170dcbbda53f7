#!/usr/bin/env -S node --expose-gc
// The SDK warns on every start about Node versions it will drop; noise in a CLI's stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Sources are TypeScript run through tsx: there is no build step to forget in CI.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
