import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../domain/evidence/evidence.schema.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Form, SelectField } from '../../../components/ui/form-fields.tsx';
import { fieldErrorsOf } from '../../../lib/api-client.ts';
import {
  criteriaCatalogQuery,
  linkEvidence,
  refreshEvidence,
  unlinkEvidence,
} from '../api/evidence-api.ts';
import { criterionOptionLabel } from './criterion-label.ts';

/** The criteria a document supports: each with its text; link more, unlink (editors). */
export function EvidenceLinks({ evidence, canManage }: { evidence: Evidence; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const catalog = useQuery(criteriaCatalogQuery());
  const [choice, setChoice] = useState('');
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const link = useMutation({
    mutationFn: (criterionId: string) => linkEvidence(evidence.id, criterionId),
    onSuccess: () => {
      setChoice('');
      void refreshEvidence(queryClient);
    },
  });
  const unlink = useMutation({
    mutationFn: (criterionId: string) => unlinkEvidence(evidence.id, criterionId),
    onSuccess: () => void refreshEvidence(queryClient),
  });
  const criteria = catalog.data?.criteria ?? [];
  const textOf = (criterionId: string) =>
    criteria.find((criterion) => criterion.id === criterionId)?.text ?? '';
  const linkable = criteria.filter((criterion) => !evidence.criterionIds.includes(criterion.id));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (choice === '') {
      setChoiceError(t('evidence.links.chooseRequired'));
      return;
    }
    setChoiceError(undefined);
    link.mutate(choice);
  };

  return (
    <section aria-labelledby="evidence-links-heading" className="margin-top-6">
      <h2 id="evidence-links-heading">{t('evidence.links.heading')}</h2>
      <p>{t('evidence.links.intro')}</p>
      {unlink.isError ? (
        <ApiErrorAlert heading={t('evidence.links.unlinkFailed')} error={unlink.error} />
      ) : null}
      {evidence.criterionIds.length === 0 ? (
        <p className="text-italic">{t('evidence.links.none')}</p>
      ) : (
        <ul className="usa-list">
          {evidence.criterionIds.map((criterionId) => (
            <li key={criterionId} className="margin-bottom-1">
              <strong>{criterionId}</strong> {textOf(criterionId)}{' '}
              {canManage ? (
                <Button
                  variant="unstyled"
                  className="margin-left-1"
                  aria-label={t('evidence.links.unlinkLabel', { criterion: criterionId })}
                  onClick={() => unlink.mutate(criterionId)}
                >
                  {t('evidence.links.unlink')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <>
          <FormErrorAlert heading={t('evidence.links.linkFailed')} error={link.error} />
          <Form onSubmit={submit} label={t('evidence.links.formLabel')}>
            <SelectField
              id="evidence-link-criterion"
              name="criterionId"
              label={t('evidence.links.choose')}
              value={choice}
              emptyOption={t('evidence.links.choosePrompt')}
              error={choiceError ?? fieldErrorsOf(link.error).params}
              options={linkable.map((criterion) => ({
                value: criterion.id,
                label: criterionOptionLabel(criterion),
              }))}
              onChange={setChoice}
            />
            <Button type="submit" aria-disabled={link.isPending}>
              {link.isPending ? t('evidence.links.linking') : t('evidence.links.link')}
            </Button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
