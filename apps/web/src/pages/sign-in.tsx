import { useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { signIn } from '../api/session.js';

/** Sign-in with a user name and password (the API's local issuer; POST /v1/auth/token). */
export function SignInPage({ reason }: { reason?: string }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username.trim(), password);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const p = e.problem;
      setError(p.status === 401 ? 'The user name or password is not right.' : p.status === 429 ? (p.detail ?? 'Too many failed attempts: the account is locked for a while.') : (p.detail ?? p.title));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="sign-in card" aria-labelledby="sign-in-title">
      <p class="brand brand-large">trialflow</p>
      <h1 id="sign-in-title">Sign in</h1>
      <p class="muted">Participant journeys of CAR-T trials: worklist, screening to infusion, follow-up.</p>
      {reason ? (
        <div class="banner banner-warning" role="status">
          {reason}
        </div>
      ) : null}
      <form onSubmit={submit} noValidate aria-describedby={error ? 'sign-in-error' : undefined}>
        <div class="field">
          <label for="username">User name</label>
          <input id="username" name="username" autoComplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} aria-invalid={error ? true : undefined} required />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} aria-invalid={error ? true : undefined} required />
        </div>
        {error ? (
          <p id="sign-in-error" class="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div class="form-actions">
          <button type="submit" class="button-primary" disabled={busy || !username || !password}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </section>
  );
}
