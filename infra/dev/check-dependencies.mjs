// Guards two installation invariants the Temporal SDK depends on (reference/temporal.md §3):
// every @temporalio/* package at one exact version, and a single protobufjs 8 shared by them. Nested copies
// make JSON history replay fail with "type must be a Type".
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { repoRoot } from './paths.mjs';

const problems = [];
const scope = resolve(repoRoot, 'node_modules/@temporalio');
const versions = new Map();
for (const name of readdirSync(scope)) {
  const { version } = JSON.parse(readFileSync(resolve(scope, name, 'package.json'), 'utf8'));
  versions.set(`@temporalio/${name}`, version);
}
if (new Set(versions.values()).size !== 1) problems.push(`@temporalio/* versions differ: ${JSON.stringify(Object.fromEntries(versions))}`);

const root = createRequire(resolve(repoRoot, 'package.json')).resolve('protobufjs/package.json');
for (const pkg of ['common', 'proto', 'worker']) {
  const fromPkg = createRequire(resolve(scope, pkg, 'package.json')).resolve('protobufjs/package.json');
  if (fromPkg !== root) problems.push(`@temporalio/${pkg} uses its own protobufjs (${fromPkg}); keep protobufjs ^8 a direct dependency.`);
}
if (!JSON.parse(readFileSync(root, 'utf8')).version.startsWith('8.')) problems.push('the root protobufjs is not 8.x');

if (problems.length) {
  console.error(`[trialflow] dependency invariants broken:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
