import type { Database, Tx } from '../db/database.ts';

export const ROLES = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'ngo_caseworker',
  'trainer',
  'auditor',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

export type JurisdictionLevel = 'national' | 'state' | 'district';

/** The signed-in person a request acts for, with the jurisdiction their unit gives them. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  unitName: string;
  level: JurisdictionLevel;
  stateLgd: number | null;
  districtLgd: number | null;
  via: 'session' | 'token';
  /** False between the password step and the second factor (or MFA enrolment). */
  mfaPassed: boolean;
  mfaEnrolled: boolean;
  sessionTokenHash?: string;
}

/**
 * Who may call a route. Every route must declare one; the server refuses to start otherwise.
 * - `public`: anyone, signed in or not (health, login, the public tip line).
 * - `signedIn`: any account that completed sign-in, including MFA.
 * - `pendingMfa`: also a session that has passed the password step but not yet MFA (enrolment, MFA step).
 * - `roles`: only these roles, after MFA.
 */
export type Access =
  { public: true } | { signedIn: true } | { pendingMfa: true } | { roles: readonly Role[] };

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string;
  outcome?: 'success' | 'refused' | 'failed';
  reason?: string;
  details?: Record<string, unknown>;
}

/** What a handler gets inside its transaction: the actor, the transaction, and the audit writer. */
export interface RequestScope {
  actor: Actor;
  tx: Tx;
  /** Appends to the audit trail inside the same transaction: the entry commits with the change or not at all. */
  audit(entry: AuditEntry): Promise<void>;
}

export interface AppServices {
  db: Database;
}
