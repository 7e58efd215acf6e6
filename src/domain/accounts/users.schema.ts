import { z } from 'zod';
import { ROLES, type Role } from '../authorization/roles.ts';

/**
 * How far a role reaches when managing people: an actor may grant, change or remove only
 * roles at or below their own rank (a company admin may not make anyone a company officer;
 * only an officer invites officers). Member companies and CBP offices have separate ladders;
 * ROLES_BY_ORGANISATION_KIND keeps them from mixing.
 */
export const ROLE_RANK: Readonly<Record<Role, number>> = {
  company_officer: 3,
  company_admin: 2,
  contributor: 1,
  consultant: 1,
  program_manager: 3,
  administrator: 3,
  supervisory_scss: 2,
  scss: 1,
  regulatory_audit: 1,
  protest_reviewer: 1,
  metrics_viewer: 1,
};

/** Whether someone with `actorRole` may give (or take away) `role`. */
export function mayManageRole(actorRole: Role, role: Role): boolean {
  return ROLE_RANK[role] <= ROLE_RANK[actorRole];
}

/** Role names for e-mails and notifications, in the recipient's language. */
export const ROLE_LABELS: Readonly<Record<'en' | 'es', Readonly<Record<Role, string>>>> = {
  en: {
    company_officer: 'company officer',
    company_admin: 'company administrator',
    contributor: 'contributor',
    consultant: 'consultant',
    scss: 'supply chain security specialist (SCSS)',
    supervisory_scss: 'supervisory SCSS',
    program_manager: 'program manager',
    regulatory_audit: 'Regulatory Audit',
    protest_reviewer: 'protest reviewer',
    metrics_viewer: 'metrics viewer',
    administrator: 'administrator',
  },
  es: {
    company_officer: 'representante legal de la empresa',
    company_admin: 'administrador de la empresa',
    contributor: 'colaborador',
    consultant: 'consultor',
    scss: 'especialista en seguridad de la cadena de suministro (SCSS)',
    supervisory_scss: 'SCSS supervisor',
    program_manager: 'gerente del programa',
    regulatory_audit: 'Auditoría Regulatoria',
    protest_reviewer: 'revisor de protestas',
    metrics_viewer: 'consultor de métricas',
    administrator: 'administrador',
  },
};

export const MemberSchema = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    joinedAt: z.iso.datetime(),
    mfaEnrolled: z.boolean().describe('Whether the user has a confirmed authenticator'),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof MemberSchema>;

export const MemberListSchema = z
  .object({ items: z.array(MemberSchema) })
  .meta({ id: 'MemberList' });

export const UserIdParamsSchema = z.object({ userId: z.uuid() });

export const ChangeRoleBodySchema = z.object({ role: z.enum(ROLES) });
export type ChangeRoleBody = z.infer<typeof ChangeRoleBodySchema>;
