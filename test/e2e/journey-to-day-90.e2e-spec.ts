import { WorkflowNotFoundError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { participantWorkflowId } from '@trialflow/contracts';
import { addDaysToDate } from '@trialflow/domain';
import { checkOdm, ODM_NS } from '../../libs/read-models/src/testing/odm-1-3-2.js';
import { DEMO_PASSWORD } from '../support/api-auth.js';
import { fetchAs } from '../support/audited-journey.js';
import { call, HttpJourney, recordedBy, storedState, type HttpAnswer } from '../support/http-journey.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';
import { createTimeSkippingEnv } from '../support/time-skipping-env.js';

/**
 * One participant of each seed trial, from registration to day 90 after the infusion, over HTTP on the real
 * API and worker, with Temporal's time-skipping server standing in for the months in between. Every step also
 * sends a malformed request (400 naming each bad field) and, where a protocol rule applies, one that breaks it
 * (422 with the rule's code): each is shown to have changed nothing stored.
 *
 * Time skipping: awaiting an Update never unlocks it (only `env.sleep` does), and it stops while a workflow
 * task or activity is outstanding; so each skip waits for the journey to be quiet first (`HttpJourney.settled`).
 * Between skips the server's clock runs in real time, offset from the machine's by what was skipped: clinical
 * dates and instants are taken from it. Steps happen at 09:00 or 10:00 site time, hours away from every timer
 * (reminders at 08:00, windows at midnight), so a refused request is never compared across a fired timer.
 */
let env: TestWorkflowEnvironment;
let system: RunningSystem;
/** Server clock minus machine clock, read after each skip. */
let skippedMs = 0;
const serverNow = () => Date.now() + skippedMs;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  system = await startSystem({ TEMPORAL_ADDRESS: env.address });
  skippedMs = (await env.currentTimeMs()) - Date.now();
});

afterAll(async () => {
  await system?.stop();
  await env?.teardown();
});

/** Skips the server's clock to a local date and time at the participant's site. */
async function skipToSiteTime(j: HttpJourney, date: string, time: string): Promise<void> {
  const target = Date.parse(`${date}T${time}:00Z`) - j.siteOffsetMinutes * 60_000;
  const ms = target - (await env.currentTimeMs());
  if (ms <= 0) throw new Error(`the clock is already past ${date} ${time} at the site`);
  await env.sleep(ms);
  skippedMs = (await env.currentTimeMs()) - Date.now();
}

/** Skips, once the journey is quiet, to a site-local date and time; returns once what fell due is stored. */
async function skipTo(j: HttpJourney, date: string, time: string): Promise<void> {
  await j.settled();
  await skipToSiteTime(j, date, time);
  await j.settled();
}

/** The fields a problem names (a field may come with several messages, e.g. an empty code: empty, blank ends). */
const fieldsOf = (answer: HttpAnswer): string[] => [...new Set(((answer.json.errors ?? []) as { field: string }[]).map((e) => e.field))].sort();

/** A malformed command: 400 VALIDATION_FAILED listing exactly these fields; nothing stored. */
async function malformed(j: HttpJourney, path: string, body: Record<string, unknown>, fields: string[], as = j.coordinator): Promise<void> {
  const answer = await j.refused(path, body, as);
  expect({ path, status: answer.status, code: answer.json.code, fields: fieldsOf(answer) }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED', fields: [...fields].sort() });
}

/** A well-formed command a protocol rule forbids: 422 (409 for a conflict) with the rule's code and field; nothing stored. */
async function ruleBroken(j: HttpJourney, path: string, body: Record<string, unknown>, code: string, field: string | null, options: { as?: typeof j.coordinator; status?: number } = {}): Promise<void> {
  const answer = await j.refused(path, body, options.as ?? j.coordinator);
  expect({ path, status: answer.status, code: answer.json.code, fields: fieldsOf(answer) }).toEqual({ path, status: options.status ?? 422, code, fields: field === null ? [] : [field] });
  expect(answer.json.detail).toEqual(expect.any(String));
}

/** The participant's stored events, in order. */
async function storedEvents(j: HttpJourney): Promise<{ type: string; data: any; occurredAt: string }[]> {
  const { rows } = await system.sql.query(`SELECT event_type, data, occurred_at FROM events WHERE stream_id = $1 ORDER BY stream_position`, [`participant-${j.participantId}`]);
  return rows.map((r: { event_type: string; data: unknown; occurred_at: Date }) => ({ type: r.event_type, data: r.data, occurredAt: r.occurred_at.toISOString() }));
}

/** What one successful command recorded, by type. */
async function recorded(j: HttpJourney, answer: HttpAnswer & { commandId: string }): Promise<string[]> {
  return (await recordedBy(system.sql, j.participantId, answer.commandId, answer.json.streamVersion)).map((e) => e.type);
}

const get = (j: HttpJourney, path: string, as = j.coordinator) => call(system.baseUrl, as, 'GET', path);

interface TrialCase {
  readonly trialId: string;
  readonly cohortId: string;
  readonly siteId: string;
  /** A cohort of the other seed trial, not of this one. */
  readonly foreignCohortId: string;
}

function journeyToDay90({ trialId, cohortId, siteId, foreignCohortId }: TrialCase): void {
  describe(`${trialId} / ${cohortId}: registration to day 90 after infusion, over HTTP with time skipping`, () => {
    let journey: HttpJourney;
    /** Site-local dates: washout complete (the first lymphodepletion day, D-5) and the infusion (D0). */
    let ldStart = '';
    let d0 = '';
    let aeEntryId = '';

    beforeAll(() => {
      journey = new HttpJourney(system, trialId, cohortId, siteId).withClock(serverNow);
    });

    // The journey stays open for months of follow-up: its timers must not fire into the next trial's skips.
    afterAll(async () => {
      if (journey?.participantId) await system.temporal.workflow.getHandle(participantWorkflowId(journey.participantCode)).terminate('end-to-end test finished').catch(() => undefined);
    });

    it('registers the participant; a malformed registration (400) and a cohort of another trial (422) start nothing', async () => {
      const screeningDay = journey.today(1);
      await skipToSiteTime(journey, screeningDay, '09:00');
      expect(journey.today()).toBe(screeningDay);

      const path = `/v1/trials/${trialId}/participants`;
      const before = await storedState(system.sql);
      const bad = await call(system.baseUrl, 'coordinator.a', 'POST', path, { ...journey.registrationBody(), participantCode: 'not a code', siteId: undefined, ageYears: 34.5, sex: 'X' });
      expect([bad.status, bad.json.code, fieldsOf(bad)]).toEqual([400, 'VALIDATION_FAILED', ['ageYears', 'participantCode', 'sex', 'siteId']]);
      const foreign = await call(system.baseUrl, 'coordinator.a', 'POST', path, { ...journey.registrationBody(), cohortId: foreignCohortId });
      expect([foreign.status, foreign.json.code, fieldsOf(foreign)]).toEqual([422, 'COHORT_NOT_IN_TRIAL', ['cohortId']]);
      expect(await storedState(system.sql)).toEqual(before);
      await expect(system.temporal.workflow.getHandle(participantWorkflowId(journey.participantCode)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

      const registered = await journey.register();
      expect(registered.status).toBe(201);
      expect(registered.json.summary).toMatchObject({ participantCode: journey.participantCode, trialId, cohortId, siteId, phase: 'SCREENING' });
      expect(await journey.settled()).toBe(1);
    });

    it('consents and screens: each command refuses a malformed and a rule-breaking request', async () => {
      await malformed(journey, 'consent', { ...journey.consentBody(), signedOn: '22/11/2026', signers: [] }, ['signedOn', 'signers']);
      await ruleBroken(journey, 'consent', { ...journey.consentBody(), icfVersion: '9.9' }, 'ICF_VERSION_UNKNOWN', 'icfVersion');
      expect(await recorded(journey, await journey.ok('consent', journey.consentBody()))).toEqual(['ConsentSigned']);

      const observation = { code: 'ALT', value: 20, unit: 'U/L', observedOn: journey.today(), source: 'local lab' };
      await malformed(journey, 'screening/observations', { ...observation, value: { alt: 20 }, observedOn: undefined }, ['observedOn', 'value']);
      await ruleBroken(journey, 'screening/observations', { ...observation, observedOn: journey.today(2) }, 'DATE_IN_FUTURE', 'observedOn');
      const attestation = { criterionCode: journey.cohort.eligibility.flatMap((c) => (c.rule === 'attestation' ? [c.code] : []))[0], attested: true };
      await malformed(journey, 'screening/attestations', { ...attestation, attested: 'yes' }, ['attested'], journey.investigator);
      await ruleBroken(journey, 'screening/attestations', { ...attestation, criterionCode: 'NOT_A_CRITERION' }, 'UNKNOWN_CRITERION', 'criterionCode', { as: journey.investigator });
      await journey.satisfyCriteria();

      await malformed(journey, 'screening/evaluation', { eligible: true }, ['eligible']);
      expect((await journey.ok('screening/evaluation', {})).json.summary.phase).toBe('SCREENING');
      const recordHash = await journey.evaluationHash();
      const signature = { meaning: 'I confirm the participant is eligible', recordHash, password: DEMO_PASSWORD };
      await malformed(journey, 'screening/signature', { ...signature, recordHash: 'abc' }, ['recordHash'], journey.investigator);
      await ruleBroken(journey, 'screening/signature', { ...signature, meaning: 'ok' }, 'SIGNATURE_MEANING_REQUIRED', 'meaning', { as: journey.investigator });
      const signed = await journey.ok('screening/signature', signature, journey.investigator);
      expect(await recordedBy(system.sql, journey.participantId, signed.commandId, signed.json.streamVersion)).toEqual([{ type: 'EligibilitySigned', actor: expect.objectContaining({ id: 'investigator.a', role: 'investigator' }) }]);
      const shown = await get(journey, `/v1/participants/${journey.participantId}/eligibility-evaluation?minVersion=${journey.version}`);
      expect(shown.json).toMatchObject({ eligible: true, recordHash, signature: { signer: { id: 'investigator.a', name: expect.any(String), role: 'investigator' }, meaning: signature.meaning, recordHash } });
    });

    it('enrols, records the medication stop, the product lot and the dose calculation; the first dose must wait for the washout', async () => {
      await malformed(journey, 'enrolment', {}, ['doseLevelId']);
      await ruleBroken(journey, 'enrolment', { doseLevelId: 'DL9' }, 'UNKNOWN_DOSE_LEVEL', 'doseLevelId');
      expect((await journey.ok('enrolment', { doseLevelId: 'DL1' })).json.summary.phase).toBe('ENROLLED');

      const washout = journey.protocol.washout.classes.find((c) => c.drugClass === 'ANTIMETABOLITES_CNI_MTOR_JAK')!;
      const stop = { drugClass: washout.drugClass, drugName: 'mycophenolate', lastDoseOn: journey.today() };
      await malformed(journey, 'medication-stops', { ...stop, drugName: '', lastDoseOn: '2026-13-01' }, ['drugName', 'lastDoseOn']);
      await ruleBroken(journey, 'medication-stops', { ...stop, drugClass: 'HERBAL_REMEDIES' }, 'UNKNOWN_DRUG_CLASS', 'drugClass');
      await journey.ok('medication-stops', stop);

      const lot = { lotId: 'LOT-42', bagIds: ['BAG-1'], carPositiveCellsPerBag: 6e7 };
      await malformed(journey, 'product-lot', { ...lot, bagIds: [], carPositiveCellsPerBag: -1 }, ['bagIds', 'carPositiveCellsPerBag']);
      await journey.ok('product-lot', lot);
      await ruleBroken(journey, 'product-lot', { ...lot, lotId: 'LOT-43' }, 'LOT_ALREADY_ALLOCATED', null, { status: 409 });

      const measurements = { height: { value: 160, unit: 'cm' }, weight: { value: 60, unit: 'kg' }, serumCreatinine: { value: 0.8, unit: 'mg/dL' }, measuredOn: journey.today() };
      await malformed(journey, 'lymphodepletion/calculation', { ...measurements, height: { unit: 'cm' }, weight: { value: 60, unit: 'stone' } }, ['height.value', 'weight.unit']);
      // Creatinine clearance below 30 mL/min: the protocol's renal rule forbids fludarabine.
      await ruleBroken(journey, 'lymphodepletion/calculation', { ...measurements, serumCreatinine: { value: 6, unit: 'mg/dL' } }, 'LD_NOT_PERMITTED', 'serumCreatinine');
      expect(await recorded(journey, await journey.ok('lymphodepletion/calculation', measurements))).toEqual(['LymphodepletionDosesCalculated']);

      const [dose] = await journey.calculatedDoses();
      await ruleBroken(journey, 'lymphodepletion/doses', { ...dose, administeredAt: journey.ago(1) }, 'WASHOUT_NOT_SATISFIED', null);
      ldStart = addDaysToDate(stop.lastDoseOn, washout.minimumDays);
    });

    it('skips to the end of the washout and gives lymphodepletion on D-5, D-4 and D-3 at 09:00 site time', async () => {
      await skipTo(journey, ldStart, '09:00');
      expect((await storedEvents(journey)).filter((e) => e.type === 'WashoutSatisfied').map((e) => e.data.satisfiedOn)).toEqual([ldStart]);

      const doses = await journey.calculatedDoses();
      expect(doses.map((d) => d.day).sort()).toEqual([-3, -3, -4, -4, -5, -5]);
      for (const [i, day] of [-5, -4, -3].entries()) {
        if (i > 0) await skipTo(journey, addDaysToDate(ldStart, i), '09:00');
        const [first, second] = doses.filter((d) => d.day === day);
        const given = { ...first!, administeredAt: journey.ago(1) };
        if (day === -5) {
          await malformed(journey, 'lymphodepletion/doses', { ...given, day: -4.5, doseMg: 0 }, ['day', 'doseMg']);
          await ruleBroken(journey, 'lymphodepletion/doses', { ...given, day: -6 }, 'LD_DOSE_NOT_IN_REGIMEN', 'day');
        } else if (day === -4) {
          await malformed(journey, 'lymphodepletion/doses', { ...given, drug: '', administeredAt: `${journey.today()}T09:00:00` }, ['administeredAt', 'drug']);
          await ruleBroken(journey, 'lymphodepletion/doses', { ...given, administeredAt: journey.ago(-60) }, 'DATE_IN_FUTURE', 'administeredAt');
        } else {
          // The check before the infusion follows the last dose.
          await ruleBroken(journey, 'pre-infusion-check', { items: { afebrile: true } }, 'LD_NOT_COMPLETE', null);
        }
        await journey.ok('lymphodepletion/doses', given);
        if (day === -5) await ruleBroken(journey, 'lymphodepletion/doses', given, 'LD_DOSE_ALREADY_GIVEN', 'day', { status: 409 });
        const last = await journey.ok('lymphodepletion/doses', { ...second!, administeredAt: journey.ago(1) });
        expect(last.json.summary.phase).toBe(day === -3 ? 'AWAITING_INFUSION' : 'LYMPHODEPLETION');
      }
      const administered = (await storedEvents(journey)).filter((e) => e.type === 'LymphodepletionDoseAdministered');
      expect(administered.map((e) => [e.data.day, localDate(journey, e.occurredAt)])).toEqual(
        [-5, -5, -4, -4, -3, -3].map((day) => [day, addDaysToDate(ldStart, day + 5)]),
      );
    });

    it('infuses on D0: pre-infusion check, thaw and infusion, each refusing bad input', async () => {
      d0 = addDaysToDate(ldStart, 5);
      await skipTo(journey, d0, '09:00');
      const items = { afebrile: true, noActiveInfection: true, labsWithin7Days: true, tocilizumabAvailable: true };
      await malformed(journey, 'pre-infusion-check', { items: { ...items, afebrile: 'yes' } }, ['items.afebrile']);
      await ruleBroken(journey, 'pre-infusion-check', { items: {} }, 'CHECKLIST_EMPTY', 'items');
      await journey.ok('pre-infusion-check', { items });

      const thaw = { bagIds: ['BAG-1'], startedAt: journey.ago(40) };
      await malformed(journey, 'thaw', { ...thaw, startedAt: 'now' }, ['startedAt']);
      await ruleBroken(journey, 'thaw', { ...thaw, bagIds: ['BAG-9'] }, 'BAG_NOT_ALLOCATED', 'bagIds');
      await journey.ok('thaw', thaw);

      const infusion = { startedAt: journey.ago(30), completedAt: journey.ago(5), carPositiveCellsInfused: 6e7, weightKg: 60 };
      await malformed(journey, 'infusion', { ...infusion, weightKg: '60 kg', carPositiveCellsInfused: 0 }, ['carPositiveCellsInfused', 'weightKg']);
      await ruleBroken(journey, 'infusion', { ...infusion, completedAt: journey.ago(31) }, 'INVALID_INFUSION_TIMES', 'completedAt');
      const infused = await journey.ok('infusion', infusion);
      expect(infused.json.summary).toMatchObject({ phase: 'DLT_WINDOW', infusionDate: d0 });
      expect(await recorded(journey, infused)).toEqual(['InfusionCompleted']);
    });

    it('in the DLT window (D1): a CRS assessment, a serious AE flagged as a DLT candidate, its SAE report and the signed adjudication', async () => {
      await skipTo(journey, addDaysToDate(d0, 1), '10:00');
      const crs = { assessedAt: journey.ago(10), parameters: { temperature: { value: 38.4, unit: '°C' }, hypotension: 'none', oxygen: { device: 'none' } } };
      await malformed(journey, 'crs-assessments', { ...crs, parameters: { ...crs.parameters, hypotension: 'some', oxygen: undefined } }, ['parameters.hypotension', 'parameters.oxygen']);
      await ruleBroken(journey, 'crs-assessments', { ...crs, assessedAt: journey.ago(-30) }, 'DATE_IN_FUTURE', 'assessedAt');
      await journey.ok('crs-assessments', crs);

      // Resolved the same day: no duration rule (related grade 3 lasting over 7 days) applies at the window's close.
      const ae = { term: 'Infusion related reaction', grade: 3, serious: true, causality: 'PROBABLE', onsetOn: journey.today(), resolvedOn: journey.today(), awareAt: journey.ago(60) };
      await malformed(journey, 'adverse-events', { ...ae, grade: 7, causality: 'MAYBE' }, ['causality', 'grade']);
      await ruleBroken(journey, 'adverse-events', { ...ae, term: 'Neutrophil count decreased', grade: 5 }, 'INVALID_GRADE', 'grade');
      const reported = await journey.ok('adverse-events', ae);
      aeEntryId = reported.commandId;
      // A grade 3 infusion-related reaction meets one of the protocol's DLT rules: the journey flags it itself.
      expect(await recorded(journey, reported)).toEqual(['AdverseEventReported', 'DltCandidateFlagged']);

      await malformed(journey, 'sae-reports', { aeId: aeEntryId, reportedAt: 'today' }, ['reportedAt']);
      await ruleBroken(journey, 'sae-reports', { aeId: 'AE-404', reportedAt: journey.ago(30) }, 'AE_NOT_FOUND', 'aeId');
      await journey.ok('sae-reports', { aeId: aeEntryId, reportedAt: journey.ago(30) });

      const adjudication = { candidateId: `INFUSION-REACTION-G3:${aeEntryId}`, isDlt: false, rationale: 'Resolved within 6 hours with antihistamines and a slower rate', meaning: 'I adjudicate this DLT candidate', password: DEMO_PASSWORD };
      await malformed(journey, 'dlt-adjudications', { ...adjudication, isDlt: undefined }, ['isDlt'], journey.investigator);
      await ruleBroken(journey, 'dlt-adjudications', { ...adjudication, rationale: 'no' }, 'REASON_REQUIRED', 'rationale', { as: journey.investigator });
      const adjudicated = await journey.ok('dlt-adjudications', adjudication, journey.investigator);
      expect(await recordedBy(system.sql, journey.participantId, adjudicated.commandId, adjudicated.json.streamVersion)).toEqual([{ type: 'DltAdjudicated', actor: expect.objectContaining({ id: 'investigator.a' }) }]);
    });

    /** Each visit on its target day at 10:00 site time, after a malformed and a refused attempt. */
    const completeVisits = async (visitIds: readonly string[]) => {
      // Rules a visit can break, taken in turn (the last a conflict: a visit done before).
      const breaches = [
        (v: string) => [{ visitId: `${v}X` }, 'UNKNOWN_VISIT', 'visitId', 422] as const,
        () => [{ actualDate: journey.today(2) }, 'DATE_IN_FUTURE', 'actualDate', 422] as const,
        () => [{ actualDate: addDaysToDate(d0, -1) }, 'VISIT_BEFORE_INFUSION', 'actualDate', 422] as const,
        () => [{ visitId: 'D7' }, 'VISIT_ALREADY_COMPLETED', 'visitId', 409] as const,
      ];
      for (const visitId of visitIds) {
        const visit = journey.protocol.visits.find((v) => v.id === visitId)!;
        const target = addDaysToDate(d0, visit.nominalDay);
        await skipTo(journey, target, '10:00');
        const body = { visitId, actualDate: target, assessments: [...new Set([...(visit.instruments[cohortId] ?? []), ...(visit.instruments['*'] ?? [])])] };
        await malformed(journey, 'visits', { ...body, actualDate: target.split('-').reverse().join('/'), assessments: 'CBC' }, ['actualDate', 'assessments']);
        const index = journey.protocol.visits.indexOf(visit);
        const [change, code, field, status] = breaches[index % breaches.length]!(visitId);
        await ruleBroken(journey, 'visits', { ...body, ...change }, code, field, { status });
        const done = await journey.ok('visits', body);
        expect(await recorded(journey, done)).toEqual(['VisitCompleted']);
      }
      const visits = (await storedEvents(journey)).filter((e) => e.type === 'VisitCompleted' && visitIds.includes(e.data.visitId));
      expect(visits.map((e) => [e.data.visitId, e.data.actualDate, e.data.inWindow])).toEqual(visitIds.map((v) => [v, addDaysToDate(d0, journey.protocol.visits.find((x) => x.id === v)!.nominalDay), true]));
    };

    it('completes the visits of the DLT window, D7 to D28, each in its window', async () => {
      await completeVisits(journey.protocol.visits.filter((v) => v.nominalDay <= 28).map((v) => v.id));
    });

    it('closes the DLT window at the end of day 28 (no DLT, nothing pending); a DLT candidate is refused after it', async () => {
      await skipTo(journey, addDaysToDate(d0, 29), '10:00');
      const closed = (await storedEvents(journey)).filter((e) => e.type === 'DltWindowClosed');
      expect(closed).toEqual([expect.objectContaining({ data: { fromDate: d0, toDate: addDaysToDate(d0, 28), dltCount: 0, pendingCandidates: 0 } })]);
      expect(localDate(journey, new Date(Date.parse(closed[0]!.occurredAt) - 1).toISOString())).toBe(addDaysToDate(d0, 28));
      const flag = { sourceEntryId: aeEntryId, rule: 'INVESTIGATOR-JUDGEMENT', description: 'Late review of the infusion reaction' };
      await malformed(journey, 'dlt-candidates', { ...flag, sourceEntryId: 42 }, ['sourceEntryId']);
      await ruleBroken(journey, 'dlt-candidates', flag, 'OUTSIDE_DLT_WINDOW', null);
    });

    it('completes the follow-up visits to month 3 (day 90), each in its window', async () => {
      await completeVisits(journey.protocol.visits.filter((v) => v.nominalDay > 28 && v.nominalDay <= 90).map((v) => v.id));
    });

    it('ends full AE collection at the end of day 90: afterwards only serious AEs are taken', async () => {
      await skipTo(journey, addDaysToDate(d0, 91), '10:00');
      expect((await storedEvents(journey)).filter((e) => e.type === 'AeCollectionEnded').map((e) => e.data)).toEqual([{ lastDate: addDaysToDate(d0, 90) }]);
      const ae = { term: 'Fatigue', grade: 1, serious: false, causality: 'UNLIKELY', onsetOn: journey.today(), awareAt: journey.ago(60) };
      await malformed(journey, 'adverse-events', { ...ae, onsetOn: undefined, awareAt: `${journey.today()} 09:00` }, ['awareAt', 'onsetOn']);
      await ruleBroken(journey, 'adverse-events', ae, 'AE_COLLECTION_ENDED', 'serious');
    });

    it('shows day 90 in the read models (read-your-writes): the detail, worklist, safety board and entries, deviations', async () => {
      const version = await journey.settled();
      const detail = await get(journey, `/v1/participants/${journey.participantId}?minVersion=${version}`);
      expect(detail.status).toBe(200);
      expect(detail.json).toMatchObject({ phase: 'FOLLOW_UP', endReason: null, infusionDate: d0, doseLevelId: 'DL1', nextVisit: { visitId: 'M6' }, flags: { openDeviations: 0, saeReportsDue: 0, dltWindowClosed: true } });

      // "Today" of the worklist is the API machine's (not skipped) day: the horizon is made wide enough for M6.
      const worklist = await get(journey, `/v1/worklist?participantId=${journey.participantId}&minVersion=${version}&horizonDays=366`);
      expect(worklist.status).toBe(200);
      const items = worklist.json.items as { itemId: string; kind: string; windowOpens: string | null; windowCloses: string | null }[];
      expect(items.every((i) => i.kind === 'VISIT')).toBe(true);
      const m6 = journey.protocol.visits.find((v) => v.id === 'M6')!;
      const m6Target = addDaysToDate(d0, m6.nominalDay);
      expect(items[0]).toMatchObject({ itemId: 'visit:M6', dueOn: m6Target, windowOpens: addDaysToDate(m6Target, -m6.windowBeforeDays), windowCloses: addDaysToDate(m6Target, m6.windowAfterDays) });
      expect(items.map((i) => i.itemId)).toEqual(journey.protocol.visits.filter((v) => v.nominalDay > 90).slice(0, items.length).map((v) => `visit:${v.id}`));

      const entries = await get(journey, `/v1/safety-entries?participantId=${journey.participantId}&minVersion=${version}`);
      expect(entries.status).toBe(200);
      expect(entries.json.items.map((e: { kind: string; grade: number | null; dltStatus: string | null }) => [e.kind, e.grade, e.dltStatus]).sort()).toEqual([
        ['AE', 3, null],
        ['CRS', 1, null],
        ['DLT_CANDIDATE', 3, 'NOT_DLT'],
      ].sort());
      expect(entries.json.items.find((e: { kind: string }) => e.kind === 'DLT_CANDIDATE')).toMatchObject({ entryId: `INFUSION-REACTION-G3:${aeEntryId}`, sourceEntryId: aeEntryId });
      expect(entries.json.items.find((e: { kind: string }) => e.kind === 'AE')).toMatchObject({ entryId: aeEntryId, serious: true, saeReportedAt: expect.any(String), saeReportDueAt: null, studyDay: 1 });
      const board = await get(journey, `/v1/trials/${trialId}/safety-board?siteId=${siteId}`, journey.investigator);
      expect(board.status).toBe(200);
      expect(board.json.lines.find((l: { cohortId: string; doseLevelId: string | null }) => l.cohortId === cohortId && l.doseLevelId === 'DL1')).toMatchObject({
        infused: 1,
        withCrs: 1,
        withCrsGrade3Plus: 0,
        withIcans: 0,
        withAeGrade3Plus: 1,
        seriousAdverseEvents: 1,
        saeReportsDue: 0,
        dltsConfirmed: 0,
        dltCandidatesPending: 0,
        dltEvaluable: 1,
      });

      // Every visit in its window, the washout served, the SAE reported in time: no deviation, not even a candidate.
      const deviations = await get(journey, `/v1/deviations?participantId=${journey.participantId}&minVersion=${version}`);
      expect([deviations.status, deviations.json.total, deviations.json.items]).toEqual([200, 0, []]);
      const badQuery = await get(journey, `/v1/deviations?participantId=${journey.participantId}&status=OPEN`);
      expect([badQuery.status, fieldsOf(badQuery)]).toEqual([400, ['status']]);
    });

    it('audits day 90: the timeline is the store, the hash chain holds, the store equals the Temporal history, and the ODM export is valid', async () => {
      const version = await journey.settled();
      const stored = await storedEvents(journey);
      expect(stored).toHaveLength(version);
      const participant = `/v1/participants/${journey.participantId}`;

      const timeline = await fetchAs(system.baseUrl, 'auditor.a', `${participant}/audit/timeline`);
      expect(timeline.status).toBe(200);
      const entries = timeline.json().entries as { streamPosition: number; type: string; who: { actorId: string } }[];
      expect(entries.map((e) => e.type)).toEqual(stored.map((e) => e.type));
      expect(entries.filter((e) => ['EligibilitySigned', 'DltAdjudicated'].includes(e.type)).map((e) => e.who.actorId)).toEqual(['investigator.a', 'investigator.a']);
      for (const type of ['WashoutSatisfied', 'LymphodepletionCompleted', 'InfusionCompleted', 'DltWindowClosed', 'AeCollectionEnded', 'ReminderDue']) expect(entries.map((e) => e.type)).toContain(type);

      const verification = await fetchAs(system.baseUrl, 'auditor.a', `${participant}/audit/verification`);
      expect(verification.status).toBe(200);
      const checked = verification.json();
      expect(checked).toMatchObject({ ok: true, hashChain: { ok: true, eventsChecked: version, firstBrokenLink: null }, workflowHistory: { available: true, ok: true, complete: true } });
      expect(checked.workflowHistory.counts).toMatchObject({ MATCH: version });
      expect(checked.workflowHistory.events.filter((e: { status: string }) => e.status !== 'MATCH')).toEqual([]);

      const odm = await fetchAs(system.baseUrl, 'auditor.a', `${participant}/exports/odm`);
      expect(odm.status).toBe(200);
      const { problems, root } = checkOdm(odm.body.toString('utf8'));
      expect(problems).toEqual([]);
      expect(Array.from(root.getElementsByTagNameNS(ODM_NS, 'SubjectData')).map((s) => s.getAttribute('SubjectKey'))).toEqual([journey.participantCode]);
      const sources = new Set(Array.from(root.getElementsByTagNameNS(ODM_NS, 'ItemGroupData')).map((g) => g.getElementsByTagNameNS(ODM_NS, 'SourceID')[0]?.textContent));
      expect(sources.size).toBe(version);
    });
  });
}

/** The site-local calendar date of an instant. */
function localDate(j: HttpJourney, instant: string): string {
  return new Date(Date.parse(instant) + j.siteOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

journeyToDay90({ trialId: 'ucart-cd19-bcma', cohortId: 'SLE', siteId: 'DEMO-01', foreignCohortId: 'SLE_LN' });
journeyToDay90({ trialId: 'cb-cd19-bcma', cohortId: 'SSC', siteId: 'CN-BJ-GB', foreignCohortId: 'MG' });
