import { configureClient, post } from './client.js';
import type { Role, TokenAnswer, User } from './types.js';

/**
 * The signed-in user and their bearer token, kept for this browser tab only (sessionStorage: gone when the
 * tab closes, never shared with other tabs or sent anywhere but the API's Authorization header).
 */
export interface Session {
  readonly token: string;
  readonly user: User;
  readonly expiresAt: number;
}

const KEY = 'trialflow.session';
type Listener = (session: Session | undefined, reason?: string) => void;
const listeners = new Set<Listener>();
let current: Session | undefined = load();

function load(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const session = JSON.parse(raw) as Session;
    return session.expiresAt > Date.now() ? session : undefined;
  } catch {
    return undefined;
  }
}

function set(session: Session | undefined, reason?: string): void {
  current = session;
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener(session, reason);
}

export const currentSession = (): Session | undefined => (current && current.expiresAt > Date.now() ? current : undefined);

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function signIn(username: string, password: string): Promise<Session> {
  const answer = await post<TokenAnswer>('/v1/auth/token', { username, password }, { anonymous: true });
  const session = { token: answer.access_token, user: answer.user, expiresAt: Date.now() + answer.expires_in * 1000 };
  set(session);
  return session;
}

export function signOut(reason?: string): void {
  set(undefined, reason);
}

configureClient(
  () => currentSession()?.token,
  (problem) => signOut(problem.code === 'ACCOUNT_LOCKED' ? 'Your account is locked. Sign in again later.' : 'Your session has ended. Please sign in again.'),
);

/** What each role may do, as the API's access policy states it (README "Users and sign-in"). */
export const can = {
  runCommands: (role: Role): boolean => role === 'coordinator' || role === 'investigator',
  eSign: (role: Role): boolean => role === 'investigator',
  export: (role: Role): boolean => role !== 'coordinator',
};
