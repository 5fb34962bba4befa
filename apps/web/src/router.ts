import { useEffect, useState } from 'preact/hooks';

/**
 * Paths in the address bar (History API): a participant's page can be bookmarked, reloaded and opened in a
 * new tab; the API answers every page path with the app (apps/api/src/web).
 */
export type Route =
  | { readonly name: 'sign-in' }
  | { readonly name: 'worklist' }
  | { readonly name: 'participants' }
  | { readonly name: 'dashboard' }
  | { readonly name: 'participant'; readonly participantId: string }
  | { readonly name: 'audit'; readonly participantId: string }
  | { readonly name: 'not-found'; readonly path: string };

const UUID = '[0-9a-fA-F-]{36}';

export function parseRoute(path: string): Route {
  if (path === '/' || path === '') return { name: 'worklist' };
  if (path === '/sign-in') return { name: 'sign-in' };
  if (path === '/participants') return { name: 'participants' };
  if (path === '/trials') return { name: 'dashboard' };
  const participant = new RegExp(`^/participants/(${UUID})$`).exec(path);
  if (participant) return { name: 'participant', participantId: participant[1]!.toLowerCase() };
  const audit = new RegExp(`^/participants/(${UUID})/audit$`).exec(path);
  if (audit) return { name: 'audit', participantId: audit[1]!.toLowerCase() };
  return { name: 'not-found', path };
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

export function useLocation(): { path: string; search: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((t) => t + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return { path: location.pathname, search: new URLSearchParams(location.search) };
}

/** A link that navigates inside the app (and still opens in a new tab with a modifier key). */
export function onLinkClick(event: MouseEvent, href: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(href);
}
