import { CONSCIOUSNESS_LEVELS, HYPOTENSION_SUPPORT, MOTOR_FINDINGS, OEDEMA_FINDINGS, OXYGEN_DEVICES, SEIZURE_FINDINGS } from '@trialflow/domain';
import { z } from 'zod';
import { commandEndpoint } from './command-endpoint.js';
import { booleanField, codeField, commandBody, dateField, expected, instantField, passwordField, quantityField, reasonField, signatureMeaningField, textField } from './command-fields.js';

const CAUSALITY = ['UNRELATED', 'UNLIKELY', 'POSSIBLE', 'PROBABLE', 'DEFINITE'] as const;

const oneOf = <T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z.enum(values, { error: expected(`one of ${values.join(', ')}`) }).describe(description);

export const reportAdverseEvent = commandEndpoint({
  type: 'ReportAdverseEvent',
  path: 'adverse-events',
  summary: 'Report an adverse event',
  description: 'A CTCAE v5.0 term and grade with seriousness and causality. A serious AE starts the sponsor-report clock at awareAt; the journey flags DLT candidates by the protocol’s criteria.',
  body: commandBody('ReportAdverseEventRequest', 'An adverse event.', {
    aeId: codeField('Your id for the AE (defaults to the commandId); later commands (SAE report, corrections) refer to it.', 64).optional(),
    term: textField('CTCAE v5.0 term, e.g. "Lung infection".', 200),
    grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], { error: expected('a CTCAE grade 1 to 5') }).describe('CTCAE grade, 1 to 5.'),
    serious: booleanField('Whether the AE is serious (an SAE).'),
    causality: oneOf(CAUSALITY, 'Relationship to the study treatment.'),
    onsetOn: dateField('Date of onset.'),
    resolvedOn: dateField('Date of resolution, when resolved.').optional(),
    awareAt: instantField('When the site became aware of the AE: the SAE reporting clock starts here.'),
    haematological: booleanField('A haematological AE (own DLT rules).').optional(),
  }),
  toData: (b) => ({
    ...(b.aeId === undefined ? {} : { aeId: b.aeId }),
    term: b.term,
    grade: b.grade,
    serious: b.serious,
    causality: b.causality,
    onsetOn: b.onsetOn,
    ...(b.resolvedOn === undefined ? {} : { resolvedOn: b.resolvedOn }),
    awareAt: b.awareAt,
    ...(b.haematological === undefined ? {} : { haematological: b.haematological }),
  }),
});

export const reportSaeToSponsor = commandEndpoint({
  type: 'ReportSaeToSponsor',
  path: 'sae-reports',
  summary: 'Record the SAE report to the sponsor',
  description: 'When a serious AE was reported to the sponsor; a report after the protocol’s clock raises a deviation candidate.',
  body: commandBody('ReportSaeToSponsorRequest', 'The sponsor report of a serious AE.', {
    aeId: codeField('The AE reported.', 64),
    reportedAt: instantField('When the report was sent to the sponsor.'),
  }),
  toData: (b) => ({ aeId: b.aeId, reportedAt: b.reportedAt }),
});

export const assessCrs = commandEndpoint({
  type: 'AssessCrs',
  path: 'crs-assessments',
  summary: 'Record a CRS assessment',
  description: 'Raw ASTCT parameters (Lee 2019); the grade is derived and versioned by the journey, never typed in.',
  body: commandBody('AssessCrsRequest', 'A cytokine release syndrome assessment.', {
    assessedAt: instantField('When the participant was assessed.'),
    parameters: z
      .strictObject(
        {
          temperature: quantityField(['°C'], 'Highest temperature of the assessment period. Required unless fever is masked by treatment.').optional(),
          feverAttributableToOtherCause: booleanField('Fever attributable to another cause (e.g. documented infection): it then does not count.').optional(),
          feverMaskedByTreatment: booleanField('Antipyretics or anti-cytokine therapy given for CRS: fever is no longer required.').optional(),
          hypotension: oneOf(HYPOTENSION_SUPPORT, 'Support needed for CRS hypotension.'),
          oxygen: z
            .strictObject(
              {
                device: oneOf(OXYGEN_DEVICES, "Oxygen device; 'none' on room air."),
                flow: quantityField(['L/min'], 'Flow, required for a nasal cannula (≤6 L/min low-flow, >6 high-flow).').optional(),
              },
              { error: expected('an object with device and, for a nasal cannula, flow') },
            )
            .describe('Oxygen support needed for CRS hypoxia.'),
          deathDueToCrs: booleanField('Death due to CRS with no other principal cause (grade 5).').optional(),
        },
        { error: expected('an object of ASTCT CRS parameters') },
      )
      .describe('ASTCT CRS parameters.'),
  }),
  toData: (b) => ({ assessedAt: b.assessedAt, parameters: b.parameters }),
});

export const assessIcans = commandEndpoint({
  type: 'AssessIcans',
  path: 'icans-assessments',
  summary: 'Record an ICANS assessment',
  description: "Raw ICE/CAPD score and neurological findings (ASTCT, Lee 2019); the grade is derived by the journey, using the participant's recorded age (CAPD at 12 years or younger).",
  body: commandBody('AssessIcansRequest', 'An immune effector cell-associated neurotoxicity syndrome assessment.', {
    assessedAt: instantField('When the participant was assessed.'),
    parameters: z
      .strictObject(
        {
          developmentalDelay: booleanField('Assess an older child with developmental delay with CAPD.').optional(),
          encephalopathy: z
            .strictObject(
              {
                instrument: oneOf(['ice', 'capd'] as const, 'ICE (age >12) or CAPD (age ≤12).'),
                score: z.number({ error: expected('a whole number') }).int('must be a whole number').min(0, 'must be 0 or more').max(40, 'must be 40 or less').optional().describe('The ICE (0-10) or CAPD (0-32) score.'),
                unableToPerform: booleanField('The participant could not perform the assessment.').optional(),
              },
              { error: expected('an object with instrument and score or unableToPerform') },
            )
            .describe('Encephalopathy assessment.'),
          consciousness: oneOf(CONSCIOUSNESS_LEVELS, 'Depressed level of consciousness not attributable to another cause.'),
          seizure: oneOf(SEIZURE_FINDINGS, 'Seizures.'),
          motor: oneOf(MOTOR_FINDINGS, 'Motor findings.'),
          cerebralOedema: oneOf(OEDEMA_FINDINGS, 'Raised intracranial pressure / cerebral oedema.'),
          deathDueToIcans: booleanField('Death due to ICANS with no other principal cause (grade 5).').optional(),
        },
        { error: expected('an object of ASTCT ICANS parameters') },
      )
      .describe('ASTCT ICANS parameters.'),
  }),
  toData: (b) => ({ assessedAt: b.assessedAt, parameters: b.parameters }),
});

export const flagDltCandidate = commandEndpoint({
  type: 'FlagDltCandidate',
  path: 'dlt-candidates',
  summary: 'Flag a DLT candidate',
  description: 'Flags an entry (AE, CRS or ICANS assessment) as a possible dose-limiting toxicity for investigator adjudication, within the DLT window.',
  body: commandBody('FlagDltCandidateRequest', 'A possible dose-limiting toxicity.', {
    sourceEntryId: codeField('The entry (AE, assessment) the candidate comes from.', 64),
    rule: codeField('DLT rule, or INVESTIGATOR-JUDGEMENT.', 64),
    description: textField('Why this may be a DLT.', 2000),
  }),
  toData: (b) => ({ sourceEntryId: b.sourceEntryId, rule: b.rule, description: b.description }),
});

export const adjudicateDlt = commandEndpoint({
  type: 'AdjudicateDlt',
  path: 'dlt-adjudications',
  summary: 'Adjudicate a DLT candidate (investigator e-signature)',
  description: 'The investigator decides whether a candidate is a DLT, with the clinical rationale, and signs the decision.',
  eSignature: true,
  body: commandBody('AdjudicateDltRequest', "An investigator's signed DLT adjudication.", {
    candidateId: codeField('The DLT candidate (rule:sourceEntryId).', 200),
    isDlt: booleanField('Whether the candidate is a dose-limiting toxicity.'),
    rationale: reasonField('Clinical rationale of the decision.'),
    meaning: signatureMeaningField,
    password: passwordField,
  }),
  toData: (b) => ({ candidateId: b.candidateId, isDlt: b.isDlt, rationale: b.rationale, meaning: b.meaning, reauthenticated: true }),
});
