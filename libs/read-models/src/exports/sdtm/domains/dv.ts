import type { DeviationRule } from '@trialflow/domain';
import type { SdtmRow, SdtmSubject } from '../sdtm-subject.js';

export const DV_VARIABLES = ['STUDYID', 'DOMAIN', 'USUBJID', 'DVSEQ', 'DVSPID', 'DVTERM', 'DVDECOD', 'DVCAT', 'DVSCAT', 'EPOCH', 'DVSTDTC', 'DVSTDY'] as const;

/** Sponsor-defined deviation categories for the rules the journey raises candidates by. */
const CATEGORY: Readonly<Record<DeviationRule, string>> = {
  VISIT_OUT_OF_WINDOW: 'VISIT SCHEDULE',
  VISIT_MISSED: 'VISIT SCHEDULE',
  DLT_ASSESSMENT_MISSED: 'VISIT SCHEDULE',
  WASHOUT_TOO_SHORT: 'CONCOMITANT MEDICATION',
  LD_DOSE_OUTSIDE_TOLERANCE: 'STUDY TREATMENT',
  INFUSION_DOSE_OUTSIDE_TOLERANCE: 'STUDY TREATMENT',
  INFUSION_DELAYED_AFTER_LD: 'STUDY TREATMENT',
  THAW_LIMIT_EXCEEDED: 'STUDY TREATMENT',
  SAE_REPORTED_LATE: 'SAFETY REPORTING',
};

/**
 * Protocol deviations: the candidates the journey raised that an investigator confirmed (dismissed candidates
 * were judged not to be deviations; open ones are not yet classified). The start is when the candidate was
 * raised, the moment the journey saw it (README.md, "approximate"); importance as confirmed.
 */
export function dvRows(subject: SdtmSubject): SdtmRow[] {
  const confirmed = new Map<string, boolean>();
  for (const { event } of subject.facts.events) if (event.type === 'DeviationConfirmed') confirmed.set(event.data.deviationId, event.data.important);
  return subject.facts.events.flatMap(({ event }): SdtmRow[] => {
    if (event.type !== 'DeviationCandidateRaised' || !confirmed.has(event.data.deviationId)) return [];
    const start = subject.localDateTime(event.occurredAt);
    return [
      {
        ...subject.keys('DV'),
        DVSPID: event.data.deviationId,
        DVTERM: event.data.description,
        DVDECOD: event.data.rule.replaceAll('_', ' '),
        DVCAT: CATEGORY[event.data.rule] ?? null,
        DVSCAT: confirmed.get(event.data.deviationId) ? 'IMPORTANT' : 'NOT IMPORTANT',
        EPOCH: subject.epoch(start),
        DVSTDTC: start,
        DVSTDY: subject.studyDay(start),
      },
    ];
  });
}
