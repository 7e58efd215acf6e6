import { z } from 'zod';
import { ENTITY_TYPES, type EntityType } from '../../../../domain/organisations/entity-types.ts';
import {
  COMMON_ELIGIBILITY_QUESTIONS,
  type EligibilityQuestion,
  eligibilityQuestionnaire,
} from '../../../../domain/registry/eligibility/eligibility-questionnaires.ts';
import {
  type EligibilityResult,
  evaluateEligibility,
} from '../../../../domain/registry/eligibility/evaluate-eligibility.ts';
import {
  acceptedIdentifierKinds,
  ENTITY_IDENTIFIER_MESSAGES,
  ENTITY_IDENTIFIER_RULES,
  type IdentifierKind,
} from '../../../../domain/registry/identifiers/identifier-kinds.ts';
import type {
  MembershipFile,
  SaveApplicationBody,
} from '../../../../domain/registry/registry.schema.ts';
import { ApiError } from '../../../lib/api-client.ts';

/**
 * The application wizard's working copy of the draft (PUT /api/v1/registry/application), and
 * the pure functions between it, the API body and the API's field issues.
 */

export interface DraftEntity {
  entityType: EntityType;
  /** Answers by question id (the common questions are answered once, copied to every type). */
  eligibility: Record<string, boolean>;
  /** One value per identifier kind the entity type accepts; blank means not given. */
  identifiers: Partial<Record<IdentifierKind, string>>;
}

export interface Draft {
  /** In ENTITY_TYPES order, so the API body's indexes are stable. */
  entities: DraftEntity[];
}

export const EMPTY_DRAFT: Draft = { entities: [] };

const COMMON_IDS: ReadonlySet<string> = new Set(COMMON_ELIGIBILITY_QUESTIONS.map((q) => q.id));

export const commonQuestions: readonly EligibilityQuestion[] = COMMON_ELIGIBILITY_QUESTIONS;

/** An entity type's own questions, without the common ones asked once for the company. */
export function ownQuestions(entityType: EntityType): readonly EligibilityQuestion[] {
  return eligibilityQuestionnaire(entityType).filter((question) => !COMMON_IDS.has(question.id));
}

/** The draft the company saved, as the wizard's working copy. */
export function draftFromFile(file: MembershipFile | null): Draft {
  if (file === null) {
    return EMPTY_DRAFT;
  }
  return {
    entities: sortEntities(
      file.entityTypes.map((entry) => ({
        entityType: entry.entityType,
        eligibility: { ...entry.eligibility },
        identifiers: Object.fromEntries(
          entry.identifiers.map((identifier) => [identifier.kind, identifier.value]),
        ),
      })),
    ),
  };
}

function sortEntities(entities: DraftEntity[]): DraftEntity[] {
  return [...entities].sort(
    (a, b) => ENTITY_TYPES.indexOf(a.entityType) - ENTITY_TYPES.indexOf(b.entityType),
  );
}

/** The common answers given so far (taken from any entity type that has them). */
export function commonAnswers(draft: Draft): Record<string, boolean> {
  const answers: Record<string, boolean> = {};
  for (const entity of draft.entities) {
    for (const [id, value] of Object.entries(entity.eligibility)) {
      if (COMMON_IDS.has(id) && answers[id] === undefined) {
        answers[id] = value;
      }
    }
  }
  return answers;
}

/** The draft with exactly these entity types: kept ones keep their answers and identifiers. */
export function withEntityTypes(draft: Draft, types: readonly EntityType[]): Draft {
  const common = commonAnswers(draft);
  return {
    entities: sortEntities(
      types.map(
        (entityType) =>
          draft.entities.find((entity) => entity.entityType === entityType) ?? {
            entityType,
            eligibility: { ...common },
            identifiers: {},
          },
      ),
    ),
  };
}

/** Records one answer: a common question for every entity type, an own question for its type. */
export function withAnswer(
  draft: Draft,
  entityType: EntityType | 'common',
  questionId: string,
  answer: boolean,
): Draft {
  return {
    entities: draft.entities.map((entity) =>
      entityType === 'common' || entity.entityType === entityType
        ? { ...entity, eligibility: { ...entity.eligibility, [questionId]: answer } }
        : entity,
    ),
  };
}

export function withIdentifier(
  draft: Draft,
  entityType: EntityType,
  kind: IdentifierKind,
  value: string,
): Draft {
  return {
    entities: draft.entities.map((entity) =>
      entity.entityType === entityType
        ? { ...entity, identifiers: { ...entity.identifiers, [kind]: value } }
        : entity,
    ),
  };
}

export function eligibilityOf(entity: DraftEntity): EligibilityResult {
  return evaluateEligibility(entity.entityType, entity.eligibility);
}

/** The identifiers an entity gives, in the order the API receives them. */
export function givenIdentifiers(entity: DraftEntity): { kind: IdentifierKind; value: string }[] {
  return acceptedIdentifierKinds(entity.entityType).flatMap((kind) => {
    const value = entity.identifiers[kind]?.trim() ?? '';
    return value === '' ? [] : [{ kind, value }];
  });
}

/** The request body, and which kind each identifier index of each entity type is. */
export function applicationBody(draft: Draft): {
  body: SaveApplicationBody;
  sentKinds: IdentifierKind[][];
} {
  const entries = draft.entities.map((entity) => ({
    entityType: entity.entityType,
    identifiers: givenIdentifiers(entity),
    eligibility: entity.eligibility,
  }));
  return {
    body: { entityTypes: entries },
    sentKinds: entries.map((entry) => entry.identifiers.map((identifier) => identifier.kind)),
  };
}

export type MissingIdentifier =
  | { kind: 'required'; identifier: IdentifierKind }
  | { kind: 'one_of'; identifiers: readonly IdentifierKind[] };

/** The identifiers an entity type still needs (ENTITY_IDENTIFIER_RULES), before any is checked. */
export function missingIdentifiers(
  entity: DraftEntity,
  mexicanCompany: boolean,
): MissingIdentifier[] {
  const rule = ENTITY_IDENTIFIER_RULES[entity.entityType];
  const given = new Set(givenIdentifiers(entity).map((identifier) => identifier.kind));
  const required = [...rule.required, ...(mexicanCompany ? rule.requiredForMexicanCompanies : [])];
  const missing: MissingIdentifier[] = required
    .filter((kind) => !given.has(kind))
    .map((identifier) => ({ kind: 'required', identifier }));
  for (const group of rule.requiredOneOf) {
    if (!group.some((kind) => given.has(kind))) {
      missing.push({ kind: 'one_of', identifiers: group });
    }
  }
  return missing;
}

/** Whether the server would keep this draft: it refuses one with a required identifier missing. */
export function savableOnServer(draft: Draft, mexicanCompany: boolean): boolean {
  return (
    draft.entities.length > 0 &&
    draft.entities.every((entity) => missingIdentifiers(entity, mexicanCompany).length === 0)
  );
}

/** Identifier field keys: `<entityType>.<kind>`. */
export function identifierFieldKey(entityType: EntityType, kind: IdentifierKind): string {
  return `${entityType}.${kind}`;
}

const IssuesSchema = z.object({
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

export interface ApplicationIssues {
  /** By identifier field key (`importer.importer_of_record_number`): the API's message. */
  identifiers: Record<string, string>;
  /** By entity type: problems that name no single identifier. */
  entities: Partial<Record<EntityType, string[]>>;
  /** Anything else the API named. */
  other: string[];
}

const IDENTIFIER_PATH = /^body\.entityTypes\.(\d+)\.identifiers(?:\.(\d+)\.(value|kind))?$/;

/**
 * Places the API's VALIDATION_FAILED and CONFLICT issues on the wizard's fields:
 * `body.entityTypes.0.identifiers.1.value` is the second identifier sent for the first entity
 * type, so `sentKinds` (from applicationBody) says which input it is. A missing required kind
 * (`body.entityTypes.0.identifiers`) lands on that kind's input.
 */
export function applicationIssues(
  error: unknown,
  draft: Draft,
  sentKinds: readonly (readonly IdentifierKind[])[],
): ApplicationIssues {
  const found: ApplicationIssues = { identifiers: {}, entities: {}, other: [] };
  if (!(error instanceof ApiError)) {
    return found;
  }
  const details = error.details;
  const issues = IssuesSchema.safeParse(details).success
    ? IssuesSchema.parse(details).issues
    : typeof details === 'object' && details !== null && 'path' in details
      ? [{ path: String((details as { path: unknown }).path), message: error.message }]
      : [];
  for (const issue of issues) {
    const match = IDENTIFIER_PATH.exec(issue.path);
    const entity = match ? draft.entities[Number(match[1])] : undefined;
    if (!match || !entity) {
      found.other.push(issue.message);
      continue;
    }
    const index = match[2];
    const kind =
      index === undefined
        ? requiredKindNamedIn(issue.message, entity.entityType)
        : sentKinds[Number(match[1])]?.[Number(index)];
    if (kind) {
      const key = identifierFieldKey(entity.entityType, kind);
      found.identifiers[key] ??= issue.message;
    } else {
      found.entities[entity.entityType] = [
        ...(found.entities[entity.entityType] ?? []),
        issue.message,
      ];
    }
  }
  return found;
}

/** The kind a "… is required for this entity type" message names, if one. */
function requiredKindNamedIn(message: string, entityType: EntityType): IdentifierKind | undefined {
  return acceptedIdentifierKinds(entityType).find(
    (kind) =>
      message === ENTITY_IDENTIFIER_MESSAGES.required(kind) ||
      message === ENTITY_IDENTIFIER_MESSAGES.requiredForMexican(kind),
  );
}
