import { ErrorMessage, Fieldset, FormGroup, Radio } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import type { EntityType } from '../../../../domain/organisations/entity-types.ts';
import type { EligibilityQuestion } from '../../../../domain/registry/eligibility/eligibility-questionnaires.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { currentLanguage } from '../../../lib/i18n.ts';
import { commonAnswers, commonQuestions, type Draft, ownQuestions } from './application-draft.ts';

function fieldId(scope: EntityType | 'common', questionId: string): string {
  return `eligibility-${scope}-${questionId}`.replaceAll(/[^a-zA-Z0-9_-]+/g, '-');
}

/** The id of the first unanswered question's first radio, to move focus there. */
export function unansweredFieldIds(draft: Draft): string[] {
  const common = commonAnswers(draft);
  const ids = commonQuestions
    .filter((question) => common[question.id] === undefined)
    .map((question) => fieldId('common', question.id));
  for (const entity of draft.entities) {
    for (const question of ownQuestions(entity.entityType)) {
      if (entity.eligibility[question.id] === undefined) {
        ids.push(fieldId(entity.entityType, question.id));
      }
    }
  }
  return ids;
}

function YesNoQuestion({
  scope,
  question,
  answer,
  onAnswer,
  showUnanswered,
}: {
  scope: EntityType | 'common';
  question: EligibilityQuestion;
  answer: boolean | undefined;
  onAnswer: (answer: boolean) => void;
  showUnanswered: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = fieldId(scope, question.id);
  const blocked = answer !== undefined && answer !== question.proceedAnswer;
  const missing = showUnanswered && answer === undefined;
  const describedBy = [blocked ? `${id}-reason` : null, missing ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <FormGroup error={missing} className="margin-bottom-3">
      <Fieldset
        legend={
          <>
            {question.text[language]}
            {question.provisional ? (
              <>
                {' '}
                <Tag tone="warning">{t('registry.eligibility.provisional')}</Tag>
              </>
            ) : null}
          </>
        }
        aria-describedby={describedBy || undefined}
      >
        {missing ? (
          <ErrorMessage id={`${id}-error`}>{t('registry.eligibility.answerThis')}</ErrorMessage>
        ) : null}
        <div className="display-flex">
          <Radio
            id={id}
            name={id}
            value="yes"
            label={t('registry.eligibility.yes')}
            checked={answer === true}
            aria-invalid={missing ? true : undefined}
            onChange={() => onAnswer(true)}
            className="margin-right-4"
          />
          <Radio
            id={`${id}-no`}
            name={id}
            value="no"
            label={t('registry.eligibility.no')}
            checked={answer === false}
            onChange={() => onAnswer(false)}
          />
        </div>
        {blocked ? (
          <div id={`${id}-reason`}>
            <Alert type="warning" slim className="margin-top-1">
              <p className="margin-y-0">
                <strong>{t('registry.eligibility.blocks')}</strong>{' '}
                {question.blockingReason[language]}
              </p>
            </Alert>
          </div>
        ) : null}
      </Fieldset>
    </FormGroup>
  );
}

/**
 * Step 2: each entity type's eligibility questionnaire (eligibility-questionnaires.ts), the
 * common questions asked once for the company. An answer that blocks shows the domain's reason
 * in the reader's language at once.
 */
export function EligibilityStep({
  draft,
  onAnswer,
  showUnanswered,
}: {
  draft: Draft;
  onAnswer: (scope: EntityType | 'common', questionId: string, answer: boolean) => void;
  showUnanswered: boolean;
}) {
  const { t } = useTranslation();
  const common = commonAnswers(draft);
  return (
    <>
      <p>{t('registry.eligibility.intro')}</p>
      {draft.entities.map((entity) => (
        <section
          key={entity.entityType}
          aria-labelledby={`eligibility-${entity.entityType}`}
          className="margin-bottom-4"
        >
          <h3 id={`eligibility-${entity.entityType}`}>
            {t('registry.eligibility.asEntity', {
              entityType: t(`entityTypes.${entity.entityType}`),
            })}
          </h3>
          {ownQuestions(entity.entityType).map((question) => (
            <YesNoQuestion
              key={question.id}
              scope={entity.entityType}
              question={question}
              answer={entity.eligibility[question.id]}
              onAnswer={(answer) => onAnswer(entity.entityType, question.id, answer)}
              showUnanswered={showUnanswered}
            />
          ))}
        </section>
      ))}
      <section aria-labelledby="eligibility-common" className="margin-bottom-4">
        <h3 id="eligibility-common">{t('registry.eligibility.commonHeading')}</h3>
        <p>{t('registry.eligibility.commonIntro')}</p>
        {commonQuestions.map((question) => (
          <YesNoQuestion
            key={question.id}
            scope="common"
            question={question}
            answer={common[question.id]}
            onAnswer={(answer) => onAnswer('common', question.id, answer)}
            showUnanswered={showUnanswered}
          />
        ))}
      </section>
    </>
  );
}
