/**
 * ASTCT ICANS domains and the grade each finding sets (Lee 2019; clinical-domain 2.4 [src]). Findings are
 * entered only when not attributable to another cause (e.g. sedation); intracranial haemorrhage, tremor,
 * myoclonus and headache are graded with CTCAE and are not ICANS findings.
 */
export const CONSCIOUSNESS_LEVELS = ['alert', 'awakens-spontaneously', 'awakens-to-voice', 'awakens-to-tactile-stimulus', 'unarousable'] as const;
export type ConsciousnessLevel = (typeof CONSCIOUSNESS_LEVELS)[number];
/** `unarousable` also covers needing vigorous or repetitive tactile stimuli, stupor and coma. */
export const CONSCIOUSNESS_GRADE: Readonly<Record<ConsciousnessLevel, number>> = {
  alert: 0,
  'awakens-spontaneously': 1,
  'awakens-to-voice': 2,
  'awakens-to-tactile-stimulus': 3,
  unarousable: 4,
};

export const SEIZURE_FINDINGS = ['none', 'rapidly-resolving', 'prolonged-or-repetitive'] as const;
export type SeizureFinding = (typeof SEIZURE_FINDINGS)[number];
/**
 * `rapidly-resolving`: any clinical seizure, focal or generalised, that resolves rapidly, or non-convulsive
 * seizures on EEG that resolve with intervention (grade 3). `prolonged-or-repetitive`: life-threatening
 * prolonged seizure (>5 min) or repetitive seizures without return to baseline in between (grade 4).
 */
export const SEIZURE_GRADE: Readonly<Record<SeizureFinding, number>> = { none: 0, 'rapidly-resolving': 3, 'prolonged-or-repetitive': 4 };

export const MOTOR_FINDINGS = ['none', 'deep-focal-weakness'] as const;
export type MotorFinding = (typeof MOTOR_FINDINGS)[number];
/** Deep focal motor weakness such as hemiparesis or paraparesis (grade 4). */
export const MOTOR_GRADE: Readonly<Record<MotorFinding, number>> = { none: 0, 'deep-focal-weakness': 4 };

export const OEDEMA_FINDINGS = ['none', 'focal-local', 'diffuse-or-signs'] as const;
export type OedemaFinding = (typeof OEDEMA_FINDINGS)[number];
/**
 * `focal-local`: focal/local oedema on neuroimaging (grade 3). `diffuse-or-signs`: diffuse oedema on imaging,
 * decerebrate or decorticate posturing, cranial nerve VI palsy, papilloedema or Cushing's triad (grade 4).
 */
export const OEDEMA_GRADE: Readonly<Record<OedemaFinding, number>> = { none: 0, 'focal-local': 3, 'diffuse-or-signs': 4 };

/** ICE score (age >12): 10 -> 0; 7-9 -> 1; 3-6 -> 2; 0-2 -> 3 (0 and unarousable is grade 4 via consciousness). */
export const iceGrade = (score: number): number => (score >= 10 ? 0 : score >= 7 ? 1 : score >= 3 ? 2 : 3);

/**
 * CAPD (children ≤12 y): 0 -> 0; 1-8 -> 1 (grades 1 and 2 share 1-8 and are separated by consciousness);
 * ≥9 -> 3; unable to perform -> 4.
 */
export const capdGrade = (score: number): number => (score === 0 ? 0 : score < 9 ? 1 : 3);
