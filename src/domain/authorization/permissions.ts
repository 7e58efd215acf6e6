/**
 * Permission strings read `module:action[:scope]` (codebase-models.md §3). A permission without
 * `:any` is limited to the actor's own organisation; `:any` reaches across tenants and is held
 * only by CBP roles. The full role → permission map arrives with identity and access (issue 3);
 * this file is where it lives.
 */
export const PERMISSIONS = ['organisations:read', 'organisations:read:any'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Who is acting. Until sign-in exists every request is anonymous and holds only
 * PUBLIC_PERMISSIONS; identity and access (issue 3) adds signed-in users and API tokens.
 */
export interface Actor {
  kind: 'anonymous';
  permissions: ReadonlySet<Permission>;
}

/**
 * Permissions an anonymous visitor holds. Provisional: the organisation directory is readable
 * so the web shell can show live data before accounts exist. Issue 3 must empty this set and
 * grant `organisations:read` by role.
 */
export const PUBLIC_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>([
  'organisations:read',
  'organisations:read:any',
]);

export function anonymousActor(): Actor {
  return { kind: 'anonymous', permissions: PUBLIC_PERMISSIONS };
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}
