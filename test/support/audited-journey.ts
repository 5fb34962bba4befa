import type pg from 'pg';
import { authHeader, signIn, type DemoUser } from './api-auth.js';
import { HttpJourney, storeReaches } from './http-journey.js';

/** A GET as a demo user (or with no token), the body kept raw: audit answers are JSON, XML, CSV or zip. */
export async function fetchAs(baseUrl: string, as: DemoUser | null, path: string): Promise<{ status: number; headers: Headers; body: Buffer; json: () => any }> {
  const response = await fetch(`${baseUrl}${path}`, { headers: as === null ? {} : authHeader(await signIn(baseUrl, as)) });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body, json: () => JSON.parse(body.toString('utf8')) };
}

/** Waits until the clock has moved past an instant, so an instant taken between two writes separates them. */
export async function clockPast(instant: number): Promise<Date> {
  while (Date.now() <= instant + 2) await new Promise((r) => setTimeout(r, 2));
  return new Date();
}

export interface AuditedJourney {
  readonly journey: HttpJourney;
  /** Recorded after consent and before anything else was. */
  readonly afterConsent: Date;
  /** Recorded after the AE was stored (grade 3) and before its correction (to grade 2) was. */
  readonly beforeCorrection: Date;
  readonly aeCommandId: string;
  readonly unscheduledCommandId: string;
}

/**
 * A real journey over HTTP on the real servers, with what an auditor looks at: screening to infusion (several
 * workflow runs: the journey continues as new at phase boundaries), a CRS assessment, an AE re-graded by a
 * correction and an unscheduled visit voided. Every event is in the store when this returns.
 */
export async function auditedJourney(system: { readonly baseUrl: string; readonly sql: pg.Pool }, siteId = 'DEMO-01', coordinator: DemoUser = 'coordinator.a', investigator: DemoUser = 'investigator.a'): Promise<AuditedJourney> {
  const journey = new HttpJourney(system, 'ucart-cd19-bcma', 'SLE', siteId, coordinator, investigator);
  await journey.register();
  await journey.ok('consent', journey.consentBody());
  await storeReaches(system.sql, journey.participantId, journey.version);
  const afterConsent = await clockPast(Date.now());
  await journey.satisfyCriteria();
  await journey.evaluateAndSign();
  await journey.ok('enrolment', { doseLevelId: journey.protocol.doseLevels[0]!.id });
  await journey.ok('medication-stops', { drugClass: journey.protocol.washout.classes[2]!.drugClass, drugName: 'mycophenolate', lastDoseOn: journey.today(-40) });
  await journey.ok('product-lot', { lotId: 'LOT-42', bagIds: ['BAG-1'], carPositiveCellsPerBag: 6e7 });
  await journey.toInfused();
  await journey.ok('crs-assessments', { assessedAt: journey.ago(2), parameters: { temperature: { value: 38.4, unit: '°C' }, hypotension: 'none', oxygen: { device: 'none' } } });
  const ae = await journey.ok('adverse-events', { term: 'Neutrophil count decreased', grade: 3, serious: false, causality: 'PROBABLE', onsetOn: journey.today(), awareAt: journey.ago(1) });
  await storeReaches(system.sql, journey.participantId, journey.version);
  const beforeCorrection = await clockPast(Date.now());
  await clockPast(beforeCorrection.getTime());
  await journey.ok('corrections', { entryId: ae.commandId, changes: { grade: 2 }, reason: 'Lab value re-read: grade 2' });
  const unscheduled = await journey.ok('unscheduled-visits', { visitDate: journey.today(), reason: 'Fever follow-up', assessments: ['CRP'] });
  await journey.ok('voids', { entryId: unscheduled.commandId, reason: 'Recorded on the wrong participant' });
  await storeReaches(system.sql, journey.participantId, journey.version);
  return { journey, afterConsent, beforeCorrection, aeCommandId: ae.commandId, unscheduledCommandId: unscheduled.commandId };
}
