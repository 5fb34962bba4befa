import type { FunctionComponent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, query } from '../../api/client.js';
import type { Protocol } from '../../api/protocol.js';
import { protocolOf, sitesById } from '../../api/reference.js';
import { can } from '../../api/session.js';
import type { CommandAnswer, Participant, Site, StateAsOf, Timeline, User } from '../../api/types.js';
import { daysBetween, formatDate, formatInstant, siteToday } from '../../format/dates.js';
import { phaseLabel } from '../../format/labels.js';
import { useResource } from '../../hooks/use-resource.js';
import { Badge, Loading, Notice, ProblemBanner } from '../../ui/feedback.js';
import { Link } from '../../ui/link.js';
import { EventList } from './event-list.js';
import { journeyGeometry } from './journey-geometry.js';
import { nextSteps, type Step, type StepId } from './next-steps.js';
import { AttestationStep, ConsentStep, EnrolStep, EvaluateStep, FailScreeningStep, ObservationStep, SignEligibilityStep } from './steps/screening-steps.js';
import type { StepProps } from './steps/step-props.js';
import { InfusionStep, LdCalculationStep, LdDoseStep, MedicationStopStep, PreInfusionCheckStep, ProductLotStep, ThawCountdown, ThawStep } from './steps/treatment-steps.js';
import { AdverseEventStep, CrsStep, DltAdjudicationStep, IcansStep, VisitStep } from './steps/follow-up-steps.js';
import { LdCalculationView } from './steps/ld-calculation-view.js';
import { CorrectionStep } from './steps/correction-step.js';
import { DeviationDecisionStep } from './steps/deviation-decision-step.js';
import { SaeReportStep } from './steps/sae-report-step.js';
import { UnscheduledVisitStep } from './steps/unscheduled-visit-step.js';
import { TimelinePlot } from './timeline-plot.js';

const FORMS: Record<StepId, FunctionComponent<StepProps>> = {
  consent: ConsentStep,
  observations: ObservationStep,
  attestations: AttestationStep,
  evaluate: EvaluateStep,
  sign: SignEligibilityStep,
  'fail-screening': FailScreeningStep,
  enrol: EnrolStep,
  'medication-stop': MedicationStopStep,
  'product-lot': ProductLotStep,
  'ld-calculation': LdCalculationStep,
  'ld-dose': LdDoseStep,
  'pre-infusion-check': PreInfusionCheckStep,
  thaw: ThawStep,
  infusion: InfusionStep,
  visit: VisitStep,
  'adverse-event': AdverseEventStep,
  crs: CrsStep,
  icans: IcansStep,
  'dlt-adjudication': DltAdjudicationStep,
  'unscheduled-visit': UnscheduledVisitStep,
  'sae-report': SaeReportStep,
  'deviation-decision': DeviationDecisionStep,
  correction: CorrectionStep,
};

/** The state the domain folds from every event recorded so far (an instant after any clock skew). */
const LATEST = '9999-12-31T23:59:59Z';

interface PageData {
  readonly participant: Participant;
  readonly state: StateAsOf;
  readonly timeline: Timeline;
  readonly protocol: Protocol;
  readonly site: Site;
}

async function loadParticipant(participantId: string, minVersion: number, signal: AbortSignal): Promise<PageData> {
  // The roster waits for the version just written (read-your-writes); once it has it, the event store (which
  // the state and the timeline are read from) has it too, since the roster is projected from the store.
  const participant = await get<Participant>(`/v1/participants/${participantId}${query({ minVersion: minVersion || undefined })}`, { signal });
  const [state, timeline, protocol, sites] = await Promise.all([
    get<StateAsOf>(`/v1/participants/${participantId}/audit/state${query({ asOf: LATEST })}`, { signal }),
    get<Timeline>(`/v1/participants/${participantId}/audit/timeline`, { signal }),
    protocolOf(participant.trialId, participant.protocolVersion),
    sitesById(),
  ]);
  const site = sites.get(participant.siteId) ?? protocol.sites.find((s) => s.id === participant.siteId) ?? { id: participant.siteId, name: participant.siteId, timeZone: 'UTC', utcOffsetMinutes: 0 };
  return { participant, state, timeline, protocol, site };
}

/** One participant: where they are, what to record next (each a form), the journey plot and the events. */
export function ParticipantPage({ participantId, user }: { participantId: string; user: User }) {
  // The version the last command answered: every load waits until the reads reflect it.
  const minVersion = useRef(0);
  const [recorded, setRecorded] = useState<string | undefined>(undefined);
  const data = useResource((signal) => loadParticipant(participantId, minVersion.current, signal), [participantId]);

  if (data.error && !data.data) return <ProblemBanner error={data.error} title="This participant could not be loaded" />;
  if (!data.data) return <Loading label="Loading the participant…" />;
  const { participant: p, state, timeline, protocol, site } = data.data;
  const timeZone = site.timeZone;
  const today = siteToday(timeZone);
  const plan = nextSteps(state.state, protocol, p.cohortId, user.role);
  const geometry = journeyGeometry(protocol, state.state, timeline.entries, site.utcOffsetMinutes);
  const studyDayOf = (date: string): number | undefined => {
    if (!p.infusionDate) return undefined;
    const days = daysBetween(p.infusionDate, date);
    return protocol.dayNumbering === 'infusion-day-1' && days >= 0 ? days + 1 : days;
  };

  // The page says "recorded" once it shows what was recorded, not before.
  async function onRecorded(answer: CommandAnswer, what: string) {
    minVersion.current = Math.max(minVersion.current, answer.streamVersion);
    setRecorded(undefined);
    await data.reload();
    setRecorded(`${what} (record version ${answer.streamVersion}).`);
  }

  const props: StepProps = { participantId, cohortId: p.cohortId, state: state.state, protocol, timeline, nextVisit: p.nextVisit, timeZone, user, onRecorded };
  const cohort = protocol.cohorts.find((c) => c.id === p.cohortId);

  return (
    <>
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/participants">Participants</Link> <span aria-hidden="true">›</span> <span aria-current="page">{p.participantCode}</span>
      </nav>
      <div class="page-header">
        <div>
          <h1>
            {p.participantCode} <Badge tone={p.endReason ? 'neutral' : 'info'}>{phaseLabel(p.phase)}</Badge>
          </h1>
          <p class="muted">
            {protocol.title} · {cohort ? `${cohort.id} (${cohort.disease})` : p.cohortId} · {site.name} ({site.id}, dates in {timeZone})
          </p>
        </div>
        <div class="header-actions">
          <Link href={`/participants/${participantId}/audit`} class="button-secondary">
            Audit trail
          </Link>
          <button type="button" class="button-secondary" onClick={() => void data.reload()} disabled={data.loading}>
            {data.loading ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </div>

      <dl class="facts facts-header" data-testid="participant-facts">
        <div>
          <dt>Phase</dt>
          <dd data-testid="phase">{phaseLabel(p.phase)}</dd>
        </div>
        <div>
          <dt>Study day</dt>
          <dd data-testid="study-day">{p.studyDay ?? '—'}</dd>
        </div>
        <div>
          <dt>Infusion</dt>
          <dd>{formatDate(p.infusionDate)}</dd>
        </div>
        <div>
          <dt>Dose level</dt>
          <dd>{p.doseLevelId ?? '—'}</dd>
        </div>
        <div>
          <dt>Next visit</dt>
          <dd>{p.nextVisit ? `${p.nextVisit.label}: ${formatDate(p.nextVisit.target)} (window ${formatDate(p.nextVisit.opens)} – ${formatDate(p.nextVisit.closes)})` : '—'}</dd>
        </div>
        <div>
          <dt>Next deadline</dt>
          <dd>{p.nextDeadline ? `${p.nextDeadline.label}, ${formatInstant(p.nextDeadline.dueAt, timeZone)}` : '—'}</dd>
        </div>
      </dl>
      {p.flags.openDeviations > 0 || p.flags.pendingDltCandidates > 0 || p.flags.saeReportsDue > 0 ? (
        <Notice kind="warning">
          {[p.flags.openDeviations > 0 ? `${p.flags.openDeviations} open deviation candidate(s)` : '', p.flags.pendingDltCandidates > 0 ? `${p.flags.pendingDltCandidates} DLT candidate(s) to adjudicate` : '', p.flags.saeReportsDue > 0 ? `${p.flags.saeReportsDue} SAE report(s) due` : ''].filter(Boolean).join(' · ')}
        </Notice>
      ) : null}
      {recorded ? (
        <Notice kind="success">
          <span data-testid="recorded">{recorded}</span>
        </Notice>
      ) : null}
      {data.error ? <ProblemBanner error={data.error} title="The page could not be refreshed" /> : null}

      <section class="card section">
        <TimelinePlot geometry={geometry} today={today} studyDayOf={studyDayOf} />
      </section>
      <section class="card section steps" aria-labelledby="steps-title">
        <h2 id="steps-title">Next steps</h2>
        {state.state.thawStartedAt && !state.state.infusion ? <ThawCountdown thawStartedAt={state.state.thawStartedAt} limitMinutes={protocol.infusion.thawToInfusionLimitMinutes} timeZone={timeZone} /> : null}
        {plan.steps.every((step) => step.recordKeeping) ? <p class="empty">{p.endReason ? 'The journey has ended.' : p.phase === 'SCREEN_FAILED' ? 'Screening failed: a re-screening, if the protocol allows one, is recorded through the API.' : 'Nothing to record in this phase here: use the API (see /docs).'}</p> : null}
        {!can.runCommands(user.role) ? <p class="banner banner-info">You can read this participant's record; recording is for coordinators and investigators.</p> : null}
        <ol class="step-list">
          {plan.steps.map((step) => (
            <StepItem key={step.id} step={step} isNext={plan.next === step.id} props={props} user={user} />
          ))}
        </ol>
      </section>
      <EventList entries={timeline.entries} timeZone={timeZone} />
    </>
  );
}

function StepItem({ step, isNext, props, user }: { step: Step; isNext: boolean; props: StepProps; user: User }) {
  const Form = FORMS[step.id];
  // The next step opens by itself (also when it becomes next after a recording); any other opens on demand.
  const [open, setOpen] = useState(isNext);
  useEffect(() => {
    if (isNext) setOpen(true);
  }, [isNext]);
  const status = step.status === 'done' ? 'Done' : step.status === 'blocked' ? 'Not yet' : isNext ? 'Next' : step.optional ? 'If needed' : 'To do';
  const tone = step.status === 'done' ? 'success' : step.status === 'blocked' ? 'neutral' : isNext ? 'warning' : 'info';
  // Recording more is possible for some done steps (another observation, a recalculation, another medication).
  const canRecord = step.actionable && (step.status !== 'done' || step.id === 'observations' || step.id === 'attestations' || step.id === 'evaluate' || step.id === 'medication-stop' || step.id === 'ld-calculation');
  return (
    <li class={`step step-${step.status}${isNext ? ' step-next' : ''}`} data-step={step.id}>
      <details
        open={open}
        onToggle={(e) => {
          const now = (e.currentTarget as HTMLDetailsElement).open;
          if (now !== open) setOpen(now);
        }}
      >
        <summary>
          <span class="step-title">{step.title}</span>
          <Badge tone={tone}>{status}</Badge>
          {step.investigatorOnly ? <span class="muted small"> investigator</span> : null}
          {step.note ? <span class="step-note">{step.note}</span> : null}
        </summary>
        <div class="step-body">
          {canRecord ? <Form {...props} /> : step.status === 'blocked' ? <p class="muted">{step.note}</p> : step.investigatorOnly && user.role !== 'investigator' && step.status !== 'done' ? <p class="muted">An investigator records this step (signed in as an investigator of this site).</p> : <DoneStep step={step} props={props} />}
        </div>
      </details>
    </li>
  );
}

/** What a step recorded, for whoever cannot (or need not) record it again. */
function DoneStep({ step, props }: { step: Step; props: StepProps }) {
  if (step.id === 'ld-calculation') {
    const latest = [...props.timeline.entries].reverse().find((e) => e.type === 'LymphodepletionDosesCalculated');
    if (latest) return <LdCalculationView entry={latest} />;
  }
  if (step.id === 'ld-dose' && props.state.ld.administered.length > 0) {
    return (
      <ul class="plain-list">
        {props.state.ld.administered.map((a) => (
          <li key={a.entryId}>
            D{a.value.day} {a.value.drug}: {a.value.doseMg} mg at {formatInstant(a.value.at, props.timeZone)}
          </li>
        ))}
      </ul>
    );
  }
  return <p class="muted">Recorded: the events below show who recorded what, and when.</p>;
}
