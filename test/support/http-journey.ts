import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { participantWorkflowId, storeStatusQuery, type StoreStatus } from '@trialflow/contracts';
import { addDaysToDate, findProtocol, localDateOf, type Cohort, type Protocol, type SimpleCriterion } from '@trialflow/domain';
import type pg from 'pg';
import { authHeader, DEMO_PASSWORD, signIn, type DemoUser } from './api-auth.js';
import { queryWithRetry } from './journey-driver.js';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: any;
}

/** One HTTP call to the API as a signed-in demo user (or with no token when `as` is null). */
export async function call(baseUrl: string, as: DemoUser | null, method: 'GET' | 'POST', path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...extraHeaders, ...(as === null ? {} : authHeader(await signIn(baseUrl, as))) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text === '' ? undefined : JSON.parse(text) };
}

/** What the event store holds of one stream (and in all): the evidence that a refused command changed nothing. */
export async function storedState(sql: pg.Pool, participantId?: string): Promise<{ events: number; streams: number; streamVersion: number }> {
  const { rows } = await sql.query(
    `SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM event_streams)::int AS streams,
            (SELECT coalesce(max(stream_position), 0) FROM events WHERE stream_id = $1)::int AS "streamVersion"`,
    [`participant-${participantId ?? 'none'}`],
  );
  return rows[0];
}

/**
 * The journey answers a command before its events reach the store (write-behind, milliseconds): waits until
 * the participant's stream holds `version`, so a before/after comparison is not fooled by a late append.
 */
export async function storeReaches(sql: pg.Pool, participantId: string, version: number): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if ((await storedState(sql, participantId)).streamVersion >= version) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`stream of ${participantId} never reached version ${version}`);
}

/** The events a command recorded (by its commandId), once they are in the store. */
export async function recordedBy(sql: pg.Pool, participantId: string, commandId: string, streamVersion: number): Promise<{ type: string; actor: { id: string; role: string } }[]> {
  await storeReaches(sql, participantId, streamVersion);
  const { rows } = await sql.query(`SELECT event_type, metadata FROM events WHERE stream_id = $1 AND metadata->>'commandId' = $2 ORDER BY stream_position`, [`participant-${participantId}`, commandId]);
  return rows.map((r: { event_type: string; metadata: { actor: { id: string; role: string } } }) => ({ type: r.event_type, actor: r.metadata.actor }));
}

/**
 * A participant driven over HTTP the way a site would, one command endpoint per step, with clinical dates
 * and instants taken from the real clock (lymphodepletion back-dated by days, as data entry after the fact),
 * or from the journey's own clock (`withClock`, e.g. a time-skipping server's).
 */
export class HttpJourney {
  participantCode = `HT-${randomUUID().slice(0, 8).toUpperCase()}`;
  readonly protocol: Protocol;
  readonly cohort: Cohort;
  participantId = '';
  version = 0;
  /** The last answer of each command type, for assertions. */
  readonly answers = new Map<string, HttpAnswer & { commandId: string }>();

  private readonly baseUrl: string;
  private readonly sql: pg.Pool;
  private readonly temporal: Client | undefined;
  private now: () => number = Date.now;

  constructor(
    system: { readonly baseUrl: string; readonly sql: pg.Pool; readonly temporal?: Client },
    trialId: string,
    cohortId: string,
    readonly siteId: string,
    readonly coordinator: DemoUser = 'coordinator.a',
    readonly investigator: DemoUser = 'investigator.a',
  ) {
    this.baseUrl = system.baseUrl;
    this.sql = system.sql;
    this.temporal = system.temporal;
    this.protocol = findProtocol(trialId)!;
    this.cohort = this.protocol.cohorts.find((c) => c.id === cohortId)!;
  }

  /** A code of one's choice (e.g. to sort first in the roster). */
  withCode(participantCode: string): this {
    this.participantCode = participantCode;
    return this;
  }

  /**
   * Clinical dates and instants from this clock instead of the machine's: the journey judges "in the future"
   * by its workflow clock, which a time-skipping server moves ahead of the machine's.
   */
  withClock(now: () => number): this {
    this.now = now;
    return this;
  }

  /** The site's UTC offset in minutes (its calendar day is the one visits and deadlines count). */
  get siteOffsetMinutes(): number {
    return this.protocol.sites.find((s) => s.id === this.siteId)!.utcOffsetMinutes;
  }

  /** Site-local calendar date, `days` from today. */
  today(days = 0): string {
    return addDaysToDate(localDateOf(new Date(this.now()).toISOString(), this.siteOffsetMinutes), days);
  }

  /** An instant `minutes` before now (clinical instants may never be in the future of the journey's clock). */
  ago(minutes: number): string {
    return new Date(this.now() - minutes * 60_000).toISOString();
  }

  private workflow(): { temporal: Client; handle: ReturnType<Client['workflow']['getHandle']> } {
    if (!this.temporal) throw new Error('this needs the system’s Temporal client (pass `temporal` with the system)');
    return { temporal: this.temporal, handle: this.temporal.workflow.getHandle(participantWorkflowId(this.participantCode)) };
  }

  /** The journey's own account of its store: what it has decided and what the store holds. */
  storeStatus(): Promise<StoreStatus> {
    const { temporal, handle } = this.workflow();
    // Each attempt is bounded: a query that reaches a run in the instant it continues as new can go unanswered.
    return queryWithRetry(() => temporal.withDeadline(Date.now() + 2_000, () => handle.query(storeStatusQuery)));
  }

  /**
   * Waits until the journey is quiet: every event it decided is in the store and no activity (an append, a
   * reminder delivery) is in flight. Then a before/after comparison sees only what a request did, and a
   * time-skipping server may skip (it stops skipping while any task is outstanding). Returns the version,
   * which includes what fired timers recorded.
   */
  async settled(): Promise<number> {
    const { handle } = this.workflow();
    for (let i = 0; i < 400; i += 1) {
      const status = await this.storeStatus();
      if (status.failure) throw new Error(`journey of ${this.participantCode}: ${status.failure}`);
      // While a new run reads its state back after continue-as-new, storeStatus answers 0 for both versions:
      // a version below one already answered is not the journey's.
      const caughtUp = status.decidedVersion >= this.version && status.storedVersion === status.decidedVersion;
      if (caughtUp && ((await handle.describe()).raw.pendingActivities ?? []).length === 0) {
        await storeReaches(this.sql, this.participantId, status.decidedVersion);
        this.version = Math.max(this.version, status.decidedVersion);
        return status.decidedVersion;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`journey of ${this.participantCode} did not settle`);
  }

  /**
   * Sends a command that must be refused (4xx problem details) and proves it changed nothing: the version the
   * journey decided and the event store (this stream's version, all streams and events) are the same after.
   */
  async refused(path: string, body: Record<string, unknown>, as: DemoUser = this.coordinator): Promise<HttpAnswer> {
    const decided = await this.settled();
    const before = await storedState(this.sql, this.participantId);
    expect(before.streamVersion).toBe(decided);
    const answer = await call(this.baseUrl, as, 'POST', `/v1/participants/${this.participantId}/${path}`, { commandId: randomUUID(), ...body });
    if (answer.status < 400 || answer.status >= 500) throw new Error(`${path} should have been refused; it answered ${answer.status}: ${JSON.stringify(answer.json)}`);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await this.storeStatus()).decidedVersion).toBe(decided);
    expect(await storedState(this.sql, this.participantId)).toEqual(before);
    return answer;
  }

  /** This participant's registration request, with a new commandId (a test may spoil a field of it). */
  registrationBody(): Record<string, unknown> {
    return { commandId: randomUUID(), participantCode: this.participantCode, cohortId: this.cohort.id, siteId: this.siteId, ageYears: 34, sex: 'F' };
  }

  async register(as: DemoUser = this.coordinator): Promise<HttpAnswer> {
    const answer = await call(this.baseUrl, as, 'POST', `/v1/trials/${this.protocol.trialId}/participants`, this.registrationBody());
    if (answer.status !== 201) throw new Error(`registration failed: ${answer.status} ${JSON.stringify(answer.json)}`);
    this.participantId = answer.json.summary.participantId;
    this.version = answer.json.streamVersion;
    return answer;
  }

  /** Sends a command to `/v1/participants/{id}/{path}`; a 200 advances the known stream version. */
  async send(path: string, body: Record<string, unknown>, as: DemoUser = this.coordinator, headers: Record<string, string> = {}): Promise<HttpAnswer & { commandId: string }> {
    const commandId = typeof body.commandId === 'string' ? body.commandId : randomUUID();
    const answer = await call(this.baseUrl, as, 'POST', `/v1/participants/${this.participantId}/${path}`, { commandId, ...body }, headers);
    if (answer.status === 200) this.version = answer.json.streamVersion;
    const result = { ...answer, commandId };
    this.answers.set(path, result);
    return result;
  }

  /** Sends a command that must succeed. */
  async ok(path: string, body: Record<string, unknown>, as: DemoUser = this.coordinator): Promise<HttpAnswer & { commandId: string }> {
    const answer = await this.send(path, body, as);
    if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.json)}`);
    return answer;
  }

  consentBody(): Record<string, unknown> {
    return {
      icfVersion: this.protocol.consent.icfVersions[0]!.version,
      signedOn: this.today(),
      signers: [{ role: 'PARTICIPANT', name: 'P' }, { role: 'INVESTIGATOR', name: 'Dr A' }],
      assent: false,
      obtainedBy: 'investigator.a',
    };
  }

  /** Records a passing value (or attestation) for every criterion of the cohort. */
  async satisfyCriteria(): Promise<void> {
    const simple = this.cohort.eligibility.flatMap((c): SimpleCriterion[] => (c.rule === 'anyOf' ? [c.criteria[0]!] : [c]));
    for (const criterion of simple) {
      if (criterion.rule === 'attestation') {
        await this.ok('screening/attestations', { criterionCode: criterion.code, attested: true }, this.investigator);
        continue;
      }
      const value = criterion.comparator === '>' ? Number(criterion.threshold) + 1 : criterion.comparator === '<' ? Number(criterion.threshold) - 1 : criterion.threshold;
      await this.ok('screening/observations', { code: criterion.code, value, ...(criterion.unit === undefined ? {} : { unit: criterion.unit }), observedOn: this.today(), source: 'local lab' });
    }
  }

  async evaluateAndSign(): Promise<void> {
    const evaluated = await this.ok('screening/evaluation', {});
    expect(evaluated.json.summary.phase).toBe('SCREENING');
    const recordHash = await this.evaluationHash();
    await this.ok('screening/signature', { meaning: 'I confirm the participant is eligible', recordHash, password: DEMO_PASSWORD }, this.investigator);
  }

  /** The hash of the last eligibility evaluation, as the investigator's screen shows it. */
  async evaluationHash(): Promise<string> {
    const shown = await call(this.baseUrl, this.investigator, 'GET', `/v1/participants/${this.participantId}/eligibility-evaluation?minVersion=${this.version}`);
    if (shown.status !== 200) throw new Error(`eligibility evaluation answered ${shown.status}: ${JSON.stringify(shown.json)}`);
    return shown.json.recordHash;
  }

  /** Screening through enrolment, a medication stop long enough ago and the allocated lot. */
  async toEnrolled(): Promise<void> {
    await this.register();
    await this.ok('consent', this.consentBody());
    await this.satisfyCriteria();
    await this.evaluateAndSign();
    await this.ok('enrolment', { doseLevelId: this.protocol.doseLevels[0]!.id });
    await this.ok('medication-stops', { drugClass: this.protocol.washout.classes[2]!.drugClass, drugName: 'mycophenolate', lastDoseOn: this.today(-40) });
    await this.ok('product-lot', { lotId: 'LOT-42', bagIds: ['BAG-1'], carPositiveCellsPerBag: 6e7 });
  }

  /** Lymphodepletion given over the last three days (entered now), then the pre-infusion check, thaw and infusion. */
  async toInfused(): Promise<void> {
    await this.ok('lymphodepletion/calculation', { height: { value: 160, unit: 'cm' }, weight: { value: 60, unit: 'kg' }, serumCreatinine: { value: 0.8, unit: 'mg/dL' }, measuredOn: this.today(-4) });
    const doses = await this.calculatedDoses();
    const days = [...new Set(doses.map((d) => d.day))].sort((a, b) => a - b);
    for (const dose of doses) {
      const daysBeforeNow = days.length - days.indexOf(dose.day);
      await this.ok('lymphodepletion/doses', { drug: dose.drug, day: dose.day, doseMg: dose.doseMg, administeredAt: this.ago(daysBeforeNow * 24 * 60) });
    }
    await this.ok('pre-infusion-check', { items: { afebrile: true, noActiveInfection: true, labsWithin7Days: true, tocilizumabAvailable: true } });
    await this.ok('thaw', { bagIds: ['BAG-1'], startedAt: this.ago(30) });
    const level = this.protocol.doseLevels[0]!;
    const cells = level.dose.basis === 'FIXED' ? level.dose.carPositiveCells : level.dose.carPositiveCellsPerKg * 60;
    await this.ok('infusion', { startedAt: this.ago(20), completedAt: this.ago(5), carPositiveCellsInfused: cells, weightKg: 60 });
  }

  /** The doses the journey calculated (once stored), each planned on a regimen day. */
  async calculatedDoses(): Promise<{ drug: string; day: number; doseMg: number }[]> {
    await storeReaches(this.sql, this.participantId, this.version);
    const { rows } = await this.sql.query(`SELECT data->'doses' AS doses FROM events WHERE stream_id = $1 AND event_type = 'LymphodepletionDosesCalculated'`, [`participant-${this.participantId}`]);
    return rows[0].doses;
  }
}
