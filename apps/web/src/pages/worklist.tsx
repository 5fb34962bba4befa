import type { ComponentChildren } from 'preact';
import { get, query } from '../api/client.js';
import { sitesById, timeZoneOf } from '../api/reference.js';
import { can } from '../api/session.js';
import type { DeviationItem, Page, Participant, Site, User, WorklistItem } from '../api/types.js';
import { formatDate, formatInstant } from '../format/dates.js';
import { kindLabel } from '../format/labels.js';
import { useResource } from '../hooks/use-resource.js';
import { Badge, Loading, ProblemBanner } from '../ui/feedback.js';
import { Link } from '../ui/link.js';
import { dueIn, worklistCategories } from './worklist-categories.js';

interface PendingSignature {
  readonly participantId: string;
  readonly participantCode: string;
  readonly siteId: string;
  readonly what: string;
  /** The evaluation's instant, or the DLT candidate's onset date. */
  readonly since: { readonly instant: string } | { readonly date: string | null };
}

interface WorklistData {
  readonly items: readonly WorklistItem[];
  readonly deviations: readonly DeviationItem[];
  readonly signatures: readonly PendingSignature[];
  readonly sites: ReadonlyMap<string, Site>;
}

interface SafetyEntry {
  readonly participantId: string;
  readonly participantCode: string;
  readonly siteId: string;
  readonly term: string;
  readonly onsetOn: string | null;
}

/** Eligibility evaluations waiting for the investigator's e-signature: the roster flags them (one request). */
async function eligibilityAwaitingSignature(signal: AbortSignal): Promise<PendingSignature[]> {
  const awaiting = await get<Page<Participant>>(`/v1/participants${query({ eligibilityToSign: 'true', limit: 200 })}`, { signal });
  return awaiting.items.map((p) => ({ participantId: p.participantId, participantCode: p.participantCode, siteId: p.siteId, what: 'Eligibility evaluation to sign', since: { instant: p.flags.eligibilityToSignSince ?? '' } }));
}

async function loadWorklist(signal: AbortSignal): Promise<WorklistData> {
  const [worklist, deviations, dlt, eligibility, sites] = await Promise.all([
    get<{ items: WorklistItem[] }>(`/v1/worklist${query({ horizonDays: 14, closingSoonDays: 3 })}`, { signal }),
    get<Page<DeviationItem>>(`/v1/deviations${query({ status: 'CANDIDATE', limit: 200 })}`, { signal }),
    get<Page<SafetyEntry>>(`/v1/safety-entries${query({ kind: 'DLT_CANDIDATE', dltStatus: 'PENDING', limit: 200 })}`, { signal }),
    eligibilityAwaitingSignature(signal),
    sitesById(),
  ]);
  const adjudications = dlt.items.map((d): PendingSignature => ({ participantId: d.participantId, participantCode: d.participantCode, siteId: d.siteId, what: `DLT candidate to adjudicate (${d.term})`, since: { date: d.onsetOn } }));
  return { items: worklist.items, deviations: deviations.items, signatures: [...eligibility, ...adjudications], sites };
}

/** The coordinator's home: what needs doing today and soon, across all the participants of their sites. */
export function WorklistPage({ user }: { user: User }) {
  const data = useResource(loadWorklist, [user.id]);
  if (data.error) return <ProblemBanner error={data.error} title="The worklist could not be loaded" />;
  if (!data.data) return <Loading label="Loading the worklist…" />;
  const { items, deviations, signatures, sites } = data.data;
  const { overdue, dueToday: today, closingSoon: closing, later } = worklistCategories(items);
  const siteNames = user.sites.map((s) => sites.get(s)?.name ?? s).join(', ');

  return (
    <>
      <div class="page-header">
        <div>
          <h1>Worklist</h1>
          <p class="muted">
            {siteNames} · each item is dated in its site's own calendar
          </p>
        </div>
        <button type="button" class="button-secondary" onClick={() => void data.reload()} disabled={data.loading}>
          {data.loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {!can.runCommands(user.role) ? <p class="banner banner-info">You can read the worklist; recording is for coordinators and investigators.</p> : null}
      <ul class="tiles" aria-label="Summary">
        <Tile href="#overdue" count={overdue.length} label="Overdue" tone="danger" />
        <Tile href="#due-today" count={today.length} label="Due today" tone="warning" />
        <Tile href="#closing-soon" count={closing.length} label="Windows closing soon" tone="warning" />
        <Tile href="#deviations" count={deviations.length} label="Deviation candidates" tone="info" />
        <Tile href="#signatures" count={signatures.length} label="Awaiting investigator signature" tone="info" />
      </ul>
      <ItemSection id="overdue" title="Overdue" items={overdue} sites={sites} empty="Nothing is overdue." />
      <ItemSection id="due-today" title="Due today" items={today} sites={sites} empty="Nothing is due today." />
      <ItemSection id="closing-soon" title="Windows closing soon" items={closing} sites={sites} empty="No window closes in the next 3 days." />
      <Section id="deviations" title="Open deviation candidates" count={deviations.length}>
        {deviations.length === 0 ? (
          <p class="empty">No deviation candidate awaits a decision.</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Participant</th>
                <th scope="col">Rule</th>
                <th scope="col">What happened</th>
                <th scope="col">Raised</th>
              </tr>
            </thead>
            <tbody>
              {deviations.map((d) => (
                <tr key={`${d.participantId}:${d.deviationId}`}>
                  <td>
                    <Link href={`/participants/${d.participantId}`}>{d.participantCode}</Link>
                  </td>
                  <td>
                    {d.rule} {d.important ? <Badge tone="danger">important</Badge> : null}
                  </td>
                  <td>{d.description}</td>
                  <td>{formatInstant(d.raisedAt, timeZoneOf(sites, d.siteId))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section id="signatures" title="Pending investigator signatures" count={signatures.length}>
        {signatures.length === 0 ? (
          <p class="empty">No signature is pending.</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Participant</th>
                <th scope="col">To sign</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {signatures.map((s) => (
                <tr key={`${s.participantId}:${s.what}`}>
                  <td>
                    <Link href={`/participants/${s.participantId}`}>{s.participantCode}</Link>
                  </td>
                  <td>{s.what}</td>
                  <td>{'instant' in s.since ? formatInstant(s.since.instant, timeZoneOf(sites, s.siteId)) : formatDate(s.since.date)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <ItemSection id="coming-up" title="Coming up (next 14 days)" items={later} sites={sites} empty="Nothing else in the next 14 days." />
    </>
  );
}

function Tile({ href, count, label, tone }: { href: string; count: number; label: string; tone: 'danger' | 'warning' | 'info' }) {
  return (
    <li>
      <a href={href} class={`tile${count > 0 ? ` tile-${tone}` : ''}`}>
        <span class="tile-count">{count}</span>
        <span class="tile-label">{label}</span>
      </a>
    </li>
  );
}

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: ComponentChildren }) {
  return (
    <section class="card section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title} <span class="count">{count}</span>
      </h2>
      {children}
    </section>
  );
}

function ItemSection({ id, title, items, sites, empty }: { id: string; title: string; items: readonly WorklistItem[]; sites: ReadonlyMap<string, Site>; empty: string }) {
  return (
    <Section id={id} title={title} count={items.length}>
      {items.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Participant</th>
              <th scope="col">What</th>
              <th scope="col">Due</th>
              <th scope="col">Window</th>
              <th scope="col">Late after</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.participantId}:${item.itemId}`} class={item.overdue ? 'row-danger' : undefined}>
                <td>
                  <Link href={`/participants/${item.participantId}`}>{item.participantCode}</Link>
                  <span class="muted small"> {item.siteId}</span>
                </td>
                <td>
                  <span class="kind">{kindLabel(item.kind)}</span> {item.label}
                  {item.escalated ? <Badge tone="danger">escalated</Badge> : null}
                </td>
                <td>
                  {formatDate(item.dueOn)}
                  <span class="muted small"> {dueIn(item)}</span>
                </td>
                <td>{item.windowOpens && item.windowCloses ? `${formatDate(item.windowOpens)} – ${formatDate(item.windowCloses)}` : '—'}</td>
                <td>{formatInstant(item.dueAt, timeZoneOf(sites, item.siteId))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
