import { useEffect, useState } from 'preact/hooks';
import { ApiError, download, get, query } from '../../api/client.js';
import { sitesById, timeZoneOf } from '../../api/reference.js';
import { can } from '../../api/session.js';
import type { Participant, StateAsOf, Timeline, TimelineEntry, User, Verification } from '../../api/types.js';
import { formatDate, formatInstant, fromLocalInput, toLocalInput } from '../../format/dates.js';
import { eventLabel, phaseLabel } from '../../format/labels.js';
import { useResource } from '../../hooks/use-resource.js';
import { eventSummary } from '../participant/event-list.js';
import { Badge, Loading, Notice, ProblemBanner } from '../../ui/feedback.js';
import { Link } from '../../ui/link.js';
import { WorklistAsOfView } from './worklist-as-of.js';

type Basis = 'recorded' | 'clinical';

interface AuditData {
  readonly participant: Participant;
  readonly timeline: Timeline;
  readonly verification: Verification;
  readonly timeZone: string;
}

async function loadAudit(participantId: string, signal: AbortSignal): Promise<AuditData> {
  const [participant, timeline, verification, sites] = await Promise.all([
    get<Participant>(`/v1/participants/${participantId}`, { signal }),
    get<Timeline>(`/v1/participants/${participantId}/audit/timeline`, { signal }),
    get<Verification>(`/v1/participants/${participantId}/audit/verification`, { signal }),
    sitesById(),
  ]);
  return { participant, timeline, verification, timeZone: timeZoneOf(sites, participant.siteId) };
}

const instantOf = (e: TimelineEntry, basis: Basis): string => (basis === 'recorded' ? e.recordedAt : e.occurredAt);

/**
 * The inspector's view of one participant: the record as it stood at any instant (by when facts were
 * recorded, or by when they happened), the worklist the journey was working from then, every event with
 * who, when and why, the verification of the record (hash chain, and the store against the workflow's own
 * history), and the exports.
 */
export function AuditPage({ participantId, user }: { participantId: string; user: User }) {
  const data = useResource((signal) => loadAudit(participantId, signal), [participantId]);
  const [basis, setBasis] = useState<Basis>('recorded');
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [stateAt, setStateAt] = useState<StateAsOf | undefined>(undefined);
  const [stateError, setStateError] = useState<ApiError | undefined>(undefined);
  const [exported, setExported] = useState<string | undefined>(undefined);
  const [exportError, setExportError] = useState<ApiError | undefined>(undefined);

  const entries = data.data?.timeline.entries ?? [];
  const ordered = [...entries].sort((a, b) => instantOf(a, basis).localeCompare(instantOf(b, basis)) || a.streamPosition - b.streamPosition);
  const effectiveAsOf = asOf ?? (ordered.length > 0 ? instantOf(ordered.at(-1)!, basis) : undefined);

  useEffect(() => {
    if (!effectiveAsOf) return;
    const controller = new AbortController();
    get<StateAsOf>(`/v1/participants/${participantId}/audit/state${query({ asOf: effectiveAsOf, basis })}`, { signal: controller.signal }).then(
      (answer) => {
        setStateAt(answer);
        setStateError(undefined);
      },
      (error: unknown) => {
        if (error instanceof ApiError) setStateError(error);
      },
    );
    return () => controller.abort();
  }, [participantId, effectiveAsOf, basis]);

  if (data.error) return <ProblemBanner error={data.error} title="The audit trail could not be loaded" />;
  if (!data.data) return <Loading label="Loading the audit trail…" />;
  const { participant: p, verification: v, timeZone } = data.data;
  const included = new Set(stateAt?.positions ?? []);
  const sliderIndex = Math.max(0, ordered.findLastIndex((e) => effectiveAsOf !== undefined && instantOf(e, basis) <= effectiveAsOf));
  const state = stateAt?.state;

  async function exportFile(format: 'odm' | 'sdtm') {
    setExported(undefined);
    setExportError(undefined);
    try {
      const saved = await download(`/v1/participants/${participantId}/exports/${format}`, `${p.participantCode}.${format === 'odm' ? 'odm.xml' : 'sdtm.zip'}`);
      setExported(`Saved ${saved.name} (${saved.bytes.toLocaleString('en-GB')} bytes).`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setExportError(e);
    }
  }

  return (
    <>
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/participants">Participants</Link> <span aria-hidden="true">›</span> <Link href={`/participants/${participantId}`}>{p.participantCode}</Link> <span aria-hidden="true">›</span> <span aria-current="page">Audit trail</span>
      </nav>
      <div class="page-header">
        <div>
          <h1>
            Audit trail · {p.participantCode} <Badge tone="info">{phaseLabel(p.phase)} now</Badge>
          </h1>
          <p class="muted">
            {p.trialId} · {p.cohortId} · {p.siteId} · times in {timeZone} · {entries.length} events
          </p>
        </div>
        {can.export(user.role) ? (
          <div class="header-actions">
            <button type="button" class="button-secondary" onClick={() => void exportFile('odm')}>
              Export ODM (XML)
            </button>
            <button type="button" class="button-secondary" onClick={() => void exportFile('sdtm')}>
              Export SDTM (zip)
            </button>
          </div>
        ) : null}
      </div>
      {exported ? (
        <Notice kind="success">
          <span data-testid="export-done">{exported}</span>
        </Notice>
      ) : null}
      {exportError ? <ProblemBanner error={exportError} title="The export failed" /> : null}

      <section class="card section" aria-labelledby="verification-title">
        <h2 id="verification-title">Verification</h2>
        <p data-testid="verification">
          {v.ok ? <span class="verification-ok">✓ Record verified</span> : <span class="verification-failed">✗ Verification found a problem</span>} <span class="muted small">checked {formatInstant(v.checkedAt, timeZone)}</span>
        </p>
        <ul class="plain-list">
          <li>Hash chain: {v.hashChain.ok ? `intact over ${v.hashChain.eventsChecked} events` : `broken at ${JSON.stringify(v.hashChain.firstBrokenLink)}`}</li>
          <li>
            Workflow history:{' '}
            {!v.workflowHistory.available
              ? 'not reachable: the cross-check could not be made'
              : `${v.workflowHistory.ok ? 'matches the store' : 'differs from the store'}${v.workflowHistory.complete === false ? ' (part of it is past retention)' : ''} — ${Object.entries(v.workflowHistory.counts ?? {})
                  .filter(([, n]) => n > 0)
                  .map(([status, n]) => `${n} ${status.toLowerCase().replaceAll('_', ' ')}`)
                  .join(', ')}`}
          </li>
        </ul>
      </section>

      <section class="card section" aria-labelledby="as-of-title">
        <h2 id="as-of-title">The record as of an instant</h2>
        <div class="as-of">
          <div class="field">
            <label for="as-of-basis">Events</label>
            <select id="as-of-basis" value={basis} onChange={(e) => {
                setBasis(e.currentTarget.value as Basis);
                setAsOf(undefined);
              }}>
              <option value="recorded">as recorded by then</option>
              <option value="clinical">as having happened by then</option>
            </select>
          </div>
          <div class="field as-of-slider">
            <label for="as-of-step">
              Step through the record: event {sliderIndex + 1} of {ordered.length}
            </label>
            <input id="as-of-step" type="range" min={0} max={Math.max(0, ordered.length - 1)} value={sliderIndex} onInput={(e) => setAsOf(instantOf(ordered[Number(e.currentTarget.value)]!, basis))} />
          </div>
          <div class="field">
            <label for="as-of-instant">As of (site time)</label>
            <input
              id="as-of-instant"
              type="datetime-local"
              step={1}
              value={effectiveAsOf ? toLocalInput(effectiveAsOf, timeZone).concat(':', new Date(effectiveAsOf).toISOString().slice(17, 19)) : ''}
              onChange={(e) => {
                const instant = fromLocalInput(e.currentTarget.value, timeZone);
                if (instant) setAsOf(new Date(Date.parse(instant) + 999).toISOString());
              }}
            />
          </div>
          <button type="button" class="button-secondary" onClick={() => setAsOf(undefined)}>
            Latest
          </button>
        </div>
        {stateError ? <ProblemBanner error={stateError} /> : null}
        {state && stateAt ? (
          <div class="audit-grid">
            <div>
              <h3>State</h3>
              <dl class="facts" data-testid="state-as-of">
                <div>
                  <dt>As of</dt>
                  <dd>{formatInstant(stateAt.asOf, timeZone)}</dd>
                </div>
                <div>
                  <dt>Phase</dt>
                  <dd data-testid="phase-as-of">{phaseLabel(state.phase)}</dd>
                </div>
                <div>
                  <dt>Events</dt>
                  <dd>
                    {stateAt.positions.length} of {stateAt.currentVersion}
                  </dd>
                </div>
                <div>
                  <dt>Consent</dt>
                  <dd>{state.consent ? `ICF ${state.consent.icfVersion}, ${formatDate(state.consent.signedOn)}` : '—'}</dd>
                </div>
                <div>
                  <dt>Eligibility</dt>
                  <dd>{state.screening.signature ? `signed by ${state.screening.signature.signer.name ?? state.screening.signature.signer.id}` : state.screening.evaluation ? (state.screening.evaluation.eligible ? 'eligible, not signed' : 'not eligible') : 'not evaluated'}</dd>
                </div>
                <div>
                  <dt>Infusion</dt>
                  <dd>{state.infusion ? formatDate(state.infusion.infusionDate) : '—'}</dd>
                </div>
              </dl>
            </div>
            <WorklistAsOfView worklist={stateAt.worklist} timeZone={timeZone} />
          </div>
        ) : (
          <Loading label="Replaying…" />
        )}
      </section>

      <section class="card section" aria-labelledby="trail-title">
        <h2 id="trail-title">
          Every event <span class="count">{entries.length}</span>
        </h2>
        <table class="table events" data-testid="audit-events">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Happened</th>
              <th scope="col">Recorded</th>
              <th scope="col">Event</th>
              <th scope="col">Details</th>
              <th scope="col">Who</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((e, i) => (
              <tr key={e.eventId} class={!included.has(e.streamPosition) ? 'after-as-of' : i === sliderIndex ? 'at-as-of' : undefined}>
                <td>{e.streamPosition}</td>
                <td>{formatInstant(e.occurredAt, timeZone)}</td>
                <td>{formatInstant(e.recordedAt, timeZone)}</td>
                <td>
                  {eventLabel(e.type)}
                  {e.correctedBy.length > 0 ? <span class="muted small"> (corrected by #{e.correctedBy.join(', #')})</span> : null}
                  {e.voidedBy !== null ? <span class="muted small"> (voided by #{e.voidedBy})</span> : null}
                </td>
                <td class="small">{eventSummary(e)}</td>
                <td class="small">
                  {e.who ? `${e.who.actorId} (${e.who.role}${e.who.siteId ? `, ${e.who.siteId}` : ''})` : 'system'}
                  {e.importedBy ? <div class="muted" data-testid="imported-by">imported by {e.importedBy.name ?? e.importedBy.actorId}</div> : null}
                </td>
                <td class="small">{e.why ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
