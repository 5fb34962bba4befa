import { useEffect, useState } from 'preact/hooks';
import { clearReferenceData } from './api/reference.js';
import { currentSession, onSessionChange, signOut, type Session } from './api/session.js';
import { ROLE_LABELS } from './format/labels.js';
import { DashboardPage } from './pages/dashboard/dashboard-page.js';
import { AuditPage } from './pages/audit/audit-page.js';
import { ParticipantPage } from './pages/participant/participant-page.js';
import { ParticipantsPage } from './pages/participants.js';
import { SignInPage } from './pages/sign-in.js';
import { WorklistPage } from './pages/worklist.js';
import { navigate, parseRoute, useLocation } from './router.js';
import { Link } from './ui/link.js';

export function App() {
  const [session, setSession] = useState<Session | undefined>(currentSession());
  const [signedOutReason, setSignedOutReason] = useState<string | undefined>(undefined);
  const { path, search } = useLocation();
  const route = parseRoute(path);

  useEffect(
    () =>
      onSessionChange((next, reason) => {
        if (!next) clearReferenceData();
        setSession(next);
        setSignedOutReason(reason);
      }),
    [],
  );

  // Signed out (or never signed in): the sign-in page, then back to where the user was going.
  useEffect(() => {
    if (!session && route.name !== 'sign-in') navigate(`/sign-in?next=${encodeURIComponent(path + location.search)}`, { replace: true });
    if (session && route.name === 'sign-in') navigate(safeNext(search.get('next')), { replace: true });
  }, [session, route.name]);

  useEffect(() => {
    document.title = session ? titleOf(route.name) : 'Sign in · trialflow';
  }, [session, route.name]);

  if (!session || route.name === 'sign-in') {
    return (
      <main id="main" class="sign-in-layout">
        <SignInPage reason={signedOutReason} />
      </main>
    );
  }

  const { user } = session;
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="app-header">
        <div class="app-header-inner">
          <Link href="/" class="brand" aria-label="trialflow: worklist">
            trialflow
          </Link>
          <nav aria-label="Main">
            <Link href="/" aria-current={route.name === 'worklist' ? 'page' : undefined}>
              Worklist
            </Link>
            <Link href="/participants" aria-current={route.name === 'participants' || route.name === 'participant' || route.name === 'audit' ? 'page' : undefined}>
              Participants
            </Link>
            <Link href="/trials" aria-current={route.name === 'dashboard' ? 'page' : undefined}>
              Trial dashboard
            </Link>
          </nav>
          <div class="user" data-testid="signed-in-user">
            <span class="user-name">{user.name}</span>
            <span class="user-role">{ROLE_LABELS[user.role] ?? user.role}</span>
            <span class="user-sites" title="Sites you are bound to">
              {user.sites.join(' · ')}
            </span>
            <button type="button" class="button-link" onClick={() => signOut()}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main id="main" class="page" tabIndex={-1}>
        {route.name === 'worklist' ? <WorklistPage user={user} /> : null}
        {route.name === 'participants' ? <ParticipantsPage user={user} /> : null}
        {route.name === 'dashboard' ? <DashboardPage /> : null}
        {route.name === 'participant' ? <ParticipantPage key={route.participantId} participantId={route.participantId} user={user} /> : null}
        {route.name === 'audit' ? <AuditPage key={route.participantId} participantId={route.participantId} user={user} /> : null}
        {route.name === 'not-found' ? (
          <section>
            <h1>Page not found</h1>
            <p>
              There is no page at <code>{route.path}</code>. <Link href="/">Back to the worklist</Link>
            </p>
          </section>
        ) : null}
      </main>
    </>
  );
}

/** Only a path of this app (never another origin) after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

function titleOf(route: string): string {
  const names: Record<string, string> = { worklist: 'Worklist', participants: 'Participants', dashboard: 'Trial dashboard', participant: 'Participant', audit: 'Audit trail', 'not-found': 'Not found' };
  return `${names[route] ?? 'trialflow'} · trialflow`;
}
