import { randomUUID } from 'node:crypto';
import { actorOrganisationId, hasPermission } from '../../../domain/authorization/permissions.ts';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import { isTerminalStatus } from '../../../domain/registry/lifecycle/membership-states.ts';
import type {
  CompanyAddress,
  CompanyAddressBody,
  CompanyContact,
  CompanyContactBody,
  CompanyProfile,
  CompanyProfileBody,
} from '../../../domain/registry/profile/company-profile.schema.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { rolesOfUser } from '../identity/users.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import {
  type CompanyAddressRow,
  type CompanyContactRow,
  deleteCompanyAddress,
  deleteCompanyContact,
  findCompanyAddress,
  findCompanyAddresses,
  findCompanyContact,
  findCompanyContacts,
  findCompanyProfile,
  hasAddressOfKind,
  hasContactWithRole,
  insertCompanyAddress,
  insertCompanyContact,
  lockCompanyProfile,
  updateCompanyAddress,
  updateCompanyContact,
  upsertCompanyProfile,
} from './company-profile.repository.ts';
import { findMembership } from './registry.repository.ts';

/**
 * The company profile of a member company (issue 4, item 4): names, history and how to reach
 * it, its addresses and its contacts. Members edit their own company's (tenant scope); CBP
 * reads any member's. Every change is audited in its transaction.
 */

// ---------------------------------------------------------------------------------------------
// Views

function addressView(row: CompanyAddressRow): CompanyAddress {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    line1: row.line1,
    line2: row.line2,
    city: row.city,
    region: row.region,
    postalCode: row.postalCode,
    countryCode: row.countryCode,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function contactView(row: CompanyContactRow): CompanyContact {
  return {
    id: row.id,
    role: row.role,
    fullName: row.fullName,
    title: row.title,
    email: row.email,
    telephone: row.telephone,
    userId: row.userId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The address or contact as the audit trail records it (no timestamps: the event has one). */
function auditRecord(view: CompanyAddress | CompanyContact): Record<string, unknown> {
  const { updatedAt: _updatedAt, ...rest } = view;
  return rest;
}

async function loadProfile(
  db: Db,
  organisationId: string,
  legalName: string,
): Promise<CompanyProfile> {
  const [profile, addresses, contacts] = await Promise.all([
    findCompanyProfile(db, organisationId),
    findCompanyAddresses(db, organisationId),
    findCompanyContacts(db, organisationId),
  ]);
  return {
    organisationId,
    legalName,
    otherNames: profile?.otherNames ?? [],
    yearEstablished: profile?.yearEstablished ?? null,
    businessHistory: profile?.businessHistory ?? null,
    website: profile?.website ?? null,
    telephone: profile?.telephone ?? null,
    employeeCount: profile?.employeeCount ?? null,
    updatedAt: profile?.updatedAt.toISOString() ?? null,
    addresses: addresses.map(addressView),
    contacts: contacts.map(contactView),
  };
}

// ---------------------------------------------------------------------------------------------
// Whose profile

/** The legal name of a member company, or 404: a CBP office has no company profile. */
async function memberCompanyName(db: Db, organisationId: string): Promise<string> {
  const organisation = (await organisationSummaries(db, [organisationId])).get(organisationId);
  if (organisation?.kind !== 'member_company') {
    throw notFound('Company profile');
  }
  return organisation.legalName;
}

/** The member company the actor acts for (check 3), with its legal name. */
async function ownCompany(ctx: ServiceContext): Promise<{ id: string; legalName: string }> {
  const own = actorOrganisationId(ctx.actor);
  if (own === null) {
    throw new AppError('FORBIDDEN', 'Act for a member company to see its profile');
  }
  return { id: own, legalName: await memberCompanyName(ctx.db, own) };
}

/** The caller's own company's profile, addresses and contacts. */
export async function getOwnCompanyProfile(ctx: ServiceContext): Promise<CompanyProfile> {
  const company = await ownCompany(ctx);
  return loadProfile(ctx.db, company.id, company.legalName);
}

/** Any member company's profile, for CBP (`registry:read:any`, checked again here). */
export async function getMemberCompanyProfile(
  ctx: ServiceContext,
  organisationId: string,
): Promise<CompanyProfile> {
  if (!hasPermission(ctx.actor, 'registry:read:any')) {
    throw notFound('Company profile');
  }
  return loadProfile(ctx.db, organisationId, await memberCompanyName(ctx.db, organisationId));
}

/**
 * What the submission needs of the profile (registry.service submitApplication): a
 * headquarters address and a primary contact (ctpat-program.md §3.1).
 */
export async function profileCompleteness(
  db: Db,
  organisationId: string,
): Promise<{ headquarters: boolean; primaryContact: boolean }> {
  const [headquarters, primaryContact] = await Promise.all([
    hasAddressOfKind(db, organisationId, 'headquarters'),
    hasContactWithRole(db, organisationId, 'primary'),
  ]);
  return { headquarters, primaryContact };
}

// ---------------------------------------------------------------------------------------------
// Checks

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid', {
    issues: [{ path, message }],
  });
}

function userIdOf(ctx: ServiceContext): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

/**
 * Whether the company's application is in CBP's hands or its membership runs: from submission
 * until the membership ends. Its headquarters and primary contact must then stay (edited, not
 * removed), since the application was accepted with them.
 */
async function applicationInProgress(db: Db, organisationId: string): Promise<boolean> {
  const membership = await findMembership(db, organisationId);
  return (
    membership !== null &&
    membership.status !== 'pre_applicant' &&
    !isTerminalStatus(membership.status)
  );
}

async function assertOneHeadquarters(
  tx: Db,
  organisationId: string,
  kind: CompanyAddressBody['kind'],
  exceptId?: string,
): Promise<void> {
  if (kind === 'headquarters' && (await hasAddressOfKind(tx, organisationId, kind, exceptId))) {
    throw new AppError(
      'CONFLICT',
      'The company already has a headquarters address; edit that one, or give this address another kind',
      { path: 'body.kind' },
    );
  }
}

async function assertOnePrimaryContact(
  tx: Db,
  organisationId: string,
  role: CompanyContactBody['role'],
  exceptId?: string,
): Promise<void> {
  if (role === 'primary' && (await hasContactWithRole(tx, organisationId, role, exceptId))) {
    throw new AppError(
      'CONFLICT',
      'The company already has a primary contact; edit that one, or give this contact another role',
      { path: 'body.role' },
    );
  }
}

/**
 * A contact linked to an account must be a user of this company. The primary contact must be
 * a company officer with an account: "the Primary POC must be a company officer"
 * (ctpat-program.md §3.1, CTPAT Portal application tutorial).
 */
async function assertContactUser(
  db: Db,
  organisationId: string,
  body: CompanyContactBody,
): Promise<void> {
  if (body.userId === null) {
    if (body.role === 'primary') {
      throw invalid(
        'body.userId',
        'the primary contact must be a company officer: choose their user account',
      );
    }
    return;
  }
  const roles = await rolesOfUser(db, body.userId);
  const inCompany = roles.find((membership) => membership.organisationId === organisationId);
  if (!inCompany) {
    throw invalid('body.userId', 'is not a user of this company');
  }
  if (body.role === 'primary' && inCompany.role !== 'company_officer') {
    throw invalid('body.userId', 'the primary contact must be a company officer');
  }
}

function assertYearNotInFuture(ctx: ServiceContext, year: number | null): void {
  const thisYear = ctx.clock.now().getUTCFullYear();
  if (year !== null && year > thisYear) {
    throw invalid('body.yearEstablished', `must not be after this year (${thisYear})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Changes

/** Saves the profile's own fields (replacing them), creating the profile on first save. */
export async function updateCompanyProfile(
  ctx: ServiceContext,
  body: CompanyProfileBody,
): Promise<CompanyProfile> {
  const company = await ownCompany(ctx);
  assertYearNotInFuture(ctx, body.yearEstablished);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockCompanyProfile(tx, company.id);
    const existing = await findCompanyProfile(tx, company.id);
    const fields = {
      otherNames: body.otherNames,
      yearEstablished: body.yearEstablished,
      businessHistory: body.businessHistory,
      website: body.website,
      telephone: body.telephone,
      employeeCount: body.employeeCount,
    };
    await upsertCompanyProfile(tx, {
      organisationId: company.id,
      ...fields,
      updatedByUserId: userIdOf(ctx),
      updatedAt: now,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'company_profile.updated',
      targetType: 'company_profile',
      targetId: company.id,
      organisationId: company.id,
      before: existing
        ? {
            otherNames: existing.otherNames,
            yearEstablished: existing.yearEstablished,
            businessHistory: existing.businessHistory,
            website: existing.website,
            telephone: existing.telephone,
            employeeCount: existing.employeeCount,
          }
        : null,
      after: fields,
    });
  });
  return loadProfile(ctx.db, company.id, company.legalName);
}

function addressColumns(body: CompanyAddressBody) {
  return {
    kind: body.kind,
    label: body.label,
    line1: body.line1,
    line2: body.line2,
    city: body.city,
    region: body.region,
    postalCode: body.postalCode,
    countryCode: body.countryCode,
  };
}

export async function addCompanyAddress(
  ctx: ServiceContext,
  body: CompanyAddressBody,
): Promise<CompanyAddress> {
  const company = await ownCompany(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockCompanyProfile(tx, company.id);
    await assertOneHeadquarters(tx, company.id, body.kind);
    const row = await insertCompanyAddress(tx, {
      id: randomUUID(),
      organisationId: company.id,
      ...addressColumns(body),
      createdAt: now,
      updatedAt: now,
    });
    const view = addressView(row);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'company_address.added',
      targetType: 'company_address',
      targetId: row.id,
      organisationId: company.id,
      before: null,
      after: auditRecord(view),
    });
    return view;
  });
}

export async function updateCompanyAddressOf(
  ctx: ServiceContext,
  addressId: string,
  body: CompanyAddressBody,
): Promise<CompanyAddress> {
  const company = await ownCompany(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockCompanyProfile(tx, company.id);
    const existing = await findCompanyAddress(tx, company.id, addressId);
    if (!existing) {
      throw notFound('Address');
    }
    await assertOneHeadquarters(tx, company.id, body.kind, addressId);
    if (
      existing.kind === 'headquarters' &&
      body.kind !== 'headquarters' &&
      (await applicationInProgress(tx, company.id))
    ) {
      throw new AppError(
        'CONFLICT',
        'The application was submitted with this headquarters address: keep it the headquarters and edit its details instead',
        { path: 'body.kind' },
      );
    }
    const row = await updateCompanyAddress(tx, company.id, addressId, {
      ...addressColumns(body),
      updatedAt: now,
    });
    if (!row) {
      throw notFound('Address');
    }
    const view = addressView(row);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'company_address.updated',
      targetType: 'company_address',
      targetId: addressId,
      organisationId: company.id,
      before: auditRecord(addressView(existing)),
      after: auditRecord(view),
    });
    return view;
  });
}

export async function removeCompanyAddress(ctx: ServiceContext, addressId: string): Promise<void> {
  const company = await ownCompany(ctx);
  await ctx.db.transaction(async (tx) => {
    await lockCompanyProfile(tx, company.id);
    const existing = await findCompanyAddress(tx, company.id, addressId);
    if (!existing) {
      throw notFound('Address');
    }
    if (existing.kind === 'headquarters' && (await applicationInProgress(tx, company.id))) {
      throw new AppError(
        'CONFLICT',
        'The application was submitted with this headquarters address: it cannot be removed, only edited',
      );
    }
    await deleteCompanyAddress(tx, company.id, addressId);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'company_address.removed',
      targetType: 'company_address',
      targetId: addressId,
      organisationId: company.id,
      before: auditRecord(addressView(existing)),
      after: null,
    });
  });
}

function contactColumns(body: CompanyContactBody) {
  return {
    role: body.role,
    fullName: body.fullName,
    title: body.title,
    email: body.email.toLowerCase(),
    telephone: body.telephone,
    userId: body.userId,
  };
}

export async function addCompanyContact(
  ctx: ServiceContext,
  body: CompanyContactBody,
): Promise<CompanyContact> {
  const company = await ownCompany(ctx);
  await assertContactUser(ctx.db, company.id, body);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockCompanyProfile(tx, company.id);
    await assertOnePrimaryContact(tx, company.id, body.role);
    const row = await insertCompanyContact(tx, {
      id: randomUUID(),
      organisationId: company.id,
      ...contactColumns(body),
      createdAt: now,
      updatedAt: now,
    });
    const view = contactView(row);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'company_contact.added',
      targetType: 'company_contact',
      targetId: row.id,
      organisationId: company.id,
      before: null,
      after: auditRecord(view),
    });
    return view;
  });
}

export async function updateCompanyContactOf(
  ctx: ServiceContext,
  contactId: string,
  body: CompanyContactBody,
): Promise<CompanyContact> {
  const company = await ownCompany(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockCompanyProfile(tx, company.id);
    const existing = await findCompanyContact(tx, company.id, contactId);
    if (!existing) {
      throw notFound('Contact');
    }
    await assertContactUser(tx, company.id, body);
    await assertOnePrimaryContact(tx, company.id, body.role, contactId);
    if (
      existing.role === 'primary' &&
      body.role !== 'primary' &&
      (await applicationInProgress(tx, company.id))
    ) {
      throw new AppError(
        'CONFLICT',
        'The application was submitted with this primary contact: make another contact primary by editing this one instead',
        { path: 'body.role' },
      );
    }
    const row = await updateCompanyContact(tx, company.id, contactId, {
      ...contactColumns(body),
      updatedAt: now,
    });
    if (!row) {
      throw notFound('Contact');
    }
    const view = contactView(row);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'company_contact.updated',
      targetType: 'company_contact',
      targetId: contactId,
      organisationId: company.id,
      before: auditRecord(contactView(existing)),
      after: auditRecord(view),
    });
    return view;
  });
}

export async function removeCompanyContact(ctx: ServiceContext, contactId: string): Promise<void> {
  const company = await ownCompany(ctx);
  await ctx.db.transaction(async (tx) => {
    await lockCompanyProfile(tx, company.id);
    const existing = await findCompanyContact(tx, company.id, contactId);
    if (!existing) {
      throw notFound('Contact');
    }
    if (existing.role === 'primary' && (await applicationInProgress(tx, company.id))) {
      throw new AppError(
        'CONFLICT',
        'The application was submitted with this primary contact: it cannot be removed, only edited',
      );
    }
    await deleteCompanyContact(tx, company.id, contactId);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'company_contact.removed',
      targetType: 'company_contact',
      targetId: contactId,
      organisationId: company.id,
      before: auditRecord(contactView(existing)),
      after: null,
    });
  });
}
