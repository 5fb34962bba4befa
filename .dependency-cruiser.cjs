/**
 * The import rules of ARCHITECTURE.md, checked on every `npm test` (npm run lint):
 * - libs/domain is pure: it imports only itself and zod (no framework, no I/O, no Node built-ins);
 * - workflows/ import only @temporalio/workflow, libs/domain and the shared message definitions
 *   (libs/contracts), which is what Temporal's deterministic sandbox allows;
 * - apps never import each other; libraries never import apps;
 * - the web app (apps/web) is a browser client of the HTTP API: no library of the repository.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'libs/domain imports nothing internal or framework: only itself and zod (tests may use test libraries).',
      from: { path: '^libs/domain/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: ['^libs/domain/', '^node_modules/zod/'] },
    },
    {
      name: 'demo-data-is-pure',
      severity: 'error',
      comment: 'libs/demo-data is synthetic journeys built on the domain alone: no I/O, the clock is a parameter.',
      from: { path: '^libs/demo-data/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: ['^libs/(domain|demo-data)/'] },
    },
    {
      name: 'workflows-are-deterministic',
      severity: 'error',
      comment: 'workflows/ imports only @temporalio/workflow, libs/domain and libs/contracts (message definitions).',
      from: { path: '^workflows/' },
      to: {
        pathNot: [
          '^workflows/',
          '^libs/domain/',
          '^libs/contracts/',
          '^node_modules/@temporalio/(workflow|common)/',
          '^node_modules/zod/',
        ],
      },
    },
    {
      name: 'contracts-are-definitions-only',
      severity: 'error',
      comment: 'libs/contracts is shared with the workflow sandbox: no I/O, no framework.',
      from: { path: '^libs/contracts/' },
      to: { pathNot: ['^libs/contracts/', '^libs/domain/', '^node_modules/@temporalio/(workflow|common)/', '^node_modules/zod/'] },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'web-is-a-client-of-the-api',
      severity: 'error',
      comment: 'apps/web runs in the browser and talks to the API over HTTP only: it imports no library of this repository (response shapes are declared in apps/web/src/api), only its own files and browser packages.',
      from: { path: '^apps/web/src/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: ['^apps/web/src/', '^node_modules/preact/'] },
    },
    {
      name: 'libs-do-not-import-apps-or-workflows',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(apps|workflows)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { pathNot: '^node_modules' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.tools|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts'] },
    builtInModules: { add: [] },
  },
};
