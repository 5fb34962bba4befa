import type { Phase } from '../api/types.js';

/** Words a coordinator uses for the API's codes. */
export const PHASE_LABELS: Record<Phase, string> = {
  UNREGISTERED: 'Not registered',
  SCREENING: 'Screening',
  SCREEN_FAILED: 'Screen failed',
  ENROLLED: 'Enrolled',
  LYMPHODEPLETION: 'Lymphodepletion',
  AWAITING_INFUSION: 'Awaiting infusion',
  DLT_WINDOW: 'DLT window',
  FOLLOW_UP: 'Follow-up',
  ENDED: 'Ended',
};

export const phaseLabel = (phase: string): string => PHASE_LABELS[phase as Phase] ?? phase;

export const ROLE_LABELS: Record<string, string> = { coordinator: 'Study coordinator', investigator: 'Investigator', auditor: 'Auditor', admin: 'Administrator' };

/** An event type in words: `LymphodepletionDoseAdministered` → `Lymphodepletion dose administered`. */
export function eventLabel(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  // Acronyms in capitals wherever they stand, the first word included (`DltCandidateFlagged` → `DLT candidate flagged`).
  return (words.charAt(0) + words.slice(1).toLowerCase()).replace(/\b(sae|ae|dlt|crs|icans|ld)\b/gi, (w) => w.toUpperCase());
}

const DEADLINE_KINDS: Record<string, string> = {
  VISIT: 'Visit',
  SCREENING_WINDOW_CLOSES: 'Screening window',
  WASHOUT_SATISFIED: 'Washout',
  DLT_WINDOW_CLOSES: 'DLT window',
  AE_COLLECTION_ENDS: 'AE collection',
  SAE_REPORT_DUE: 'SAE report',
  THAW_LIMIT: 'Thaw limit',
  INFUSION_DELAY_LIMIT: 'Infusion delay limit',
};

export const kindLabel = (kind: string): string => DEADLINE_KINDS[kind] ?? kind;
