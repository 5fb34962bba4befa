import { summariseEpisodes } from '@trialflow/domain';
import { liveEntriesOf } from '../../export-subject.js';
import type { SdtmRow, SdtmSubject } from '../sdtm-subject.js';

export const AE_VARIABLES = [
  'STUDYID', 'DOMAIN', 'USUBJID', 'AESEQ', 'AESPID', 'AETERM', 'AEDECOD', 'AECAT', 'AESER', 'AEREL', 'AEOUT', 'AETOXGR', 'EPOCH',
  'AESTDTC', 'AEENDTC', 'AESTDY', 'AEENDY',
] as const;

/** Sponsor-defined relationship terms for the causality the site records. */
const RELATIONSHIP: Readonly<Record<string, string>> = {
  UNRELATED: 'NOT RELATED',
  UNLIKELY: 'UNLIKELY RELATED',
  POSSIBLE: 'POSSIBLY RELATED',
  PROBABLE: 'PROBABLY RELATED',
  DEFINITE: 'RELATED',
};

const TOXICITIES = [
  { type: 'CrsAssessed', toxicity: 'crs', category: 'CRS', term: 'Cytokine release syndrome' },
  { type: 'IcansAssessed', toxicity: 'icans', category: 'ICANS', term: 'Immune effector cell-associated neurotoxicity syndrome' },
] as const;

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * Adverse events as they stand (corrections applied, voided ones left out), graded by CTCAE; and each CRS and
 * ICANS episode (first assessment graded ≥ 1 to the next graded 0, the domain's episode summary) as one AE
 * with its highest ASTCT grade. AEDECOD is the CTCAE term as recorded, not a MedDRA coding (README.md).
 */
export function aeRows(subject: SdtmSubject): SdtmRow[] {
  const keys = subject.keys('AE');
  const reported = liveEntriesOf(subject.entries, 'AdverseEventReported').map(({ data }): SdtmRow => {
    const start = str(data.onsetOn);
    const end = str(data.resolvedOn);
    return {
      ...keys,
      AESPID: str(data.aeId),
      AETERM: str(data.term),
      AEDECOD: str(data.term),
      AECAT: null,
      AESER: data.serious === true ? 'Y' : data.serious === false ? 'N' : null,
      AEREL: RELATIONSHIP[String(data.causality)] ?? null,
      AEOUT: data.grade === 5 ? 'FATAL' : end ? 'RECOVERED/RESOLVED' : null,
      AETOXGR: typeof data.grade === 'number' ? String(data.grade) : null,
      EPOCH: subject.epoch(start),
      AESTDTC: start,
      AEENDTC: end,
      AESTDY: subject.studyDay(start),
      AEENDY: subject.studyDay(end),
    };
  });
  return [...reported, ...TOXICITIES.flatMap((t) => toxicityEpisodes(subject, t))];
}

function toxicityEpisodes(subject: SdtmSubject, t: (typeof TOXICITIES)[number]): SdtmRow[] {
  const infusionAt = str(subject.infusion?.data.completedAt);
  const site = subject.facts.site;
  const protocol = subject.facts.protocol;
  if (!infusionAt || !site || !protocol) return [];
  const assessments = liveEntriesOf(subject.entries, t.type).flatMap(({ data }) => (typeof data.grade === 'number' && str(data.assessedAt) ? [{ at: data.assessedAt as string, grade: data.grade }] : []));
  if (assessments.length === 0) return [];
  const summary = summariseEpisodes({ toxicity: t.toxicity, infusionAt, timeZone: site.timeZone, dayNumbering: protocol.dayNumbering, assessments });
  if (!summary.ok) return [];
  return summary.result.value.episodes.map((episode): SdtmRow => {
    const start = subject.localDateTime(episode.onsetAt);
    const end = episode.resolvedAt ? subject.localDateTime(episode.resolvedAt) : null;
    return {
      ...subject.keys('AE'),
      AESPID: episode.id,
      AETERM: t.term,
      AEDECOD: t.term,
      AECAT: t.category,
      AESER: null,
      AEREL: null,
      AEOUT: episode.fatal ? 'FATAL' : episode.resolved ? 'RECOVERED/RESOLVED' : 'NOT RECOVERED/NOT RESOLVED',
      AETOXGR: String(episode.maxGrade),
      EPOCH: subject.epoch(start),
      AESTDTC: start,
      AEENDTC: end,
      AESTDY: subject.studyDay(start),
      AEENDY: subject.studyDay(end),
    };
  });
}
