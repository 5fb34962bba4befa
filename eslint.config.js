// Code-quality lint. The architecture's import rules are enforced by dependency-cruiser
// (.dependency-cruiser.cjs), which resolves path aliases and relative paths alike.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.tools/**', '.data/**', 'node_modules/**', 'coverage/**', 'test/architecture/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['info', 'warn', 'error'] }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      // Determinism: no ambient randomness or real clocks beyond what the sandbox replaces.
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'use sleep() or condition() from @temporalio/workflow' }, { name: 'setInterval', message: 'use sleep() in a loop' }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*-spec.ts', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['infra/**/*.mjs', 'apps/*/src/main.ts'],
    rules: { 'no-console': 'off' },
  },
);
