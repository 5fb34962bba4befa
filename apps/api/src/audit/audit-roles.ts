import type { UserRole } from '../auth/roles.decorator.js';

/** Reading the audit trail: every role, each user only the participants of their own sites. */
export const AUDIT_READERS: readonly UserRole[] = ['auditor', 'admin', 'investigator', 'coordinator'];

/**
 * Exports take the whole record out of the system (a copy for inspection, 21 CFR 11.10(b)): auditors,
 * admins and investigators, not coordinators, who work on the record rather than hand it over.
 */
export const EXPORTERS: readonly UserRole[] = ['auditor', 'admin', 'investigator'];
