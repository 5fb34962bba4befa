import { accessSync, constants } from 'node:fs';

/**
 * Test helpers fail fast, naming the variable and the script that provisions the missing server, instead of
 * letting the Temporal SDK fall back to a download that cannot work offline.
 */
export function requireExecutable(variable: string, path: string, provisionCommand: string): string {
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    throw new Error(`${variable}: no executable at ${path}. Run \`${provisionCommand}\` (or \`npm test\`, which provisions it), or set ${variable}.`);
  }
}
