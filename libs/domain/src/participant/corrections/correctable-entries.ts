/**
 * Which recorded entries can be corrected (and which of their fields) or voided. Anything else is either
 * derived (re-computed, never edited), a signature, or a fact that must stand (a dose that was given can be
 * corrected, never voided). Corrections and voids are new events: nothing stored is ever edited.
 */
export const CORRECTABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  ScreeningObservationRecorded: ['value', 'unit', 'observedOn', 'source'],
  EligibilityAttested: ['attested', 'note'],
  MedicationStopped: ['drugClass', 'drugName', 'lastDoseOn'],
  LymphodepletionDoseAdministered: ['doseMg'],
  InfusionCompleted: ['startedAt', 'completedAt', 'infusionDate'],
  AdverseEventReported: ['term', 'grade', 'serious', 'causality', 'onsetOn', 'resolvedOn', 'awareAt'],
  VisitCompleted: ['actualDate', 'assessments'],
  // The score is not correctable: change and response are derived from it, so a rescore is a void and a new record.
  EfficacyAssessed: ['assessedOn'],
  UnscheduledVisitRecorded: ['visitDate', 'reason', 'assessments'],
};

export const VOIDABLE_TYPES: ReadonlySet<string> = new Set([
  'ScreeningObservationRecorded',
  'EligibilityAttested',
  'MedicationStopped',
  'AdverseEventReported',
  'VisitCompleted',
  'UnscheduledVisitRecorded',
  'EfficacyAssessed',
  'CrsAssessed',
  'IcansAssessed',
]);
