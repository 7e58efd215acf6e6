import { type Actor, permissionsFor } from '../../domain/authorization/permissions.ts';
import {
  type ApplicableCriterion,
  applicableCriteria,
} from '../../domain/criteria/applicability.ts';
import type { CatalogCriterion } from '../../domain/criteria/catalog.schema.ts';
import { attestationText } from '../../domain/security-profile/profile-attestation.ts';
import {
  type ProfileSnapshot,
  ProfileSnapshotSchema,
  type SnapshotCriterion,
} from '../../domain/security-profile/profile-review.schema.ts';
import { checkSubmission } from '../../domain/security-profile/submission-check.ts';
import { addDays, type CalendarDate } from '../../domain/time/calendar-date.ts';
import type { Db } from '../db/database.ts';
import { type AuditInput, appendAuditEvent } from '../modules/audit/audit.service.ts';
import {
  findCatalogCriteria,
  findCurrentCatalogVersion,
} from '../modules/criteria/criteria.repository.ts';
import {
  type EvidenceRow,
  insertEvidence,
  insertLink,
} from '../modules/evidence/evidence.repository.ts';
import {
  evidenceLinksByCriterion,
  evidenceSummaries,
} from '../modules/evidence/evidence.service.ts';
import { sha256Of } from '../modules/evidence/evidence-inspection.ts';
import { entityTypesOfMember } from '../modules/registry/registry.service.ts';
import {
  findLatestProfileOf,
  insertVersion,
  type ReviewRow,
  updateProfileStatus,
  updateVersionOutcome,
  upsertReview,
} from '../modules/security-profile/profile-review.repository.ts';
import {
  type AnswerRow,
  type ProfileRow,
  updateProfile,
  upsertAnswer,
} from '../modules/security-profile/security-profile.repository.ts';
import { securityProfiles } from '../modules/security-profile/security-profile.tables.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { demoActor, demoInstant } from './demo-membership-timeline.ts';
import {
  DEMO_SECURITY_PROFILES,
  type DemoEvidence,
  type DemoSecurityProfile,
  demoNarrative,
} from './demo-security-profiles.ts';
import { deterministicUuid } from './deterministic-id.ts';

/** The stable ids of a demo company's initial Security Profile and its first version. */
export function demoProfileIds(organisation: string): { profileId: string; versionId: string } {
  return {
    profileId: deterministicUuid(`${organisation}/security-profile/initial`),
    versionId: deterministicUuid(`${organisation}/security-profile/initial/version/1`),
  };
}

/** A demo account acting, as the audit trail records a signed-in person (MFA settled). */
export function demoOrigin(account: string, at: Date) {
  const { userId, role, organisationId } = demoActor(account);
  const actor: Actor = {
    kind: 'user',
    userId,
    sessionId: deterministicUuid(`${account}/session/demo-seed`),
    organisationId,
    role,
    mfa: 'verified',
    permissions: permissionsFor(role, 'verified'),
  };
  return { actor, now: at, requestId: null, clientAddress: null };
}

/** `at` plus `minutes`: events of one day in the order they were made. */
function minutesAfter(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}

/** What the answer looks like to the API and the audit trail (security-profile.service). */
function answerView(row: AnswerRow) {
  return {
    status: row.status,
    narrative: row.narrative,
    responsibleUserId: row.responsibleUserId,
    toReconfirm: row.toReconfirm,
    updatedAt: row.updatedAt.toISOString(),
    updatedByUserId: row.updatedByUserId,
  };
}

/** The criteria the demo answers, in catalog order, and the one it marks not applicable. */
function plannedAnswers(
  demo: DemoSecurityProfile,
  applicable: readonly ApplicableCriterion[],
): { answered: ApplicableCriterion[]; notApplicableId: string | null } {
  const shoulds = applicable.filter((entry) => entry.designation === 'should');
  let chosen: (entry: ApplicableCriterion) => boolean;
  const plan = demo.answered;
  if (plan.kind === 'all') {
    chosen = () => true;
  } else if (plan.kind === 'musts') {
    const named = shoulds.filter((entry) => plan.shoulds.includes(entry.criterion.id));
    const extra = new Set(
      (named.length > 0 ? named : shoulds.slice(0, 2)).map((e) => e.criterion.id),
    );
    chosen = (entry) => entry.designation === 'must' || extra.has(entry.criterion.id);
  } else {
    chosen = (entry) => plan.categories.includes(entry.criterion.category);
  }
  let notApplicableId: string | null = null;
  if (demo.notApplicable) {
    const named = applicable.find(
      (entry) => entry.criterion.id === demo.notApplicable?.criterionId,
    );
    const fallback = shoulds.filter((entry) => !chosen(entry)).at(-1) ?? shoulds.at(-1);
    notApplicableId = (named ?? fallback)?.criterion.id ?? null;
  }
  return {
    answered: applicable.filter((entry) => chosen(entry) || entry.criterion.id === notApplicableId),
    notApplicableId,
  };
}

/** The answer rows, saved one after another between the day after the start and the last day. */
function answerRows(
  demo: DemoSecurityProfile,
  profileId: string,
  applicable: readonly ApplicableCriterion[],
  today: CalendarDate,
  narrativeOffset: number,
): AnswerRow[] {
  const { answered, notApplicableId } = plannedAnswers(demo, applicable);
  const officer = demoActor(demo.officer).userId;
  const first = demo.startedDaysAgo - 1;
  const span = Math.max(0, first - demo.lastAnswerDaysAgo);
  return answered.map((entry, index) => {
    const { id, category } = entry.criterion;
    const inCategory = applicable
      .filter((other) => other.criterion.category === category)
      .findIndex((other) => other.criterion.id === id);
    const override = demo.overrides[id];
    let status = override?.status ?? 'implemented';
    let narrative =
      override?.narrative ?? demoNarrative(category, inCategory + narrativeOffset, demo.site);
    if (id === notApplicableId && demo.notApplicable) {
      status = 'not_applicable';
      narrative =
        id === demo.notApplicable.criterionId
          ? demo.notApplicable.justification
          : demo.notApplicable.fallbackJustification;
    }
    const daysAgo = first - Math.round((index * span) / Math.max(1, answered.length - 1));
    return {
      profileId,
      criterionId: id,
      status,
      narrative,
      responsibleUserId: officer,
      toReconfirm: false,
      updatedByUserId: officer,
      updatedAt: minutesAfter(demoInstant(addDays(today, -daysAgo)), index),
    };
  });
}

/** What the audit trail records of a document (evidence.service): never its bytes. */
function evidenceAuditRecord(row: EvidenceRow, criterionIds: readonly string[]) {
  return {
    title: row.title,
    description: row.description,
    originalFilename: row.originalFilename,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    expiresOn: row.expiresOn,
    criterionIds: [...criterionIds],
  };
}

/**
 * The criteria a demo document is linked to: those it names that apply under the current
 * catalog; when none does (a later catalog version renumbered them), the first applicable
 * criterion of the first named one's category, so no demo document is left unlinked.
 */
export function linkedCriteria(
  named: readonly string[],
  applicable: readonly ApplicableCriterion[],
): string[] {
  const ids = new Set(applicable.map((entry) => entry.criterion.id));
  const kept = named.filter((id) => ids.has(id));
  if (kept.length > 0 || named.length === 0) return kept;
  const category = Number(named[0]?.split('.')[0]);
  const fallback =
    applicable.find((entry) => entry.criterion.category === category) ?? applicable[0];
  return fallback ? [fallback.criterion.id] : [];
}

/** Uploads one document to the company's library and links it, as evidence.service does. */
async function uploadDocument(
  tx: Db,
  organisationId: string,
  document: DemoEvidence,
  applicable: readonly ApplicableCriterion[],
  today: CalendarDate,
): Promise<void> {
  const at = demoInstant(addDays(today, -document.uploadedDaysAgo));
  const content = document.content(today);
  const uploader = demoActor(document.uploadedBy).userId;
  const row = await insertEvidence(
    tx,
    {
      id: deterministicUuid(document.key),
      organisationId,
      title: document.title,
      description: document.description,
      originalFilename: document.originalFilename,
      mediaType: document.mediaType,
      sizeBytes: content.length,
      sha256: sha256Of(content),
      expiresOn: document.expiresInDays === null ? null : addDays(today, document.expiresInDays),
      uploadedByUserId: uploader,
      uploadedAt: at,
      updatedAt: at,
    },
    content,
  );
  const criterionIds = linkedCriteria(document.criteria, applicable);
  for (const criterionId of criterionIds) {
    await insertLink(tx, {
      evidenceId: row.id,
      organisationId,
      criterionId,
      linkedByUserId: uploader,
      linkedAt: at,
    });
  }
  await appendAuditEvent(tx, demoOrigin(document.uploadedBy, at), {
    action: 'evidence.uploaded',
    targetType: 'evidence',
    targetId: row.id,
    organisationId,
    before: null,
    after: evidenceAuditRecord(row, criterionIds),
  });
}

/**
 * The frozen snapshot of a submitted version, built as profile-review.service's submission
 * builds it: the applicable criteria with the answers and the company's live documents linked
 * to each (their file name and hash), and the readiness the submission check computes.
 */
async function snapshotOf(
  tx: Db,
  profile: ProfileRow,
  catalogVersion: string,
  entityTypes: readonly string[],
  applicable: readonly ApplicableCriterion[],
  answers: readonly AnswerRow[],
): Promise<ProfileSnapshot> {
  const links = await evidenceLinksByCriterion(tx, profile.organisationId);
  const documents = await evidenceSummaries(
    tx,
    profile.organisationId,
    [...links.values()].flat().map((link) => link.evidenceId),
  );
  const byCriterion = new Map(answers.map((answer) => [answer.criterionId, answer]));
  const criteria = applicable.map((entry): SnapshotCriterion => {
    const answer = byCriterion.get(entry.criterion.id);
    return {
      id: entry.criterion.id,
      category: entry.criterion.category,
      designation: entry.designation,
      provisional: entry.provisional,
      text: entry.criterion.text,
      guidance: entry.criterion.guidance,
      answer: answer
        ? {
            status: answer.status,
            narrative: answer.narrative,
            responsibleUserId: answer.responsibleUserId,
            toReconfirm: answer.toReconfirm,
            updatedAt: answer.updatedAt.toISOString(),
          }
        : null,
      evidence: (links.get(entry.criterion.id) ?? []).map((link) => {
        const document = documents.get(link.evidenceId);
        return {
          evidenceId: link.evidenceId,
          title: link.title,
          originalFilename: document?.originalFilename ?? null,
          sha256: document?.sha256 ?? null,
          expiresOn: link.expiresOn,
        };
      }),
    };
  });
  const check = checkSubmission(criteria, { reconfirmAll: profile.cycle === 'annual_review' });
  if (!check.ready) {
    throw new Error(
      `demo security profiles: ${profile.organisationId} cannot be submitted, ${check.missing.length} must-criteria not ready`,
    );
  }
  return ProfileSnapshotSchema.parse({
    format: 1,
    catalog: { versionId: profile.catalogVersionId, version: catalogVersion },
    entityTypes,
    criteria,
    readiness: { ...check, byCategory: [...check.byCategory], missing: [...check.missing] },
  });
}

interface CurrentCatalog {
  id: string;
  version: string;
  criteria: readonly CatalogCriterion[];
}

/**
 * One demo company's profile: started, documents uploaded, answers saved, submitted and reviewed
 * as the timeline says, with the rows and audit events the services write for each step. Returns
 * false, touching nothing, when the company already has a Security Profile (seeded before, or
 * started through the app) or has no entity types to answer for.
 */
async function seedProfile(
  tx: Db,
  demo: DemoSecurityProfile,
  narrativeOffset: number,
  catalog: CurrentCatalog,
  today: CalendarDate,
): Promise<boolean> {
  const organisationId = deterministicUuid(demo.organisation);
  if (await findLatestProfileOf(tx, organisationId)) {
    return false;
  }
  const entityTypes = await entityTypesOfMember(tx, organisationId);
  if (entityTypes.length === 0) {
    return false;
  }
  const applicable = applicableCriteria(catalog.criteria, entityTypes);
  const { profileId, versionId } = demoProfileIds(demo.organisation);
  const startedAt = demoInstant(addDays(today, -demo.startedDaysAgo));
  const profile: ProfileRow = {
    id: profileId,
    organisationId,
    catalogVersionId: catalog.id,
    cycle: 'initial',
    status: 'draft',
    basedOnVersionId: null,
    reviewAnniversary: null,
    reviewWindowOpens: null,
    createdAt: startedAt,
    updatedAt: startedAt,
  };
  // DO NOTHING: a concurrent seed (or a profile started meanwhile) wins, and this one stops.
  const inserted = await tx
    .insert(securityProfiles)
    .values(profile)
    .onConflictDoNothing()
    .returning({ id: securityProfiles.id });
  if (inserted.length === 0) {
    return false;
  }
  const audit = (account: string, at: Date, input: Omit<AuditInput, 'organisationId'>) =>
    appendAuditEvent(tx, demoOrigin(account, at), { ...input, organisationId });
  await audit(demo.officer, startedAt, {
    action: 'security_profile.created',
    targetType: 'security_profile',
    targetId: profileId,
    after: {
      cycle: profile.cycle,
      catalogVersion: catalog.version,
      entityTypes,
      applicable: applicable.length,
    },
  });

  for (const document of demo.evidence) {
    await uploadDocument(tx, organisationId, document, applicable, today);
  }

  const answers = answerRows(demo, profileId, applicable, today, narrativeOffset);
  for (const row of answers) {
    await upsertAnswer(tx, row);
    await audit(demo.officer, row.updatedAt, {
      action: 'security_profile.answer_saved',
      targetType: 'security_profile',
      targetId: profileId,
      before: { criterionId: row.criterionId, answer: null },
      after: { criterionId: row.criterionId, ...answerView(row) },
    });
  }
  const lastSaved = answers.at(-1)?.updatedAt ?? startedAt;
  await updateProfile(tx, profileId, { updatedAt: lastSaved });

  if (demo.submittedDaysAgo === undefined) {
    return true;
  }
  const submittedAt = demoInstant(addDays(today, -demo.submittedDaysAgo));
  const officer = demoActor(demo.officer);
  const language =
    DEMO_ACCOUNTS.find((account) => account.key === demo.officer)?.preferredLanguage ?? 'en';
  const attestation = attestationText(language);
  const snapshot = await snapshotOf(tx, profile, catalog.version, entityTypes, applicable, answers);
  await insertVersion(tx, {
    id: versionId,
    profileId,
    organisationId,
    number: 1,
    catalogVersionId: catalog.id,
    snapshot,
    submittedByUserId: officer.userId,
    submittedAt,
    attestation,
    status: 'submitted',
  });
  await updateProfileStatus(tx, profileId, 'submitted', submittedAt);
  await audit(demo.officer, submittedAt, {
    action: 'security_profile.submitted',
    targetType: 'security_profile_version',
    targetId: versionId,
    before: { profileId, status: 'draft' },
    after: {
      profileId,
      status: 'submitted',
      number: 1,
      attestation,
      language,
      mustsMet: snapshot.readiness.mustsMet,
      mustsApplicable: snapshot.readiness.mustsApplicable,
    },
  });

  const review = demo.review;
  if (!review) {
    return true;
  }
  const outcome = review.outcome;
  const reviewer = demoActor(review.reviewer).userId;
  const reviewedOn = demoInstant(addDays(today, -review.reviewedDaysAgo));
  const reviewed = snapshot.criteria.filter(
    (criterion) => outcome.kind === 'approved' || outcome.categories.includes(criterion.category),
  );
  for (const [index, criterion] of reviewed.entries()) {
    const row: ReviewRow = {
      versionId,
      criterionId: criterion.id,
      decision: 'approved',
      comment: null,
      reviewerUserId: reviewer,
      reviewedAt: minutesAfter(reviewedOn, index),
    };
    await upsertReview(tx, row);
    await audit(review.reviewer, row.reviewedAt, {
      action: 'security_profile.criterion_reviewed',
      targetType: 'security_profile_version',
      targetId: versionId,
      before: null,
      after: { criterionId: row.criterionId, decision: row.decision, comment: row.comment },
    });
  }
  if (outcome.kind === 'approved') {
    const decidedAt = demoInstant(addDays(today, -outcome.decidedDaysAgo));
    await updateVersionOutcome(tx, versionId, {
      status: 'approved',
      decidedByUserId: reviewer,
      decidedAt,
    });
    await updateProfileStatus(tx, profileId, 'approved', decidedAt);
    await audit(review.reviewer, decidedAt, {
      action: 'security_profile.approved',
      targetType: 'security_profile_version',
      targetId: versionId,
      before: { status: 'submitted' },
      after: { status: 'approved', number: 1, returned: [] },
    });
  }
  return true;
}

/**
 * Loads the demo Security Profiles (demo-security-profiles.ts) against the current published
 * catalog, in the caller's transaction like the rest of the seed. Ids are deterministic; a
 * company that already has a Security Profile is left alone with its evidence, so seeding again
 * changes nothing. Without a published catalog (none is seeded yet) nothing is loaded. Returns
 * how many profiles it created.
 *
 * The rows are written through the modules' repositories, with the shapes and audit events their
 * services write, rather than through the services themselves: those give every record a random
 * id, take the actor and the time from a request, and tell people by e-mail, while the demo
 * needs stable ids, steps dated in the past and no mail. The snapshot is checked against
 * ProfileSnapshotSchema before it is stored.
 */
export async function seedSecurityProfiles(tx: Db, today: CalendarDate): Promise<number> {
  const current = await findCurrentCatalogVersion(tx);
  if (!current) {
    return 0;
  }
  const catalog: CurrentCatalog = {
    id: current.id,
    version: current.version,
    criteria: await findCatalogCriteria(tx, current.id),
  };
  let created = 0;
  for (const [index, demo] of DEMO_SECURITY_PROFILES.entries()) {
    if (await seedProfile(tx, demo, index, catalog, today)) {
      created += 1;
    }
  }
  return created;
}
