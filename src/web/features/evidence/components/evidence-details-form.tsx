import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../domain/evidence/evidence.schema.ts';
import { RequestForm, SuccessNotice } from '../../../components/request-form.tsx';
import { TextField } from '../../../components/ui/form-fields.tsx';
import { type FieldErrors, useApiForm } from '../../../lib/use-api-form.ts';
import { isBlank } from '../../../lib/validators.ts';
import { TextareaField } from '../../company-profile/components/textarea-field.tsx';
import { refreshEvidence, updateEvidence } from '../api/evidence-api.ts';

type DetailValues = { title: string; description: string; expiresOn: string };

/** Edits a document's title, description and expiry date (a blank date: no expiry). */
export function EvidenceDetailsForm({ evidence }: { evidence: Evidence }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useApiForm<DetailValues, Evidence>({
    initial: {
      title: evidence.title,
      description: evidence.description ?? '',
      expiresOn: evidence.expiresOn ?? '',
    },
    validate: (values) => {
      const errors: FieldErrors<DetailValues> = {};
      if (isBlank(values.title)) errors.title = t('forms.errors.required');
      return errors;
    },
    submit: (values) =>
      updateEvidence(evidence.id, {
        title: values.title,
        description: values.description,
        expiresOn: values.expiresOn === '' ? null : values.expiresOn,
      }),
    onSuccess: () => void refreshEvidence(queryClient),
  });
  return (
    <section aria-labelledby="evidence-edit-heading" className="margin-top-6">
      <h2 id="evidence-edit-heading">{t('evidence.detail.editHeading')}</h2>
      {form.result ? <SuccessNotice>{t('evidence.detail.saved')}</SuccessNotice> : null}
      <RequestForm
        form={form}
        label={t('evidence.detail.editHeading')}
        failedHeading={t('evidence.detail.saveFailed')}
        submitLabel={t('evidence.detail.save')}
        pendingLabel={t('forms.saving')}
      >
        <TextField
          id="evidence-edit-title"
          name="title"
          label={t('evidence.upload.title')}
          maxLength={200}
          required
          value={form.values.title}
          error={form.errors.title}
          onChange={(value) => form.set('title', value)}
        />
        <TextareaField
          id="evidence-edit-description"
          name="description"
          label={t('evidence.upload.description')}
          maxLength={4000}
          value={form.values.description}
          error={form.errors.description}
          onChange={(value) => form.set('description', value)}
        />
        <TextField
          id="evidence-edit-expires-on"
          name="expiresOn"
          type="date"
          label={t('evidence.upload.expiresOn')}
          hint={t('evidence.upload.expiresOnHint')}
          value={form.values.expiresOn}
          error={form.errors.expiresOn}
          onChange={(value) => form.set('expiresOn', value)}
        />
      </RequestForm>
    </section>
  );
}
