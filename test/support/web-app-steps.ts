import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './api-auth.js';

/** Signs a demo user in through the app's own form and waits for their worklist. */
export async function signInAs(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Worklist', level: 1 }).waitFor();
}

/** Opens a step of the participant page (a <details>) unless it is open already. */
export async function openStep(page: Page, step: string): Promise<void> {
  const details = page.locator(`li[data-step="${step}"] details`);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

/** Submits a form and waits for the page to say it was recorded (the page reloads at the answered version). */
export async function record(page: Page, formId: string, button: string, recorded: RegExp): Promise<void> {
  const notice = page.getByTestId('recorded');
  // Each notice names the record version it shows, so a new one never reads like the one before.
  const before = (await notice.count()) > 0 ? await notice.textContent() : null;
  await page.locator(`#${formId}`).getByRole('button', { name: button }).click();
  const deadline = Date.now() + 20_000;
  for (;;) {
    const text = (await notice.count()) > 0 ? await notice.textContent() : null;
    if (text !== null && text !== before && recorded.test(text)) return;
    if (Date.now() > deadline) throw new Error(`${formId}: no "${String(recorded)}" notice (last: ${text ?? 'none'}; errors: ${await page.locator('.error-summary').allTextContents()})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
