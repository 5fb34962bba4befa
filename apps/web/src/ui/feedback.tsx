import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api/client.js';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

/** A request that failed as a whole (not a field): what the API said, and the request id to quote. */
export function ProblemBanner({ error, title }: { error: ApiError | Error; title?: string }) {
  const problem = 'problem' in error ? error.problem : undefined;
  return (
    <div class="banner banner-error" role="alert">
      <strong>{title ?? problem?.title ?? 'Something went wrong'}</strong>
      {problem?.detail ? <p>{problem.detail}</p> : !problem ? <p>{error.message}</p> : null}
      {problem && problem.code !== 'NETWORK_ERROR' ? (
        <p class="muted small">
          {problem.code}
          {problem.requestId ? ` · request ${problem.requestId}` : ''}
        </p>
      ) : null}
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'success' | 'warning'; children: ComponentChildren }) {
  return (
    <div class={`banner banner-${kind}`} role={kind === 'success' ? 'status' : undefined}>
      {children}
    </div>
  );
}

export function Badge({ tone = 'neutral', children, title }: { tone?: 'neutral' | 'info' | 'success' | 'warning' | 'danger'; children: ComponentChildren; title?: string }) {
  return (
    <span class={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
