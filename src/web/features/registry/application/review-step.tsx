import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { eligibilityQuestionnaire } from '../../../../domain/registry/eligibility/eligibility-questionnaires.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { CheckboxField } from '../../../components/ui/form-fields.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useFormatters } from '../../../lib/use-formatters.ts';
import { membersQuery } from '../../users/api/users-api.ts';
import { type Draft, eligibilityOf, givenIdentifiers } from './application-draft.ts';

/** Why the application cannot be submitted yet, in the reader's language. */
export interface SubmitBlockers {
  ineligible: boolean;
  unanswered: boolean;
  profileIncomplete: boolean;
  notSaved: boolean;
}

export function hasBlockers(blockers: SubmitBlockers): boolean {
  return Object.values(blockers).some(Boolean);
}

/** The company officers who may submit (for everyone else: who to ask). */
function OfficersToAsk({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const members = useQuery(membersQuery(organisationId));
  const officers = members.data?.items.filter((member) => member.role === 'company_officer') ?? [];
  return (
    <Alert type="info" heading={t('registry.review.officerOnlyHeading')} headingLevel="h3">
      <p className="margin-top-1">
        {officers.length > 0
          ? t('registry.review.officerOnlyNamed', {
              names: format.list(officers.map((officer) => officer.displayName)),
            })
          : t('registry.review.officerOnly')}
      </p>
    </Alert>
  );
}

/**
 * Step 5: the application as it will be sent, why it cannot go yet (if so), and — for the
 * company officer only — the partner agreement and the submission.
 */
export function ReviewStep({
  draft,
  companyName,
  organisationId,
  canSubmit,
  blockers,
  agreement,
  onAgreement,
  agreementError,
}: {
  draft: Draft;
  companyName: string;
  organisationId: string;
  canSubmit: boolean;
  blockers: SubmitBlockers;
  agreement: boolean;
  onAgreement: (checked: boolean) => void;
  agreementError: string | undefined;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <>
      <ul className="usa-list usa-list--unstyled">
        {draft.entities.map((entity) => {
          const result = eligibilityOf(entity);
          const questions = eligibilityQuestionnaire(entity.entityType);
          return (
            <li key={entity.entityType} className="margin-bottom-3">
              <h3 className="margin-y-05">
                {t(`entityTypes.${entity.entityType}`)}{' '}
                {result.eligible ? (
                  <Tag tone="success">{t('registry.review.eligible')}</Tag>
                ) : (
                  <Tag tone="error">{t('registry.review.notEligible')}</Tag>
                )}
              </h3>
              {result.eligible ? null : (
                <ul className="usa-list">
                  {result.blocking.map((blocking) => (
                    <li key={blocking.questionId}>{blocking.reason[language]}</li>
                  ))}
                  {result.unanswered.map((id) => (
                    <li key={id}>
                      {t('registry.review.unanswered', {
                        question:
                          questions.find((question) => question.id === id)?.text[language] ?? id,
                      })}
                    </li>
                  ))}
                </ul>
              )}
              <dl className="margin-y-0">
                {givenIdentifiers(entity).map((identifier) => (
                  <div key={identifier.kind}>
                    <dt className="display-inline text-bold">
                      {t(`registry.identifierKinds.${identifier.kind}.label`)}:
                    </dt>{' '}
                    <dd className="display-inline margin-left-0 font-mono-xs">
                      {identifier.value}
                    </dd>
                  </div>
                ))}
              </dl>
            </li>
          );
        })}
      </ul>
      {hasBlockers(blockers) ? (
        <Alert type="warning" heading={t('registry.review.blockedHeading')} headingLevel="h3">
          <ul className="usa-list margin-top-1">
            {blockers.ineligible ? <li>{t('registry.review.blockedIneligible')}</li> : null}
            {blockers.unanswered ? <li>{t('registry.review.blockedUnanswered')}</li> : null}
            {blockers.profileIncomplete ? <li>{t('registry.review.blockedProfile')}</li> : null}
            {blockers.notSaved ? <li>{t('registry.review.blockedNotSaved')}</li> : null}
          </ul>
        </Alert>
      ) : null}
      {canSubmit ? (
        <section aria-labelledby="partner-agreement" className="margin-top-4">
          <h3 id="partner-agreement">{t('registry.review.agreementHeading')}</h3>
          <p>{t('registry.review.agreementText')}</p>
          <CheckboxField
            id="partner-agreement-signed"
            name="agreementAccepted"
            label={t('registry.review.agreementCheckbox', { company: companyName })}
            checked={agreement}
            onChange={onAgreement}
            error={agreementError}
          />
        </section>
      ) : (
        <OfficersToAsk organisationId={organisationId} />
      )}
    </>
  );
}
