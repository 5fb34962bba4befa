/** Who issued a command. Every command carries it so each event is attributable (21 CFR 11.10(e), ALCOA). */
export type ActorRole = 'coordinator' | 'investigator' | 'auditor' | 'admin' | 'system';

export interface Actor {
  readonly id: string;
  readonly role: ActorRole;
  /** The person's printed name: a signature shows it with the signer's id (21 CFR 11.50(a)(1)). */
  readonly name?: string;
  readonly siteId?: string;
  /**
   * Sites the person is bound to (from their verified token). When present, the journey refuses commands for a
   * participant of any other site (SITE_NOT_ALLOWED); absent only for the orchestrator's own decisions.
   */
  readonly sites?: readonly string[];
}

/** Time-driven decisions (a timer fired) are attributed to the orchestrator itself. */
export const SYSTEM_ACTOR: Actor = { id: 'trialflow-orchestrator', role: 'system' };
