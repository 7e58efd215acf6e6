import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZE_MAX } from '../../../../domain/api/pagination.schema.ts';
import { useSignedIn } from '../../../app/shell/use-viewer.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Form, SelectField } from '../../../components/ui/form-fields.tsx';
import {
  evidenceKeys,
  fetchEvidencePage,
  linkEvidence,
  refreshEvidence,
  unlinkEvidence,
} from '../api/evidence-api.ts';
import { ExpiryStatus } from './evidence-status.tsx';
import { EvidenceUploadForm } from './evidence-upload-form.tsx';

export interface CriterionEvidenceProps {
  criterionId: string;
  /** Whether the viewer may link, unlink and upload (evidence:manage and the section's editor). */
  editable: boolean;
}

/** A DOM id from a criterion id ("3.4" → "3-4"). */
function idOf(criterionId: string): string {
  return criterionId.replaceAll(/[^a-z0-9]+/gi, '-');
}

/**
 * The evidence of one criterion, for the Security Profile to show beside it: the documents
 * linked to it (with their expiry), and for an editor, linking a document already in the
 * library or uploading a new one linked to this criterion at once.
 */
export function CriterionEvidence({ criterionId, editable }: CriterionEvidenceProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSignedIn();
  const organisationId = session?.organisationId ?? '';
  const prefix = `criterion-evidence-${idOf(criterionId)}`;
  const linked = useQuery({
    queryKey: evidenceKeys.ofCriterion(organisationId, criterionId),
    queryFn: ({ signal }) =>
      fetchEvidencePage({ criterionId }, null, { limit: PAGE_SIZE_MAX, signal }),
    enabled: organisationId !== '',
  });
  const [choosing, setChoosing] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [choice, setChoice] = useState('');
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const library = useQuery({
    queryKey: evidenceKeys.choices(organisationId),
    queryFn: ({ signal }) => fetchEvidencePage({}, null, { limit: PAGE_SIZE_MAX, signal }),
    enabled: organisationId !== '' && choosing,
  });
  const link = useMutation({
    mutationFn: (evidenceId: string) => linkEvidence(evidenceId, criterionId),
    onSuccess: () => {
      setChoice('');
      setChoosing(false);
      void refreshEvidence(queryClient);
    },
  });
  const unlink = useMutation({
    mutationFn: (evidenceId: string) => unlinkEvidence(evidenceId, criterionId),
    onSuccess: () => void refreshEvidence(queryClient),
  });
  const items = linked.data?.items ?? [];
  const linkable = (library.data?.items ?? []).filter(
    (item) => !item.criterionIds.includes(criterionId),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (choice === '') {
      setChoiceError(t('evidence.criterion.chooseRequired'));
      return;
    }
    setChoiceError(undefined);
    link.mutate(choice);
  };

  return (
    <div className="margin-top-2">
      <h4 className="margin-bottom-1" id={`${prefix}-heading`}>
        {t('evidence.criterion.heading', { criterion: criterionId })}
      </h4>
      {linked.isPending ? (
        <p role="status" className="text-base-dark margin-y-0">
          {t('evidence.loading')}
        </p>
      ) : linked.isError ? (
        <ApiErrorAlert
          heading={t('evidence.loadError')}
          headingLevel="h4"
          error={linked.error}
          onRetry={() => void linked.refetch()}
        />
      ) : items.length === 0 ? (
        <p className="text-italic margin-y-0">{t('evidence.criterion.none')}</p>
      ) : (
        <ul className="usa-list" aria-labelledby={`${prefix}-heading`}>
          {items.map((item) => (
            <li key={item.id}>
              <Link
                to="/evidence/$evidenceId"
                params={{ evidenceId: item.id }}
                className="usa-link"
              >
                {item.title}
              </Link>{' '}
              <ExpiryStatus evidence={item} />
              {editable ? (
                <Button
                  variant="unstyled"
                  className="margin-left-1"
                  aria-label={t('evidence.criterion.unlinkLabel', {
                    title: item.title,
                    criterion: criterionId,
                  })}
                  onClick={() => unlink.mutate(item.id)}
                >
                  {t('evidence.links.unlink')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {unlink.isError ? (
        <ApiErrorAlert
          heading={t('evidence.links.unlinkFailed')}
          headingLevel="h4"
          error={unlink.error}
        />
      ) : null}
      {editable ? (
        <div className="margin-top-1">
          {choosing ? (
            <>
              <FormErrorAlert
                heading={t('evidence.links.linkFailed')}
                headingLevel="h4"
                error={link.error}
              />
              <Form
                onSubmit={submit}
                label={t('evidence.criterion.linkFormLabel', { criterion: criterionId })}
              >
                <SelectField
                  id={`${prefix}-choice`}
                  name="evidenceId"
                  label={t('evidence.criterion.choose')}
                  value={choice}
                  emptyOption={
                    library.isPending ? t('evidence.loading') : t('evidence.criterion.choosePrompt')
                  }
                  error={choiceError}
                  options={linkable.map((item) => ({ value: item.id, label: item.title }))}
                  onChange={setChoice}
                />
                <Button type="submit" aria-disabled={link.isPending}>
                  {link.isPending ? t('evidence.links.linking') : t('evidence.links.link')}
                </Button>
                <Button variant="unstyled" onClick={() => setChoosing(false)}>
                  {t('confirm.cancel')}
                </Button>
              </Form>
            </>
          ) : (
            <Button variant="outline" onClick={() => setChoosing(true)}>
              {t('evidence.criterion.linkExisting')}
            </Button>
          )}
          {uploading ? (
            <div className="margin-top-2">
              <EvidenceUploadForm
                idPrefix={`${prefix}-upload`}
                heading={t('evidence.criterion.uploadHeading', { criterion: criterionId })}
                headingLevel="h4"
                fixedCriterionIds={[criterionId]}
                chooseCriteria={false}
                onUploaded={() => setUploading(false)}
              />
              <Button variant="unstyled" onClick={() => setUploading(false)}>
                {t('confirm.cancel')}
              </Button>
            </div>
          ) : (
            <Button variant="outline" onClick={() => setUploading(true)}>
              {t('evidence.criterion.uploadNew')}
            </Button>
          )}
        </div>
      ) : null}
    </div>
  );
}
