import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './built-app.js';
import { requireExecutable } from './require-executable.js';

/** Screenshots of each screen a browser test passes through (ignored by git: .artifacts/). */
export const SCREENSHOT_DIR = join(repoRoot, '.artifacts/screenshots');

/**
 * Debian's Chromium (apt package `chromium`, provisioned by infra/browser/install.sh), driven by
 * playwright-core: no browser download. The flags keep it off the network (this machine reaches nothing but
 * the package registries; without them Chromium retries its background connections at every start).
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = requireExecutable('CHROMIUM_PATH', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', 'bash infra/browser/install.sh');
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A browser context as one person at one screen: its own session storage, a desk-sized window. */
export function newPerson(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
}

/** Fails the test on any error the page itself reports (a script error, a failed request logged as an error). */
export function watchForPageErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // 4xx answers the test provokes on purpose are logged by Chromium as failed resources; they are not app errors.
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) errors.push(`console error: ${message.text()}`);
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * The API serves the built web app (dist/web). `npm test` builds it before Jest; a single test file run
 * after an edit of apps/web rebuilds it here.
 */
export function ensureWebAppBuilt(): void {
  let builtAt = 0;
  try {
    builtAt = statSync(join(repoRoot, 'dist/web/index.html')).mtimeMs;
  } catch {
    builtAt = 0;
  }
  if (builtAt < newest(join(repoRoot, 'apps/web'))) execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: repoRoot, stdio: 'inherit' });
}
