import type { Role } from '../../domain/authorization/roles.ts';
import { eligibilityQuestionnaire } from '../../domain/registry/eligibility/eligibility-questionnaires.ts';
import { validateEntityIdentifiers } from '../../domain/registry/identifiers/identifier-kinds.ts';
import {
  currentTier,
  initialMembershipState,
  type MembershipState,
} from '../../domain/registry/lifecycle/membership-states.ts';
import { applyTransition } from '../../domain/registry/lifecycle/membership-transitions.ts';
import type { StoredIdentifier } from '../../domain/registry/registry.schema.ts';
import { addDays, type CalendarDate } from '../../domain/time/calendar-date.ts';
import type {
  partnerEntityTypes,
  partnerMemberships,
  partnerStatusHistory,
} from '../modules/registry/registry.tables.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { DEMO_ORGANISATIONS } from './demo-organisations.ts';
import type { DemoMembership } from './demo-registry.ts';
import { deterministicUuid } from './deterministic-id.ts';

/** The rows one demo membership is stored as. */
export interface DemoMembershipRows {
  state: MembershipState;
  membership: typeof partnerMemberships.$inferInsert;
  entityTypes: (typeof partnerEntityTypes.$inferInsert)[];
  history: (typeof partnerStatusHistory.$inferInsert)[];
}

/** The instant a demo event happened on `on` (mid-afternoon UTC, a working hour in the U.S.). */
export function demoInstant(on: CalendarDate): Date {
  return new Date(`${on}T15:00:00.000Z`);
}

/** A demo account's id, role and organisation (its first membership's), or an error. */
export function demoActor(key: string): { userId: string; role: Role; organisationId: string } {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.key === key);
  const membership = account?.memberships[0];
  if (!account || !membership) {
    throw new Error(`demo registry: no demo account ${key}`);
  }
  return {
    userId: deterministicUuid(account.key),
    role: membership.role,
    organisationId: deterministicUuid(membership.organisation),
  };
}

function demoCountry(organisation: string): string {
  const found = DEMO_ORGANISATIONS.find((candidate) => candidate.key === organisation);
  if (!found) {
    throw new Error(`demo registry: no demo organisation ${organisation}`);
  }
  return found.countryCode;
}

/** The answers that let an applicant of this entity type proceed on every question. */
function passingAnswers(entityType: DemoMembership['entityTypes'][number]['entityType']) {
  return Object.fromEntries(
    eligibilityQuestionnaire(entityType).map((question) => [question.id, question.proceedAnswer]),
  );
}

/**
 * Replays a demo membership's timeline through the lifecycle state machine, as the registry
 * service would have (membership-transitions.ts applyTransition: every step must be allowed
 * from the state before it, for the actor's role, on its date), and returns the rows the
 * service would have written: the membership with its dates, its entity types with canonical
 * identifiers and passing eligibility answers, and one history row per step. Throws when a
 * timeline is one the app could not have produced, so bad demo data fails the seed's tests.
 */
export function demoMembershipRows(demo: DemoMembership, today: CalendarDate): DemoMembershipRows {
  const organisationId = deterministicUuid(demo.organisation);
  const dayOf = (daysAgo: number) => addDays(today, -daysAgo);
  const draftSavedOn = dayOf(demo.draftSavedDaysAgo);
  const mexicanCompany = demoCountry(demo.organisation) === 'MX';

  const entityTypes = demo.entityTypes.map((entry) => {
    const result = validateEntityIdentifiers(entry.entityType, entry.identifiers, {
      mexicanCompany,
    });
    if (!result.ok) {
      throw new Error(
        `demo registry: ${demo.organisation} ${entry.entityType} identifiers are not valid: ${JSON.stringify(result.issues)}`,
      );
    }
    const identifiers: StoredIdentifier[] = result.identifiers;
    return {
      organisationId,
      entityType: entry.entityType,
      identifiers,
      eligibility: passingAnswers(entry.entityType),
      createdAt: demoInstant(draftSavedOn),
    };
  });

  let state = initialMembershipState(draftSavedOn);
  const dates: {
    applicationSubmittedOn?: CalendarDate;
    agreementSignedByUserId?: string;
    agreementSignedAt?: Date;
    certifiedOn?: CalendarDate;
    validatedOn?: CalendarDate;
    lastValidatedOn?: CalendarDate;
    assignedSpecialistUserId?: string;
    cbpOfficeId?: string;
  } = {};
  const history: DemoMembershipRows['history'] = [];
  for (const step of demo.steps) {
    const on = dayOf(step.daysAgo);
    const at = demoInstant(on);
    const actor = demoActor(step.actor);
    const result = applyTransition(state, step.transition, {
      actorRole: actor.role,
      on,
      reason: step.reason ?? null,
      evidenceIds: step.evidence ?? [],
    });
    if (!result.ok) {
      throw new Error(`demo registry: ${demo.organisation} ${step.transition}: ${result.message}`);
    }
    if (step.transition === 'submit_application') {
      Object.assign(dates, {
        applicationSubmittedOn: on,
        agreementSignedByUserId: actor.userId,
        agreementSignedAt: at,
      });
    } else if (step.transition === 'assign_specialist') {
      // The specialist's CBP office becomes the member's office, as the service records it.
      const specialist = demoActor(demo.specialist ?? '');
      dates.assignedSpecialistUserId = specialist.userId;
      dates.cbpOfficeId = specialist.organisationId;
    } else if (step.transition === 'certify') {
      dates.certifiedOn = on;
    } else if (
      step.transition === 'record_validation_meets' ||
      step.transition === 'record_validation_exceeds'
    ) {
      dates.validatedOn = dates.validatedOn ?? on;
      dates.lastValidatedOn = on;
    }
    history.push({
      organisationId,
      seq: history.length + 1,
      transition: step.transition,
      fromState: state.status,
      toState: result.next.status,
      toReviewStep: result.next.status === 'under_review' ? result.next.reviewStep : null,
      actorUserId: actor.userId,
      actorRole: actor.role,
      reason: result.effects.audit.reason,
      evidenceIds: [...result.effects.audit.evidenceIds],
      on,
      at,
    });
    state = result.next;
  }

  const createdAt = demoInstant(draftSavedOn);
  const lastAt = history.at(-1)?.at ?? createdAt;
  return {
    state,
    membership: {
      organisationId,
      status: state.status,
      statusSince: state.since,
      reviewStep: state.status === 'under_review' ? state.reviewStep : null,
      heldStatus: state.status === 'suspended' ? state.heldStatus : null,
      suspensionResponseReceivedOn: state.status === 'suspended' ? state.responseReceivedOn : null,
      removalCause: state.status === 'removed' ? state.cause : null,
      tier: currentTier(state),
      applicationSubmittedOn: dates.applicationSubmittedOn ?? null,
      agreementSignedByUserId: dates.agreementSignedByUserId ?? null,
      agreementSignedAt: dates.agreementSignedAt ?? null,
      certifiedOn: dates.certifiedOn ?? null,
      validatedOn: dates.validatedOn ?? null,
      lastValidatedOn: dates.lastValidatedOn ?? null,
      assignedSpecialistUserId: dates.assignedSpecialistUserId ?? null,
      cbpOfficeId: dates.cbpOfficeId ?? null,
      createdAt,
      updatedAt: lastAt,
    },
    entityTypes,
    history,
  };
}
