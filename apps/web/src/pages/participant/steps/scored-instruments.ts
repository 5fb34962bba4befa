import type { Protocol } from '../../../api/protocol.js';
import type { JourneyState } from '../../../api/types.js';

/**
 * The instruments the journey takes a single score for (RecordEfficacyAssessment), with the range shown as a
 * hint. The API's request schema is the authority: an instrument missing here is simply not offered, and one
 * the API does not take is refused as a field error, never recorded.
 */
export const SCORED_INSTRUMENTS: Readonly<Record<string, string>> = {
  'SLEDAI-2K': '0-105',
  PGA: '0-3',
  MRSS: '0-51',
  'BVAS-V3': '0-63',
  'MG-ADL': '0-24',
  QMG: '0-39',
  'IGG4-RD-RI': '0 or more',
  ECOG: '0-5',
};

/** Instruments scheduled at a visit for the cohort (cohort-specific, then `*`) that take a score and have none yet. */
export function scorableAt(protocol: Protocol, cohortId: string, visitId: string, state: Pick<JourneyState, 'efficacyAssessments'>): string[] {
  const visit = protocol.visits.find((v) => v.id === visitId);
  const scheduled = [...new Set([...(visit?.instruments?.[cohortId] ?? []), ...(visit?.instruments?.['*'] ?? [])])];
  const scored = new Set(state.efficacyAssessments.filter((a) => a.value.visitId === visitId).map((a) => a.value.instrument));
  return scheduled.filter((i) => i in SCORED_INSTRUMENTS && !scored.has(i));
}
