import { useState } from 'preact/hooks';
import { ApiError, get, newCommandId, post, query } from '../api/client.js';
import { sitesById, timeZoneOf, trials } from '../api/reference.js';
import { can } from '../api/session.js';
import type { CommandAnswer, Page, Participant, Site, TrialSummary, User } from '../api/types.js';
import { formatDate, formatInstant } from '../format/dates.js';
import { PHASE_LABELS, phaseLabel } from '../format/labels.js';
import { useResource } from '../hooks/use-resource.js';
import { navigate } from '../router.js';
import { Badge, Loading, ProblemBanner } from '../ui/feedback.js';
import { CommandForm, SelectField, TextField, numberOrText, optional } from '../ui/form.js';
import { Link } from '../ui/link.js';

interface ListData {
  readonly page: Page<Participant>;
  readonly sites: ReadonlyMap<string, Site>;
  readonly trials: readonly TrialSummary[];
}

/** The roster of the user's sites, and (for coordinators and investigators) registering a new participant. */
export function ParticipantsPage({ user }: { user: User }) {
  const [phase, setPhase] = useState('');
  const [extra, setExtra] = useState<readonly Participant[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const data = useResource(
    async (signal): Promise<ListData> => {
      const [page, sites, trialList] = await Promise.all([get<Page<Participant>>(`/v1/participants${query({ phase, limit: 50 })}`, { signal }), sitesById(), trials()]);
      setExtra([]);
      setCursor(page.nextCursor);
      return { page, sites, trials: trialList };
    },
    [phase],
  );

  async function more() {
    if (!cursor) return;
    const page = await get<Page<Participant>>(`/v1/participants${query({ phase, limit: 50, cursor })}`);
    setExtra((rows) => [...rows, ...page.items]);
    setCursor(page.nextCursor);
  }

  const rows = [...(data.data?.page.items ?? []), ...extra];
  return (
    <>
      <div class="page-header">
        <div>
          <h1>Participants</h1>
          <p class="muted">Every participant of your sites, by code.</p>
        </div>
      </div>
      <div class="two-columns">
        <section class="card section" aria-labelledby="roster-title">
          <div class="section-header">
            <h2 id="roster-title">
              Roster {data.data ? <span class="count">{data.data.page.total}</span> : null}
            </h2>
            <div class="field field-inline">
              <label for="phase-filter">Phase</label>
              <select id="phase-filter" value={phase} onChange={(e) => setPhase(e.currentTarget.value)}>
                <option value="">All phases</option>
                {Object.entries(PHASE_LABELS)
                  .filter(([p]) => p !== 'UNREGISTERED')
                  .map(([p, label]) => (
                    <option key={p} value={p}>
                      {label}
                    </option>
                  ))}
              </select>
            </div>
          </div>
          {data.error ? <ProblemBanner error={data.error} title="The roster could not be loaded" /> : null}
          {!data.data && !data.error ? <Loading /> : null}
          {data.data && rows.length === 0 ? <p class="empty">No participant{phase ? ' in this phase' : ''} yet.</p> : null}
          {rows.length > 0 ? (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Cohort</th>
                  <th scope="col">Site</th>
                  <th scope="col">Phase</th>
                  <th scope="col">Study day</th>
                  <th scope="col">Next</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.participantId}>
                    <td>
                      <Link href={`/participants/${p.participantId}`}>{p.participantCode}</Link>
                    </td>
                    <td>{p.cohortId}</td>
                    <td>{p.siteId}</td>
                    <td>
                      <Badge tone={p.endReason ? 'neutral' : 'info'}>{phaseLabel(p.phase)}</Badge>
                      {p.flags.openDeviations > 0 ? <Badge tone="warning">{p.flags.openDeviations} deviation(s)</Badge> : null}
                    </td>
                    <td>{p.studyDay ?? '—'}</td>
                    <td>{p.nextVisit ? `${p.nextVisit.label}, ${formatDate(p.nextVisit.target)}` : p.nextDeadline ? `${p.nextDeadline.label} (${formatInstant(p.nextDeadline.dueAt, timeZoneOf(data.data?.sites, p.siteId))})` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {cursor ? (
            <button type="button" class="button-secondary" onClick={() => void more()}>
              Show more
            </button>
          ) : null}
        </section>
        {can.runCommands(user.role) && data.data ? <RegisterParticipant trials={data.data.trials} /> : null}
      </div>
    </>
  );
}

function RegisterParticipant({ trials: trialList }: { trials: readonly TrialSummary[] }) {
  const [trialId, setTrialId] = useState(trialList[0]?.trialId ?? '');
  const trial = trialList.find((t) => t.trialId === trialId);
  const [cohortId, setCohortId] = useState(trial?.cohorts[0]?.id ?? '');
  const [siteId, setSiteId] = useState(trial?.sites[0]?.id ?? '');
  const [code, setCode] = useState('');
  const [age, setAge] = useState('');
  const [sex, setSex] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [commandId, setCommandId] = useState(newCommandId());

  function chooseTrial(id: string) {
    const next = trialList.find((t) => t.trialId === id);
    setTrialId(id);
    setCohortId(next?.cohorts[0]?.id ?? '');
    setSiteId(next?.sites[0]?.id ?? '');
  }

  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      const body = { commandId, participantCode: code.trim().toUpperCase(), cohortId, siteId, ageYears: numberOrText(age), sex: optional(sex) };
      const answer = await post<CommandAnswer>(`/v1/trials/${encodeURIComponent(trialId)}/participants`, body);
      setCommandId(newCommandId());
      navigate(`/participants/${answer.summary.participantId}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (!e.retryable) setCommandId(newCommandId());
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (!trial) return null;
  return (
    <section class="card section" aria-label="Register a participant">
      <CommandForm
        id="register"
        title="Register a participant"
        guidance={<p>The code is pseudonymous (no names or dates of birth). Registration opens the screening period.</p>}
        submitLabel="Register"
        busy={busy}
        error={error}
        onSubmit={() => void submit()}
      >
        <SelectField name="trialId" label="Trial" value={trialId} onChange={chooseTrial} options={trialList.map((t) => ({ value: t.trialId, label: `${t.trialId} — ${t.title}` }))} />
        <SelectField name="cohortId" label="Cohort" value={cohortId} onChange={setCohortId} options={trial.cohorts.map((c) => ({ value: c.id, label: `${c.id} — ${c.disease}` }))} />
        <SelectField name="siteId" label="Site" value={siteId} onChange={setSiteId} options={trial.sites.map((s) => ({ value: s.id, label: `${s.id} — ${s.name}` }))} />
        <TextField name="participantCode" label="Participant code" hint="Capital letters, digits and hyphens, e.g. UC-SLE-0001." value={code} onInput={setCode} autoComplete="off" />
        <div class="field-row">
          <TextField name="ageYears" label="Age (years)" value={age} onInput={setAge} inputMode="numeric" />
          <SelectField
            name="sex"
            label="Sex at birth"
            value={sex}
            onChange={setSex}
            options={[
              { value: '', label: 'Not given' },
              { value: 'F', label: 'Female' },
              { value: 'M', label: 'Male' },
            ]}
          />
        </div>
      </CommandForm>
    </section>
  );
}
