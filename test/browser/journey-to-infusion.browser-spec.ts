import { readFile } from 'node:fs/promises';
import { findProtocol, type SimpleCriterion } from '@trialflow/domain';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/api-auth.js';
import { ensureWebAppBuilt, launchChromium, newPerson, screenshot, watchForPageErrors } from '../support/browser.js';
import { openStep, record, signInAs } from '../support/web-app-steps.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';

/**
 * A coordinator and an investigator take a new participant from registration to the CAR-T infusion in the
 * web app, in a real browser, against the real system (API serving the built app, worker, PostgreSQL,
 * Temporal): every step through the page's own forms, as a site would; then an auditor replays the record as of
 * the signature and exports it. Screenshots of each screen go to .artifacts/screenshots/.
 */
const TRIAL = 'ucart-cd19-bcma';
const protocol = findProtocol(TRIAL)!;
const cohort = protocol.cohorts.find((c) => c.id === 'SLE')!;
const site = protocol.sites.find((s) => s.id === 'DEMO-01')!;
type ObservationCriterion = Extract<SimpleCriterion, { rule: 'observation' }>;
const code = `WB-${Date.now().toString(36).toUpperCase()}`;
/** A journey through the browser takes tens of seconds: dozens of forms, each answered by the real journey. */
const FLOW_TIMEOUT = 300_000;

/** A site-clock reading (`YYYY-MM-DDTHH:mm`) of an instant, as the datetime inputs take it. */
const siteClock = (epochMs: number): string => new Date(epochMs + site.utcOffsetMinutes * 60_000).toISOString().slice(0, 16);
const siteDate = (daysFromToday: number): string => siteClock(Date.now() + daysFromToday * 86_400_000).slice(0, 10);

let system: RunningSystem;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureWebAppBuilt();
  system = await startSystem();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

const signIn = (page: Page, username: string) => signInAs(page, system.baseUrl, username);

/** A value that meets a criterion (the protocol's threshold, on its right side). */
function passingValue(c: ObservationCriterion): string {
  if (typeof c.threshold === 'boolean') return String(c.threshold);
  const n = Number(c.threshold);
  return String(c.comparator === '>' ? n + 1 : c.comparator === '<' ? n - 1 : n);
}

describe('the web app: a participant from registration to infusion', () => {
  let participantUrl = '';

  it('signs the coordinator in and shows who they are, their role and their sites', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    watchForPageErrors(page, pageErrors);
    await page.goto(`${system.baseUrl}/participants`);
    // Not signed in: the app asks for sign-in first, then goes where the user was going.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, '01-sign-in');
    await page.getByLabel('User name').fill('coordinator.a');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'not right' }).waitFor();
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Participants', level: 1 }).waitFor();
    const user = page.getByTestId('signed-in-user');
    await expect(user.textContent()).resolves.toMatch(/Li Na.*Study coordinator.*DEMO-01 · CN-BJ-GB/);
    // The token lives in this tab's session storage only.
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await context.close();
  }, FLOW_TIMEOUT);

  it('lets the coordinator register a participant, record consent and screening, and shows a field error for a bad value', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    watchForPageErrors(page, pageErrors);
    await signIn(page, 'coordinator.a');
    await screenshot(page, '02-worklist-coordinator');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Participants' }).click();
    await page.getByLabel('Participant code').fill(code);
    await page.getByLabel('Age (years)').fill('34');
    await page.getByLabel('Sex at birth').selectOption('F');
    await screenshot(page, '03-participants-register');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
    participantUrl = page.url();
    expect(participantUrl).toMatch(/\/participants\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('phase').textContent()).resolves.toBe('Screening');
    await screenshot(page, '04-participant-registered');

    // Consent is the next step, open by default.
    await page.locator('#consent').getByLabel("Participant's name (as signed)").fill('Participant');
    await page.locator('#consent').getByLabel("Investigator's name (as signed)").fill('Dr Wang Lei');
    await record(page, 'consent', 'Record consent', /Consent recorded/);

    // A bad value: an observation dated in the future. The API refuses it naming the field; the page shows the
    // message at that input (aria-invalid, described by the message) and in the summary, and records nothing.
    // Two days ahead: the API allows a date up to 24 h past UTC midnight, so the site's tomorrow is accepted
    // in the first hours of a UTC day (the site is ahead of UTC).
    await openStep(page, 'observations');
    const observation = page.locator('#observation');
    const first = cohort.eligibility.flatMap((c) => (c.rule === 'anyOf' ? c.criteria : [c])).find((c): c is ObservationCriterion => c.rule === 'observation' && typeof c.threshold === 'number')!;
    await observation.getByLabel('Criterion', { exact: true }).selectOption(first.code);
    await observation.getByLabel(/^Value/).fill(passingValue(first));
    await observation.getByLabel('Observed on').fill(siteDate(2));
    await observation.getByRole('button', { name: 'Record observation' }).click();
    const observedOn = observation.getByLabel('Observed on');
    await page.locator('#observation-observedOn-error').waitFor();
    await expect(page.locator('#observation-observedOn-error').textContent()).resolves.toMatch(/future/);
    await expect(observedOn.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(observedOn.getAttribute('aria-describedby')).resolves.toContain('observation-observedOn-error');
    await expect(observation.locator('.error-summary').textContent()).resolves.toMatch(/observedOn/);
    await screenshot(page, '05-screening-field-error');
    const stored = await system.sql.query(`SELECT count(*)::int AS n FROM events WHERE event_type = 'ScreeningObservationRecorded' AND stream_id = $1`, [`participant-${participantUrl.split('/').at(-1)}`]);
    expect(stored.rows[0].n).toBe(0);

    // Every observation criterion, dated today.
    const observations = cohort.eligibility.flatMap((c) => (c.rule === 'anyOf' ? c.criteria : [c])).filter((c): c is ObservationCriterion => c.rule === 'observation');
    for (const criterion of observations) {
      await observation.getByLabel('Criterion', { exact: true }).selectOption(criterion.code);
      if (typeof criterion.threshold === 'boolean') await observation.getByLabel('Result').selectOption(String(criterion.threshold));
      else await observation.getByLabel(/^Value/).fill(passingValue(criterion));
      await observation.getByLabel('Observed on').fill(siteDate(0));
      await record(page, 'observation', 'Record observation', new RegExp(`${criterion.code} recorded`));
    }
    await screenshot(page, '06-screening-observations');
    await context.close();
  }, FLOW_TIMEOUT);

  it('lets the investigator attest, and the coordinator evaluate; the investigator e-signs with the password', async () => {
    const investigator = await (await newPerson(browser)).newPage();
    watchForPageErrors(investigator, pageErrors);
    await signIn(investigator, 'investigator.a');
    await investigator.goto(participantUrl);
    await openStep(investigator, 'attestations');
    const attestations = cohort.eligibility.filter((c): c is SimpleCriterion => c.rule === 'attestation');
    for (const criterion of attestations) {
      await investigator.locator('#attestation').getByLabel('Criterion', { exact: true }).selectOption(criterion.code);
      await record(investigator, 'attestation', 'Record attestation', new RegExp(`${criterion.code} attested`));
    }

    const coordinator = await (await newPerson(browser)).newPage();
    watchForPageErrors(coordinator, pageErrors);
    await signIn(coordinator, 'coordinator.a');
    await coordinator.goto(participantUrl);
    // The coordinator sees the investigator's steps but no form for them.
    await openStep(coordinator, 'sign');
    await expect(coordinator.locator('#sign').count()).resolves.toBe(0);
    await openStep(coordinator, 'evaluate');
    await record(coordinator, 'evaluate', 'Evaluate eligibility now', /Eligibility evaluated/);
    await expect(coordinator.locator('li[data-step="evaluate"]').textContent()).resolves.toMatch(/Eligible/);

    // The pending signature is on the worklist, one click from the participant.
    await investigator.goto(`${system.baseUrl}/`);
    const pending = investigator.locator('#signatures');
    await pending.getByRole('link', { name: code }).waitFor();
    await screenshot(investigator, '07-worklist-pending-signature');
    await pending.getByRole('link', { name: code }).click();
    await investigator.locator('#sign').waitFor();
    const sign = investigator.locator('#sign');
    await sign.getByLabel('Your password').fill(DEMO_PASSWORD);
    await screenshot(investigator, '08-eligibility-signature');
    await record(investigator, 'sign', 'Sign', /Eligibility signed/);
    await expect(investigator.locator('li[data-step="sign"]').textContent()).resolves.toMatch(/Signed by Dr Wang Lei/);
    await investigator.context().close();
    await coordinator.context().close();
  }, FLOW_TIMEOUT);

  it('takes the coordinator from enrolment through lymphodepletion, thaw and infusion to day 0', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    watchForPageErrors(page, pageErrors);
    await signIn(page, 'coordinator.a');
    await page.goto(participantUrl);

    await record(page, 'enrol', 'Enrol', /Enrolled/);
    await expect(page.getByTestId('phase').textContent()).resolves.toBe('Enrolled');

    await openStep(page, 'medication-stop');
    const stop = page.locator('#medication-stop');
    await stop.getByLabel('Drug class').selectOption(protocol.washout.classes[2]!.drugClass);
    await stop.getByLabel('Drug', { exact: true }).fill('mycophenolate');
    await stop.getByLabel('Last dose on').fill(siteDate(-40));
    await record(page, 'medication-stop', 'Record medication stop', /mycophenolate stop recorded/);

    await openStep(page, 'product-lot');
    const lot = page.locator('#product-lot');
    await lot.getByLabel('Lot number').fill('LOT-42');
    await lot.getByLabel('Bag ids').fill('BAG-1');
    await lot.getByLabel('CAR+ viable cells per bag').fill('6e7');
    await record(page, 'product-lot', 'Allocate lot', /Product lot allocated/);

    await openStep(page, 'ld-calculation');
    const calculation = page.locator('#ld-calculation');
    await calculation.getByLabel('Height').fill('160');
    await calculation.getByLabel('Weight').fill('60');
    await calculation.getByLabel('Serum creatinine').fill('0.8');
    await calculation.locator('select[name="serumCreatinine.unit"]').selectOption('mg/dL');
    await calculation.getByLabel('Measured on').fill(siteDate(-6));
    await record(page, 'ld-calculation', 'Calculate doses', /Doses calculated/);

    // The doses step shows the calculation with its inputs: BSA 1.63 m² (Mosteller), fludarabine 30 mg/m² → 48.9 mg.
    const doses = page.locator('li[data-step="ld-dose"]');
    const shown = doses.getByTestId('ld-calculation');
    await shown.waitFor();
    await expect(shown.textContent()).resolves.toMatch(/1\.63 m²/);
    await expect(shown.textContent()).resolves.toMatch(/48\.9 mg/);
    await expect(shown.textContent()).resolves.toMatch(/60 kg/);
    await screenshot(page, '09-lymphodepletion-calculation');

    // Six doses on days -5, -4, -3, entered now as given three, two and one days ago.
    for (let i = 0; i < 6; i += 1) {
      const form = page.locator('#ld-dose');
      const planned = (await form.getByLabel('Planned dose').locator('option:checked').textContent()) ?? '';
      const day = Number(/D(-\d+)/.exec(planned)![1]);
      // Regimen day D-5 was three days ago: the infusion is today.
      await form.getByLabel('Given at (site time)').fill(siteClock(Date.now() - (-day - 2) * 86_400_000));
      await record(page, 'ld-dose', 'Record dose', new RegExp(`D${day} recorded`));
    }
    await expect(page.getByTestId('phase').textContent()).resolves.toBe('Awaiting infusion');

    const check = page.locator('#pre-infusion-check');
    for (const item of ['Afebrile', 'No active infection', 'Labs within 7 days', 'Tocilizumab available on site']) await check.getByLabel(item).check();
    await record(page, 'pre-infusion-check', 'Record check', /Pre-infusion check recorded/);

    await page.locator('#thaw').getByLabel('Thaw started at (site time)').fill(siteClock(Date.now() - 30 * 60_000));
    await record(page, 'thaw', 'Record thaw start', /Thaw started/);
    const countdown = page.getByTestId('thaw-countdown').first();
    await expect(countdown.textContent()).resolves.toMatch(/Infuse within\s*(29|30|2\d):\d\d/);
    await screenshot(page, '10-thaw-countdown');

    const infusion = page.locator('#infusion');
    await infusion.getByLabel('Started at (site time)').fill(siteClock(Date.now() - 20 * 60_000));
    await infusion.getByLabel('Completed at (site time)').fill(siteClock(Date.now() - 5 * 60_000));
    await record(page, 'infusion', 'Record infusion', /Infusion recorded/);
    await expect(page.getByTestId('phase').textContent()).resolves.toBe('DLT window');
    await expect(page.getByTestId('study-day').textContent()).resolves.toBe('0');
    // The plot now has the infusion, the DLT window and the visits in their windows.
    const plot = page.locator('figure.timeline-plot svg');
    await expect(plot.locator('.infusion').count()).resolves.toBe(1);
    await expect(plot.locator('.dlt-window').count()).resolves.toBe(1);
    await expect(plot.locator('.visit').count()).resolves.toBeGreaterThan(2);
    await expect(page.getByTestId('event-list').textContent()).resolves.toMatch(/Infusion completed/);
    await screenshot(page, '11-participant-infused');

    // Back on the worklist, the first visit after infusion is there, one click from the participant.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worklist' }).click();
    const comingUp = page.locator('#coming-up');
    await comingUp.getByRole('link', { name: code }).first().waitFor();
    await expect(comingUp.textContent()).resolves.toMatch(/Week 1/);
    await screenshot(page, '12-worklist-after-infusion');
    await comingUp.getByRole('link', { name: code }).first().click();
    await page.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
    await context.close();
  }, FLOW_TIMEOUT);

  it('records CRS assessments and an AE after the infusion, shows the first visit window, and the investigator signs a DLT adjudication', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    watchForPageErrors(page, pageErrors);
    await signIn(page, 'coordinator.a');
    await page.goto(participantUrl);
    const streamId = `participant-${participantUrl.split('/').at(-1)}`;

    // CRS: raw ASTCT parameters in, the grade the journey derived out (fever ≥38 °C alone is grade 1).
    await openStep(page, 'crs');
    await page.locator('#crs').getByLabel('Assessed at (site time)').fill(siteClock(Date.now() - 60_000));
    await page.locator('#crs').getByLabel('Highest temperature (°C)').fill('38.6');
    await record(page, 'crs', 'Record CRS assessment', /CRS assessment recorded/);
    await expect(page.getByTestId('crs-grades').textContent()).resolves.toMatch(/CRS grade 1/);
    await expect(page.locator('li[data-step="crs"] summary').textContent()).resolves.toMatch(/Latest: grade 1/);
    await screenshot(page, '13-crs-assessment-graded');

    // An AE, listed with its grade.
    await openStep(page, 'adverse-event');
    const ae = page.locator('#adverse-event');
    await ae.getByLabel('CTCAE term').fill('Headache');
    await ae.getByLabel('Grade').selectOption('2');
    await ae.getByLabel('Causality').selectOption('POSSIBLE');
    await record(page, 'adverse-event', 'Report adverse event', /Adverse event Headache recorded/);
    await expect(page.getByTestId('adverse-events').textContent()).resolves.toMatch(/Headache: grade 2/);
    await expect(page.locator('li[data-step="dlt-adjudication"] summary').textContent()).resolves.toMatch(/No DLT candidate flagged/);
    await screenshot(page, '14-adverse-event-reported');

    // The first visit (Week 1, D7) is a week away: its window is shown, and its target date, still in the
    // future, is refused by the API at the date input (nothing stored). Recording it in its window needs a week.
    const visit = page.locator('#visit');
    await expect(visit.getByLabel('Visit', { exact: true }).inputValue()).resolves.toBe('D7');
    // The window is the protocol's (D7 from the infusion today), as the page writes dates.
    const d7 = protocol.visits.find((v) => v.id === 'D7')!;
    const shown = (days: number) => new Date(`${siteDate(days)}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    await expect(visit.getByTestId('visit-window').textContent()).resolves.toBe(`Week 1: target ${shown(7)}, window ${shown(7 - d7.windowBeforeDays)} – ${shown(7 + d7.windowAfterDays)}`);
    await visit.getByLabel('Date of the visit').fill(siteDate(7));
    await visit.getByRole('button', { name: 'Record visit' }).click();
    await page.locator('#visit-actualDate-error').waitFor();
    await expect(page.locator('#visit-actualDate-error').textContent()).resolves.toMatch(/future/);
    await expect(visit.getByLabel('Date of the visit').getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, '15-visit-window-and-refusal');

    // The CRS worsens: fever with hypotension on several vasopressors is grade 4, a DLT candidate (rule CRS-G4).
    await openStep(page, 'crs');
    await page.locator('#crs').getByLabel('Assessed at (site time)').fill(siteClock(Date.now()));
    await page.locator('#crs').getByLabel('Highest temperature (°C)').fill('39.4');
    await page.locator('#crs').getByLabel('Hypotension support').selectOption('multiple-vasopressors');
    await record(page, 'crs', 'Record CRS assessment', /CRS assessment recorded/);
    await expect(page.getByTestId('crs-grades').textContent()).resolves.toMatch(/CRS grade 4/);
    await expect(page.locator('li[data-step="dlt-adjudication"] summary').textContent()).resolves.toMatch(/1 candidate\(s\) to adjudicate/);
    const visits = await system.sql.query(`SELECT count(*)::int AS n FROM events WHERE event_type = 'VisitCompleted' AND stream_id = $1`, [streamId]);
    expect(visits.rows[0].n).toBe(0);
    await context.close();

    // The investigator adjudicates the candidate: a rationale is required (field error), then signs with the password.
    const investigator = await (await newPerson(browser)).newPage();
    watchForPageErrors(investigator, pageErrors);
    await signIn(investigator, 'investigator.a');
    await investigator.goto(participantUrl);
    await openStep(investigator, 'dlt-adjudication');
    const adjudication = investigator.locator('#dlt-adjudication');
    await expect(adjudication.getByLabel('Candidate').inputValue()).resolves.toMatch(/^CRS-G4:/);
    await adjudication.getByLabel('Your password').fill(DEMO_PASSWORD);
    await adjudication.getByRole('button', { name: 'Sign adjudication' }).click();
    await investigator.locator('#dlt-adjudication-rationale-error').waitFor();
    // The password is not kept in the page after it was sent.
    await expect(adjudication.getByLabel('Your password').inputValue()).resolves.toBe('');
    await adjudication.getByLabel('Decision').selectOption('true');
    await adjudication.getByLabel('Clinical rationale').fill('Grade 4 CRS within the DLT window.');
    await adjudication.getByLabel('Your password').fill(DEMO_PASSWORD);
    await screenshot(investigator, '16-dlt-adjudication');
    await record(investigator, 'dlt-adjudication', 'Sign adjudication', /DLT adjudication signed/);
    await expect(investigator.locator('li[data-step="dlt-adjudication"] summary').textContent()).resolves.toMatch(/1 adjudicated/);
    const signed = await system.sql.query(`SELECT count(*)::int AS n FROM events WHERE event_type = 'DltAdjudicated' AND stream_id = $1`, [streamId]);
    expect(signed.rows[0].n).toBe(1);
    await investigator.context().close();
  }, FLOW_TIMEOUT);

  it('records an ICANS assessment (the journey derives the grade) and corrects the AE grade with a reason, refused without one', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    watchForPageErrors(page, pageErrors);
    await signIn(page, 'coordinator.a');
    await page.goto(participantUrl);
    const streamId = `participant-${participantUrl.split('/').at(-1)}`;

    // ICANS: an ICE score of 8 with the participant alert and no other finding is grade 1 (ASTCT, Lee 2019).
    await openStep(page, 'icans');
    const icans = page.locator('#icans');
    await icans.getByLabel('Assessed at (site time)').fill(siteClock(Date.now() - 60_000));
    await icans.getByLabel('Instrument').selectOption('ice');
    await icans.getByLabel('Score').fill('8');
    await icans.getByLabel('Consciousness').selectOption('awakens-spontaneously');
    await record(page, 'icans', 'Record ICANS assessment', /ICANS assessment recorded/);
    await expect(page.getByTestId('icans-grades').textContent()).resolves.toMatch(/ICANS grade 1/);
    await expect(page.locator('li[data-step="icans"] summary').textContent()).resolves.toMatch(/Latest: grade 1/);
    const assessed = await system.sql.query(`SELECT data FROM events WHERE event_type = 'IcansAssessed' AND stream_id = $1`, [streamId]);
    expect(assessed.rows.map((r) => [r.data.grade, r.data.parameters.encephalopathy, r.data.parameters.consciousness])).toEqual([[1, { instrument: 'ice', score: 8 }, 'awakens-spontaneously']]);
    await screenshot(page, '16a-icans-assessment-graded');

    // A correction of the Headache AE's grade: without a reason the journey refuses it at the reason's input
    // (nothing stored); with one, the correction is stored beside the original value and the page shows grade 1.
    const reported = await system.sql.query(`SELECT data->>'entryId' AS "entryId" FROM events WHERE event_type = 'AdverseEventReported' AND stream_id = $1 AND data->>'term' = 'Headache'`, [streamId]);
    const aeEntryId: string = reported.rows[0].entryId;
    await openStep(page, 'correction');
    const correction = page.locator('#correction');
    await correction.getByLabel('Entry').selectOption(aeEntryId);
    await correction.getByLabel('Field').selectOption('grade');
    await expect(correction.getByTestId('correction-current').textContent()).resolves.toMatch(/Recorded: 2/);
    await correction.getByLabel('Corrected value').fill('1');
    await correction.getByRole('button', { name: 'Record correction' }).click();
    await page.locator('#correction-reason-error').waitFor();
    await expect(page.locator('#correction-reason-error').textContent()).resolves.toMatch(/reason is required/);
    await expect(correction.getByLabel('Reason for the correction').getAttribute('aria-invalid')).resolves.toBe('true');
    const corrections = () => system.sql.query(`SELECT data, metadata FROM events WHERE event_type = 'EntryCorrected' AND stream_id = $1`, [streamId]);
    expect((await corrections()).rows).toEqual([]);
    await screenshot(page, '16b-correction-reason-required');
    await correction.getByLabel('Reason for the correction').fill('Re-graded after the neurology review');
    await record(page, 'correction', 'Record correction', /Correction of grade recorded/);
    await expect(page.getByTestId('adverse-events').textContent()).resolves.toMatch(/Headache: grade 1/);
    const stored = (await corrections()).rows;
    expect(stored.map((r) => [r.data.entryId, r.data.entryType, r.data.changes, r.data.reason, r.metadata.actor.id])).toEqual([
      [aeEntryId, 'AdverseEventReported', { grade: { previous: 2, corrected: 1 } }, 'Re-graded after the neurology review', 'coordinator.a'],
    ]);
    // The original report is untouched: the event list shows it corrected by the new event.
    expect((await system.sql.query(`SELECT data->>'grade' AS grade FROM events WHERE event_type = 'AdverseEventReported' AND stream_id = $1 AND data->>'term' = 'Headache'`, [streamId])).rows).toEqual([{ grade: '2' }]);
    await screenshot(page, '16c-correction-recorded');
    await context.close();
  }, FLOW_TIMEOUT);

  it('lets the auditor read the participant, replay it as of a past instant and export ODM, and change nothing', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    watchForPageErrors(page, pageErrors);
    await signIn(page, 'auditor.a');
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toMatch(/Auditor/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Participants' }).click();
    // No registration form for an auditor.
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
    await expect(page.locator('form.command-form').count()).resolves.toBe(0);
    await expect(page.locator('.steps').textContent()).resolves.toMatch(/recording is for coordinators and investigators/);

    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByTestId('verification').filter({ hasText: 'Record verified' }).waitFor();
    await page.getByTestId('phase-as-of').filter({ hasText: 'DLT window' }).waitFor();
    // The worklist as of now: nothing awaits a signature (eligibility signed, the DLT adjudicated); Week 1 comes up.
    const signaturesThen = page.getByTestId('as-of-signatures');
    await expect(signaturesThen.textContent()).resolves.toMatch(/None\./);
    await expect(page.getByTestId('as-of-coming-up').textContent()).resolves.toMatch(/Week 1/);

    const rows = await page.getByTestId('audit-events').locator('tbody tr').allTextContents();
    const stepTo = (index: number) =>
      page.locator('#as-of-step').evaluate((input, i) => {
        (input as unknown as { value: string }).value = String(i);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, index);
    // As of the DLT candidate's flagging, its adjudication awaited the investigator's signature.
    const flagged = rows.findIndex((r) => r.includes('DLT candidate flagged'));
    expect(flagged).toBeGreaterThan(0);
    await stepTo(flagged);
    await signaturesThen.filter({ hasText: 'DLT candidate to adjudicate (CRS-G4)' }).waitFor();
    await screenshot(page, '16d-audit-worklist-as-of-dlt-candidate');
    // As of the eligibility evaluation, the evaluation awaited it.
    const evaluatedAt = rows.findIndex((r) => r.includes('Eligibility evaluated'));
    await stepTo(evaluatedAt);
    await signaturesThen.filter({ hasText: 'Eligibility evaluation to sign' }).waitFor();
    await expect(page.getByTestId('state-as-of').textContent()).resolves.toMatch(/eligible, not signed/);

    // Step to the moment the investigator signed eligibility: the state then, not now, and nothing left to sign.
    const signedAt = rows.findIndex((r) => r.includes('Eligibility signed'));
    expect(signedAt).toBeGreaterThan(evaluatedAt);
    await stepTo(signedAt);
    await page.getByTestId('phase-as-of').filter({ hasText: 'Screening' }).waitFor();
    await signaturesThen.filter({ hasText: 'None.' }).waitFor();
    await expect(page.getByTestId('state-as-of').textContent()).resolves.toMatch(/signed by Dr Wang Lei/);
    await expect(page.getByTestId('audit-events').locator('tr.after-as-of').count()).resolves.toBe(rows.length - signedAt - 1);
    await screenshot(page, '13-audit-as-of-signature');

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export ODM (XML)' }).click()]);
    expect(file.suggestedFilename()).toMatch(/\.odm\.xml$/);
    const xml = (await readFile((await file.path())!)).toString('utf8');
    expect(xml).toContain('<ODM');
    expect(xml).toContain(code);
    await page.getByTestId('export-done').waitFor();
    await screenshot(page, '14-audit-exported');
    await context.close();
  }, FLOW_TIMEOUT);

  it('shows the trial dashboard: the cohort counts, the participant\'s swimmer lane with its CRS grades and AE, and the DLT board', async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    watchForPageErrors(page, pageErrors);
    await signIn(page, 'coordinator.a');
    const participantId = participantUrl.split('/').at(-1);
    const own = await system.sql.query<{ trial_id: string; cohort_id: string }>(`SELECT trial_id, cohort_id FROM rm_participants WHERE participant_id = $1`, [participantId]);
    const { trial_id: trialId, cohort_id: cohortId } = own.rows[0]!;
    // What the dashboard should count: the roster of the coordinator's sites, per phase, at this moment.
    const expected = await system.sql.query<{ phase: string; n: number }>(
      `SELECT phase, count(*)::int AS n FROM rm_participants WHERE trial_id = $1 AND cohort_id = $2 AND site_id IN ('DEMO-01', 'CN-BJ-GB') GROUP BY phase`,
      [trialId, cohortId],
    );

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trial dashboard' }).click();
    await page.getByRole('heading', { name: 'Trial dashboard', level: 1 }).waitFor();
    if ((await page.locator('#dashboard-trial').inputValue()) !== trialId) await page.locator('#dashboard-trial').selectOption(trialId);
    const row = page.getByTestId('enrolment').locator(`tr[data-cohort="${cohortId}"]`);
    await row.waitFor();
    await expect(row.locator('td[data-phase="TOTAL"]').textContent()).resolves.toBe(String(expected.rows.reduce((sum, r) => sum + r.n, 0)));
    for (const { phase, n } of expected.rows) await expect(row.locator(`td[data-phase="${phase}"]`).textContent()).resolves.toBe(String(n));
    await expect(row.locator('td[data-phase="DLT_WINDOW"]').textContent()).resolves.not.toBe('0');

    // The participant's lane: infused (day 0 onwards, DLT window shaded), the CRS grades 1 and 4 and the AE.
    const lane = page.locator(`[data-testid="swimmer-lane"][data-code="${code}"]`);
    await lane.waitFor();
    await expect(lane.getAttribute('class')).resolves.toBe('lane');
    await expect(lane.locator('.dlt-window').count()).resolves.toBe(1);
    await expect(lane.getByTestId('swimmer-tox').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/^C1/), expect.stringMatching(/^C4/)]));
    await expect(lane.getByTestId('swimmer-ae').count()).resolves.toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('dlt-board').textContent()).resolves.toContain(cohortId);
    await screenshot(page, '17-trial-dashboard');
    await context.close();
  }, FLOW_TIMEOUT);

  it('raised no script error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
