import type { Browser, Page } from 'playwright-core';
import { ensureWebAppBuilt, launchChromium, newPerson, screenshot, watchForPageErrors } from '../support/browser.js';
import { startDemoSystem } from '../support/demo-system.js';
import type { RunningSystem } from '../support/running-system.js';
import { openStep, record, signInAs } from '../support/web-app-steps.js';

/**
 * A new user's first look at a system started on an empty database with the demo data (as `npm start` does):
 * the coordinator's worklist has today's work, the trial dashboard shows every demo participant of their
 * sites, and a long follow-up journey draws its plot. Screenshots go to .artifacts/screenshots/.
 */
let system: RunningSystem;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureWebAppBuilt();
  system = await startDemoSystem();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

const signIn = (page: Page, username: string) => signInAs(page, system.baseUrl, username);

describe('the demo trial, at first sign-in', () => {
  it('gives the coordinator a worklist with work today: a visit due, one overdue, deviation candidates and signatures awaited', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    watchForPageErrors(page, pageErrors);
    await signIn(page, 'coordinator.a');
    await page.locator('#due-today').getByText('DEMO-U07').first().waitFor();
    await expect(page.locator('#overdue').textContent()).resolves.toMatch(/DEMO-U09/);
    await expect(page.locator('#deviations').textContent()).resolves.toMatch(/DEMO-U13/);
    await page.locator('#signatures').getByText('DEMO-U02').first().waitFor();
    // Only the coordinator's own sites: DEMO-02's participants are not theirs.
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/DEMO-U08/);
    await screenshot(page, 'demo-01-worklist');
    await page.locator('#due-today').getByRole('link', { name: 'DEMO-U07' }).first().click();
    await page.getByRole('heading', { level: 1, name: /DEMO-U07/ }).waitFor();
    await expect(page.getByTestId('phase').textContent()).resolves.toMatch(/DLT window/);
    await screenshot(page, 'demo-02-participant-in-dlt-window');
    await context.close();
  }, 120_000);

  it('shows the trial dashboard with a swimmer lane for every demo participant of the coordinator\'s sites', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    watchForPageErrors(page, pageErrors);
    await signIn(page, 'coordinator.b');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trial dashboard' }).click();
    await page.getByTestId('swimmer-plot').waitFor();
    const lanes = await page.getByTestId('swimmer-lane').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-code')));
    expect(lanes.sort()).toEqual(['DEMO-U03', 'DEMO-U05', 'DEMO-U08', 'DEMO-U10', 'DEMO-U12']);
    // DEMO-U08's two DLT candidates (the investigator's flag and the protocol's rule) await adjudication.
    await expect(page.getByTestId('dlt-board').locator('tr', { hasText: 'IGG4RD' }).textContent()).resolves.toMatch(/0 \/ 2/);
    await screenshot(page, 'demo-03-dashboard-site-b');
    await context.close();
  }, 120_000);

  it('answers the investigator\'s "how many respond?" on the dashboard: DEMO-U09\'s SLEDAI-2K response at month 2, their sites only', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    watchForPageErrors(page, pageErrors);
    await signIn(page, 'investigator.a');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trial dashboard' }).click();
    const efficacy = page.getByTestId('efficacy-summary');
    await efficacy.waitFor();
    const m2 = efficacy.locator('tr[data-cohort="SLE"][data-instrument="SLEDAI-2K"][data-timepoint="M2"]');
    await expect(m2.locator('[data-count="responders"]').textContent()).resolves.toBe('1');
    await expect(m2.textContent()).resolves.toMatch(/100 % \(21–100\)/);
    await expect(page.getByTestId('efficacy-definitions').textContent()).resolves.toMatch(/sri-4\.sledai-component@1\.0\.0/);
    // DEMO-U10's MG-ADL responses are at DEMO-02, not the investigator's site.
    await expect(efficacy.textContent()).resolves.not.toMatch(/MG-ADL/);
    await screenshot(page, 'demo-03b-dashboard-efficacy');
    await context.close();
  }, 120_000);

  it('lets the coordinator do the overdue month 3 visit and record its SLEDAI-2K score, refusing an impossible score', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    watchForPageErrors(page, pageErrors);
    await signIn(page, 'coordinator.a');
    await page.locator('#overdue').getByRole('link', { name: 'DEMO-U09' }).first().click();
    await page.getByRole('heading', { level: 1, name: /DEMO-U09/ }).waitFor();
    const streamId = `participant-${page.url().split('/').at(-1)}`;
    await openStep(page, 'visit');
    const visit = page.locator('#visit');
    await visit.getByLabel('Visit', { exact: true }).selectOption('M3');
    await record(page, 'visit', 'Record visit', /Visit M3 recorded/);
    await openStep(page, 'visit');
    const score = page.locator('#efficacy');
    await score.getByLabel('Visit', { exact: true }).selectOption('M3');
    await score.getByLabel('Instrument').selectOption('SLEDAI-2K');
    await score.getByLabel('Score').fill('200');
    await score.getByRole('button', { name: 'Record score' }).click();
    await page.locator('#efficacy-value-error').waitFor();
    const assessed = () => system.sql.query(`SELECT data FROM events WHERE event_type = 'EfficacyAssessed' AND stream_id = $1 AND data->>'visitId' = 'M3'`, [streamId]);
    expect((await assessed()).rows).toEqual([]);
    await screenshot(page, 'demo-04-efficacy-score-refused');
    await score.getByLabel('Score').fill('2');
    await record(page, 'efficacy', 'Record score', /SLEDAI-2K at M3 recorded/);
    const stored = (await assessed()).rows.map((r) => r.data);
    expect(stored).toEqual([expect.objectContaining({ instrument: 'SLEDAI-2K', value: 2 })]);
    await screenshot(page, 'demo-05-efficacy-score-recorded');
    await context.close();
  }, 120_000);

  it('draws a journey of eighteen months on the participant page', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    watchForPageErrors(page, pageErrors);
    await signIn(page, 'investigator.a');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Participants' }).click();
    await page.getByRole('link', { name: 'DEMO-U11' }).click();
    await page.getByRole('heading', { level: 1, name: /DEMO-U11/ }).waitFor();
    await expect(page.getByTestId('phase').textContent()).resolves.toMatch(/Follow-up/i);
    expect(Number(await page.getByTestId('study-day').textContent())).toBeGreaterThanOrEqual(560);
    await screenshot(page, 'demo-06-long-follow-up');
    await context.close();
  }, 120_000);

  it('shows the auditor an imported record as imported, by whom, and verified against the journey\'s history', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    watchForPageErrors(page, pageErrors);
    await signIn(page, 'auditor.a');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Participants' }).click();
    await page.getByRole('link', { name: 'DEMO-U07' }).click();
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByTestId('verification').filter({ hasText: 'Record verified' }).waitFor();
    await expect(page.getByTestId('imported-by').first().textContent()).resolves.toMatch(/imported by Demo data \(synthetic\)/);
    await screenshot(page, 'demo-07-audit-imported-record');
    await context.close();
  }, 120_000);

  it('raised no script error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
