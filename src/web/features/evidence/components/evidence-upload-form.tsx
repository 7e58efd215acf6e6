import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ErrorMessage, FormGroup, Label } from '@trussworks/react-uswds';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Evidence } from '../../../../domain/evidence/evidence.schema.ts';
import { EVIDENCE_MAX_BYTES } from '../../../../domain/evidence/evidence-vocabulary.ts';
import { RequestForm, SuccessNotice } from '../../../components/request-form.tsx';
import { TextField } from '../../../components/ui/form-fields.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { type FieldErrors, useApiForm } from '../../../lib/use-api-form.ts';
import { isBlank } from '../../../lib/validators.ts';
import { TextareaField } from '../../company-profile/components/textarea-field.tsx';
import { criteriaCatalogQuery, refreshEvidence, uploadEvidence } from '../api/evidence-api.ts';
import { criterionOptionLabel } from './criterion-label.ts';

/** What the file chooser offers; the server decides from the content all the same. */
const ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.gif,.webp,.csv,.txt,.docx,.xlsx,.pptx,.doc,.xls,application/pdf,image/*,text/csv,text/plain';

type UploadValues = {
  /** The chosen file's name (the File itself is kept beside the form's values). */
  file: string;
  title: string;
  description: string;
  expiresOn: string;
  criterionIds: string[];
};

const DuplicateSchema = z.object({ existingEvidenceId: z.uuid() });

/** The document already in the library, when an upload was refused as a duplicate. */
function duplicateOf(error: Error | null): string | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const parsed = DuplicateSchema.safeParse(error.details);
  return parsed.success ? parsed.data.existingEvidenceId : null;
}

export interface EvidenceUploadFormProps {
  /** Prefix of the fields' ids: several forms may share a page (one per criterion). */
  idPrefix: string;
  heading: string;
  headingLevel?: 'h2' | 'h3' | 'h4';
  /** Linked on upload without asking (the criterion the form sits next to). */
  fixedCriterionIds?: readonly string[];
  /** Offer the criteria picker (the library page; not next to one criterion). */
  chooseCriteria?: boolean;
  onUploaded?: (evidence: Evidence) => void;
}

/**
 * Uploads one document: the file, a title, a description, an expiry date and the criteria it
 * supports. The browser checks what it can (a file chosen, not empty, not over 25 MiB, a
 * title); the server checks everything again and reads the type from the content.
 */
export function EvidenceUploadForm({
  idPrefix,
  heading,
  headingLevel = 'h2',
  fixedCriterionIds = [],
  chooseCriteria = true,
  onUploaded,
}: EvidenceUploadFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileRef = useRef<File | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const catalog = useQuery({ ...criteriaCatalogQuery(), enabled: chooseCriteria });
  const id = (name: string) => `${idPrefix}-${name}`;
  const form = useApiForm<UploadValues, Evidence>({
    initial: { file: '', title: '', description: '', expiresOn: '', criterionIds: [] },
    validate: (values) => {
      const errors: FieldErrors<UploadValues> = {};
      const file = fileRef.current;
      if (file === null) {
        errors.file = t('evidence.upload.fileRequired');
      } else if (file.size === 0) {
        errors.file = t('evidence.upload.fileEmpty');
      } else if (file.size > EVIDENCE_MAX_BYTES) {
        errors.file = t('evidence.upload.fileTooLarge');
      }
      if (isBlank(values.title)) errors.title = t('forms.errors.required');
      return errors;
    },
    submit: (values) =>
      uploadEvidence({
        file: fileRef.current,
        title: values.title,
        description: values.description,
        expiresOn: values.expiresOn,
        criterionIds: [...new Set([...fixedCriterionIds, ...values.criterionIds])],
      }),
    onSuccess: (evidence) => {
      fileRef.current = null;
      setFileInputKey((key) => key + 1);
      void refreshEvidence(queryClient);
      onUploaded?.(evidence);
    },
    resetOnSuccess: true,
  });
  const duplicate = duplicateOf(form.error);
  const HeadingTag = headingLevel;
  const fileError = form.errors.file;
  const fileDescribedBy = [id('file-hint'), fileError ? id('file-error') : null]
    .filter(Boolean)
    .join(' ');

  return (
    <div>
      <HeadingTag id={id('heading')}>{heading}</HeadingTag>
      {form.result ? (
        <SuccessNotice>
          {t('evidence.upload.done', { title: form.result.title })}{' '}
          <Link
            to="/evidence/$evidenceId"
            params={{ evidenceId: form.result.id }}
            className="usa-link"
          >
            {t('evidence.upload.open')}
          </Link>
        </SuccessNotice>
      ) : null}
      <RequestForm
        form={form}
        label={heading}
        failedHeading={t('evidence.upload.failed')}
        afterAlert={
          duplicate ? (
            <p>
              <Link
                to="/evidence/$evidenceId"
                params={{ evidenceId: duplicate }}
                className="usa-link"
              >
                {t('evidence.upload.openDuplicate')}
              </Link>
            </p>
          ) : null
        }
        submitLabel={t('evidence.upload.submit')}
        pendingLabel={t('evidence.upload.pending')}
      >
        <FormGroup error={Boolean(fileError)}>
          <Label htmlFor={id('file')} error={Boolean(fileError)}>
            {t('evidence.upload.file')}
          </Label>
          <div className="usa-hint" id={id('file-hint')}>
            {t('evidence.upload.fileHint')}
          </div>
          {fileError ? <ErrorMessage id={id('file-error')}>{fileError}</ErrorMessage> : null}
          <input
            key={fileInputKey}
            id={id('file')}
            name="file"
            type="file"
            accept={ACCEPT}
            className="usa-input padding-1 height-auto"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileDescribedBy}
            onChange={(event: ChangeEvent<HTMLInputElement>) => {
              const file = event.target.files?.[0] ?? null;
              fileRef.current = file;
              form.set('file', file?.name ?? '');
              if (file && isBlank(form.values.title)) {
                // The file's name without its extension is a good first title.
                form.set('title', file.name.replace(/\.[^.]+$/, ''));
              }
            }}
          />
        </FormGroup>
        <TextField
          id={id('title')}
          name="title"
          label={t('evidence.upload.title')}
          hint={t('evidence.upload.titleHint')}
          maxLength={200}
          required
          value={form.values.title}
          error={form.errors.title}
          onChange={(value) => form.set('title', value)}
        />
        <TextareaField
          id={id('description')}
          name="description"
          label={t('evidence.upload.description')}
          maxLength={4000}
          value={form.values.description}
          error={form.errors.description}
          onChange={(value) => form.set('description', value)}
        />
        <TextField
          id={id('expires-on')}
          name="expiresOn"
          type="date"
          label={t('evidence.upload.expiresOn')}
          hint={t('evidence.upload.expiresOnHint')}
          value={form.values.expiresOn}
          error={form.errors.expiresOn}
          onChange={(value) => form.set('expiresOn', value)}
        />
        {chooseCriteria ? (
          <FormGroup error={Boolean(form.errors.criterionIds)}>
            <Label htmlFor={id('criteria')} error={Boolean(form.errors.criterionIds)}>
              {t('evidence.upload.criteria')}
            </Label>
            <div className="usa-hint" id={id('criteria-hint')}>
              {t('evidence.upload.criteriaHint')}
            </div>
            {form.errors.criterionIds ? (
              <ErrorMessage id={id('criteria-error')}>{form.errors.criterionIds}</ErrorMessage>
            ) : null}
            <select
              id={id('criteria')}
              name="criterionIds"
              multiple
              size={8}
              className="usa-select height-auto"
              value={form.values.criterionIds}
              aria-invalid={form.errors.criterionIds ? true : undefined}
              aria-describedby={[
                id('criteria-hint'),
                form.errors.criterionIds ? id('criteria-error') : null,
              ]
                .filter(Boolean)
                .join(' ')}
              onChange={(event: ChangeEvent<HTMLSelectElement>) =>
                form.set(
                  'criterionIds',
                  [...event.target.selectedOptions].map((option) => option.value),
                )
              }
            >
              {(catalog.data?.criteria ?? []).map((criterion) => (
                <option key={criterion.id} value={criterion.id}>
                  {criterionOptionLabel(criterion)}
                </option>
              ))}
            </select>
          </FormGroup>
        ) : null}
      </RequestForm>
    </div>
  );
}
