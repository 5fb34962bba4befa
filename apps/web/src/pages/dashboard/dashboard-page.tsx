import { get, query } from '../../api/client.js';
import { protocolOf, sitesById, trials } from '../../api/reference.js';
import type { EfficacySummary, EfficacySummaryLine, Page, Participant, Phase, StateAsOf, TrialSummary } from '../../api/types.js';
import { siteToday } from '../../format/dates.js';
import { PHASE_LABELS } from '../../format/labels.js';
import { useResource } from '../../hooks/use-resource.js';
import { navigate, useLocation } from '../../router.js';
import { Loading, Notice, ProblemBanner } from '../../ui/feedback.js';
import { EfficacySummarySection } from './efficacy-summary.js';
import { enrolmentByCohort, laneOf, type Lane } from './swimmer-lanes.js';
import { SwimmerPlot } from './swimmer-plot.js';

/** One state request per lane: beyond this many the plot shows the first ones and says so. */
export const MAX_LANES = 50;
const LATEST = '9999-12-31T23:59:59Z';
const PHASES = Object.keys(PHASE_LABELS) as Phase[];

interface BoardLine {
  readonly cohortId: string;
  readonly doseLevelId: string | null;
  readonly infused: number;
  readonly withCrs: number;
  readonly withCrsGrade3Plus: number;
  readonly withIcans: number;
  readonly withIcansGrade3Plus: number;
  readonly withAeGrade3Plus: number;
  readonly seriousAdverseEvents: number;
  readonly dltsConfirmed: number;
  readonly dltCandidatesPending: number;
  readonly dltEvaluable: number;
}

interface DashboardData {
  readonly trial: TrialSummary;
  readonly participants: readonly Participant[];
  readonly lanes: readonly Lane[];
  readonly board: readonly BoardLine[];
  readonly efficacy: readonly EfficacySummaryLine[];
}

async function allParticipants(trialId: string, signal: AbortSignal): Promise<Participant[]> {
  const out: Participant[] = [];
  let cursor: string | undefined;
  do {
    const page: Page<Participant> = await get<Page<Participant>>(`/v1/participants${query({ trialId, limit: 100, cursor })}`, { signal });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

async function loadDashboard(trial: TrialSummary, signal: AbortSignal): Promise<DashboardData> {
  const [participants, board, efficacy, protocol, sites] = await Promise.all([
    allParticipants(trial.trialId, signal),
    get<{ lines: BoardLine[] }>(`/v1/trials/${encodeURIComponent(trial.trialId)}/safety-board`, { signal }),
    get<EfficacySummary>(`/v1/trials/${encodeURIComponent(trial.trialId)}/efficacy-summary`, { signal }),
    protocolOf(trial.trialId),
    sitesById(),
  ]);
  // Infused participants first (most recent infusion on top), then those still before the infusion.
  const ordered = [...participants].sort((a, b) => (b.infusionDate ?? '').localeCompare(a.infusionDate ?? '') || a.participantCode.localeCompare(b.participantCode));
  const lanes = await Promise.all(
    ordered.slice(0, MAX_LANES).map(async (p) => {
      const state = await get<StateAsOf>(`/v1/participants/${p.participantId}/audit/state${query({ asOf: LATEST })}`, { signal });
      const site = sites.get(p.siteId);
      return laneOf(p, state.state, protocol, siteToday(site?.timeZone ?? 'UTC'), site?.utcOffsetMinutes ?? 0);
    }),
  );
  return { trial, participants, lanes, board: board.lines, efficacy: efficacy.lines };
}

/** A trial at a glance: enrolment by cohort, a swimmer plot of its participants, the DLT board and response rates. */
export function DashboardPage() {
  const { search } = useLocation();
  const wanted = search.get('trial');
  const trialList = useResource(() => trials(), []);
  const trial = trialList.data?.find((t) => t.trialId === wanted) ?? trialList.data?.[0];
  const data = useResource((signal) => (trial ? loadDashboard(trial, signal) : Promise.resolve(undefined)), [trial?.trialId]);

  if (trialList.error) return <ProblemBanner error={trialList.error} title="The trials could not be loaded" />;
  if (trialList.data && trialList.data.length === 0) return <p class="empty">You are bound to no trial.</p>;
  if (!trial) return <Loading label="Loading the trials…" />;

  return (
    <>
      <div class="page-header">
        <div>
          <h1>Trial dashboard</h1>
          <p class="muted">{trial.title} · your sites only</p>
        </div>
        <div class="field field-inline">
          <label for="dashboard-trial">Trial</label>
          <select id="dashboard-trial" value={trial.trialId} onChange={(e) => navigate(`/trials${query({ trial: (e.target as HTMLSelectElement).value })}`)}>
            {trialList.data?.map((t) => (
              <option key={t.trialId} value={t.trialId}>
                {t.trialId}
              </option>
            ))}
          </select>
        </div>
      </div>
      {data.error ? <ProblemBanner error={data.error} title="The dashboard could not be loaded" /> : null}
      {!data.data ? (
        <Loading label="Loading the dashboard…" />
      ) : (
        <>
          <Enrolment data={data.data} />
          <section class="card section" aria-labelledby="swimmer-title">
            <h2 id="swimmer-title">Participants by study day</h2>
            {data.data.participants.length > MAX_LANES ? (
              <Notice kind="warning">
                Showing {MAX_LANES} of {data.data.participants.length} participants (most recently infused first).
              </Notice>
            ) : null}
            <SwimmerPlot lanes={data.data.lanes} />
            <p class="muted">Bar: registration to today or end of study · shaded: DLT window · dots: AEs by grade · C/I n: CRS/ICANS grade · ticks: visits done · <span class="legend-response" aria-hidden="true">◆</span> efficacy response (instrument's published definition).</p>
          </section>
          <DltBoard lines={data.data.board} />
          <EfficacySummarySection lines={data.data.efficacy} />
        </>
      )}
    </>
  );
}

function Enrolment({ data }: { data: DashboardData }) {
  const counts = enrolmentByCohort(data.participants);
  const cohorts = data.trial.cohorts.map((c) => c.id).concat([...counts.keys()].filter((id) => !data.trial.cohorts.some((c) => c.id === id)));
  const most = Math.max(1, ...[...counts.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  return (
    <section class="card section" aria-labelledby="enrolment-title">
      <h2 id="enrolment-title">Enrolment by cohort</h2>
      <table class="table" data-testid="enrolment">
        <thead>
          <tr>
            <th scope="col">Cohort</th>
            <th scope="col">Total</th>
            {PHASES.filter((p) => p !== 'UNREGISTERED').map((p) => (
              <th key={p} scope="col">
                {PHASE_LABELS[p]}
              </th>
            ))}
            <th scope="col" aria-label="Bar" />
          </tr>
        </thead>
        <tbody>
          {cohorts.map((id) => {
            const byPhase = counts.get(id) ?? new Map<Phase, number>();
            const total = [...byPhase.values()].reduce((a, b) => a + b, 0);
            return (
              <tr key={id} data-cohort={id}>
                <th scope="row">{id}</th>
                <td data-phase="TOTAL">{total}</td>
                {PHASES.filter((p) => p !== 'UNREGISTERED').map((p) => (
                  <td key={p} data-phase={p}>
                    {byPhase.get(p) ?? 0}
                  </td>
                ))}
                <td>
                  <svg viewBox="0 0 120 10" width="120" height="10" aria-hidden="true">
                    <rect x={0} y={0} width={(total / most) * 120} height={10} rx={2} class="enrolment-bar" />
                  </svg>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function DltBoard({ lines }: { lines: readonly BoardLine[] }) {
  return (
    <section class="card section" aria-labelledby="dlt-board-title">
      <h2 id="dlt-board-title">DLT board</h2>
      {lines.length === 0 ? (
        <p class="empty">No participant infused yet.</p>
      ) : (
        <table class="table" data-testid="dlt-board">
          <thead>
            <tr>
              <th scope="col">Cohort</th>
              <th scope="col">Dose level</th>
              <th scope="col">Infused</th>
              <th scope="col">CRS (≥G3)</th>
              <th scope="col">ICANS (≥G3)</th>
              <th scope="col">AE ≥G3</th>
              <th scope="col">SAEs</th>
              <th scope="col">DLTs confirmed / pending</th>
              <th scope="col">DLT-evaluable</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={`${l.cohortId}-${l.doseLevelId ?? ''}`}>
                <th scope="row">{l.cohortId}</th>
                <td>{l.doseLevelId ?? '—'}</td>
                <td>{l.infused}</td>
                <td>
                  {l.withCrs} ({l.withCrsGrade3Plus})
                </td>
                <td>
                  {l.withIcans} ({l.withIcansGrade3Plus})
                </td>
                <td>{l.withAeGrade3Plus}</td>
                <td>{l.seriousAdverseEvents}</td>
                <td>
                  {l.dltsConfirmed} / {l.dltCandidatesPending}
                </td>
                <td>{l.dltEvaluable}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
