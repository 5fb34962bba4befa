import { localDateOf, plan, studyDayOf, type IsoDate } from '@trialflow/domain';
import { journeyContext } from '../participant-view/journey-facts.js';
import { participantProjection } from '../participant-view/participant-projection.js';
import type { ParticipantView } from '../participant-view/participant-view.js';
import { SafetyEntryRow } from './safety-entry.entity.js';

/** AEs, CRS/ICANS assessments and DLT candidates of a participant, as the domain's state holds them now. */
export function safetyRows(view: ParticipantView): SafetyEntryRow[] {
  const s = view.state;
  const context = journeyContext(view);
  if (!context || !s.participantCode) return [];
  const infusionDate = s.infusion?.infusionDate;
  const studyDay = (on: IsoDate | null) => (on && infusionDate ? studyDayOf(infusionDate, on, context.protocol.dayNumbering) : null);
  const saeDue = new Map(plan(s).flatMap((d) => (d.kind === 'SAE_REPORT_DUE' && d.aeId ? [[d.aeId, d.dueAt] as const] : [])));
  const base = {
    participantId: view.participantId,
    participantCode: s.participantCode,
    trialId: context.protocol.trialId,
    cohortId: context.cohort.id,
    siteId: context.site.id,
    doseLevelId: s.doseLevelId ?? null,
    lastStreamVersion: view.version,
    updatedAt: new Date(view.lastRecordedAt),
  };
  const none = { serious: null, causality: null, resolvedOn: null, saeReportedAt: null, saeReportDueAt: null, dltStatus: null, sourceEntryId: null };
  const adverseEvents = s.adverseEvents.map((ae): SafetyEntryRow => {
    const due = saeDue.get(ae.aeId);
    return {
      ...base,
      ...none,
      entryId: ae.entryId,
      kind: 'AE',
      term: ae.term,
      grade: ae.grade,
      serious: ae.serious,
      causality: ae.causality,
      onsetOn: ae.onsetOn,
      studyDay: studyDay(ae.onsetOn),
      resolvedOn: ae.resolvedOn ?? null,
      saeReportedAt: ae.reportedToSponsorAt ? new Date(ae.reportedToSponsorAt) : null,
      saeReportDueAt: due ? new Date(due) : null,
    };
  });
  const toxicity = s.toxicityAssessments.map((t): SafetyEntryRow => {
    const onsetOn = localDateOf(t.value.assessedAt, context.site.utcOffsetMinutes);
    return { ...base, ...none, entryId: t.entryId, kind: t.value.kind, term: t.value.kind, grade: t.value.grade, onsetOn, studyDay: studyDay(onsetOn) };
  });
  const dlt = s.dlt.candidates.map((c): SafetyEntryRow => {
    const source = [...adverseEvents, ...toxicity].find((row) => row.entryId === c.sourceEntryId);
    const status = !c.adjudicated ? 'PENDING' : c.isDlt ? 'DLT' : 'NOT_DLT';
    const onsetOn = source?.onsetOn ?? null;
    return { ...base, ...none, entryId: c.candidateId, kind: 'DLT_CANDIDATE', term: c.rule, grade: source?.grade ?? null, onsetOn, studyDay: studyDay(onsetOn), dltStatus: status, sourceEntryId: c.sourceEntryId };
  });
  return [...adverseEvents, ...toxicity, ...dlt];
}

export const safetyProjection = participantProjection('safety', [{ table: 'rm_safety_entries', entity: SafetyEntryRow, rowsOf: safetyRows }]);
