import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.venv/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', performance: 'readonly', fetch: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', structuredClone: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read the environment only at the edge (CLI main, config).' },
      ],
    },
  },
  {
    // The dashboard runs in the browser (its tests in jsdom).
    files: ['packages/web/**/*.{ts,tsx}'],
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', navigator: 'readonly', EventSource: 'readonly', MessageEvent: 'readonly', Event: 'readonly',
        DOMException: 'readonly', URLSearchParams: 'readonly', Response: 'readonly', HTMLElement: 'readonly', HTMLInputElement: 'readonly',
        HTMLAnchorElement: 'readonly', HTMLHeadingElement: 'readonly', HTMLUListElement: 'readonly', KeyboardEvent: 'readonly', MouseEvent: 'readonly',
      },
    },
  },
  {
    // The edges that may read the environment: the CLI entry points and test set-up.
    files: ['packages/cli/src/main.ts', 'packages/server/src/main.ts', 'packages/cli/bin/**', 'packages/*/test/**', '**/*.test.ts', 'packages/aws-sim/src/moto.ts', 'packages/aws-sim/src/main.ts', 'packages/*/bench/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
