import { Fieldset } from '@trussworks/react-uswds';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EntityType } from '../../../../domain/organisations/entity-types.ts';
import {
  acceptedIdentifierKinds,
  ENTITY_IDENTIFIER_RULES,
  type IdentifierKind,
} from '../../../../domain/registry/identifiers/identifier-kinds.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { TextField } from '../../../components/ui/form-fields.tsx';
import { useIssueText } from '../../../lib/issue-text.ts';
import {
  type ApplicationIssues,
  type Draft,
  type DraftEntity,
  identifierFieldKey,
  type MissingIdentifier,
  missingIdentifiers,
} from './application-draft.ts';
import { MidBuilder } from './mid-builder.tsx';

export function identifierInputId(entityType: EntityType, kind: IdentifierKind): string {
  return `identifier-${entityType}-${kind}`;
}

type Need = 'required' | 'one_of' | 'mexican' | 'optional';

function needOf(entityType: EntityType, kind: IdentifierKind, mexicanCompany: boolean): Need {
  const rule = ENTITY_IDENTIFIER_RULES[entityType];
  if (rule.required.includes(kind)) return 'required';
  if (rule.requiredOneOf.some((group) => group.includes(kind))) return 'one_of';
  if (mexicanCompany && rule.requiredForMexicanCompanies.includes(kind)) return 'mexican';
  return 'optional';
}

/** Client-side "still missing" messages by field key (translated). */
export function useMissingIdentifierErrors(): (
  draft: Draft,
  mexicanCompany: boolean,
) => Record<string, string> {
  const { t } = useTranslation();
  return (draft, mexicanCompany) => {
    const errors: Record<string, string> = {};
    for (const entity of draft.entities) {
      for (const missing of missingIdentifiers(entity, mexicanCompany)) {
        const [kind, message] = missingMessage(missing, t);
        errors[identifierFieldKey(entity.entityType, kind)] = message;
      }
    }
    return errors;
  };
}

function missingMessage(missing: MissingIdentifier, t: TFunction): [IdentifierKind, string] {
  const label = (kind: IdentifierKind): string => t(`registry.identifierKinds.${kind}.label`);
  if (missing.kind === 'required') {
    const name = label(missing.identifier);
    return [missing.identifier, t('registry.identifiers.missing', { name })];
  }
  const [first] = missing.identifiers;
  const names = missing.identifiers.map(label).join(t('registry.identifiers.or'));
  return [first ?? 'ein', t('registry.identifiers.missingOneOf', { names })];
}

function EntityIdentifiers({
  entity,
  mexicanCompany,
  errors,
  entityProblems,
  onChange,
}: {
  entity: DraftEntity;
  mexicanCompany: boolean;
  errors: Record<string, string>;
  entityProblems: readonly string[];
  onChange: (kind: IdentifierKind, value: string) => void;
}) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const kinds = acceptedIdentifierKinds(entity.entityType);
  return (
    <Fieldset
      legend={t(`entityTypes.${entity.entityType}`)}
      legendStyle="large"
      className="margin-bottom-4"
    >
      {entityProblems.map((problem) => (
        <Alert key={problem} type="error" slim>
          <p className="margin-y-0">{issueText(problem)}</p>
        </Alert>
      ))}
      {kinds.length === 0 ? <p>{t('registry.identifiers.noneAccepted')}</p> : null}
      {kinds.map((kind) => {
        const need = needOf(entity.entityType, kind, mexicanCompany);
        const key = identifierFieldKey(entity.entityType, kind);
        const error = errors[key];
        return (
          <div key={kind}>
            <TextField
              id={identifierInputId(entity.entityType, kind)}
              name={key}
              label={`${t(`registry.identifierKinds.${kind}.label`)} (${t(`registry.identifiers.needs.${need}`)})`}
              hint={t(`registry.identifierKinds.${kind}.hint`)}
              value={entity.identifiers[kind] ?? ''}
              maxLength={64}
              spellCheck={false}
              error={error ? issueText(error) : undefined}
              onChange={(value) => onChange(kind, value)}
            />
            {kind === 'manufacturer_identification_code' ? (
              <MidBuilder
                idPrefix={`mid-${entity.entityType}`}
                onUse={(mid) => onChange(kind, mid)}
              />
            ) : null}
          </div>
        );
      })}
    </Fieldset>
  );
}

/**
 * Step 3: the identifiers each entity type gives (identifier-kinds.ts: which are required,
 * which one of a group, which only for a Mexican company). The API checks every value; its
 * issues land on the input they name.
 */
export function IdentifiersStep({
  draft,
  mexicanCompany,
  clientErrors,
  issues,
  onChange,
}: {
  draft: Draft;
  mexicanCompany: boolean;
  clientErrors: Record<string, string>;
  issues: ApplicationIssues;
  onChange: (entityType: EntityType, kind: IdentifierKind, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('registry.identifiers.intro')}</p>
      {draft.entities.map((entity) => (
        <EntityIdentifiers
          key={entity.entityType}
          entity={entity}
          mexicanCompany={mexicanCompany}
          errors={{ ...issues.identifiers, ...clientErrors }}
          entityProblems={issues.entities[entity.entityType] ?? []}
          onChange={(kind, value) => onChange(entity.entityType, kind, value)}
        />
      ))}
    </>
  );
}
