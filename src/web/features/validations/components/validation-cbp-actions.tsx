import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationView } from '../../../../domain/validations/validation-api.schema.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { FormSection, RequestForm } from '../../../components/request-form.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CompactSelect, SelectField } from '../../../components/ui/form-fields.tsx';
import { type FieldErrors, useApiForm } from '../../../lib/use-api-form.ts';
import { specialistsQuery } from '../../cbp-members/api/cbp-members-api.ts';
import { TextareaField } from '../../company-profile/components/textarea-field.tsx';
import {
  assignValidation,
  cancelValidation,
  refreshAllValidations,
} from '../api/validations-api.ts';
import { LastingSuccessNotice } from './lasting-notice.tsx';

/**
 * CBP's actions on one validation (issue 6, items 1 and 2): assigning or re-assigning the
 * specialist (the office follows the specialist), and cancelling with a reason before the
 * report is issued. Scheduling is schedule-form.tsx.
 */

/** The specialists as choices: "Name — Office". */
export function useSpecialistOptions() {
  const specialists = useQuery(specialistsQuery());
  return (specialists.data?.items ?? []).map((person) => ({
    value: person.userId,
    label: `${person.displayName} — ${person.officeName}`,
  }));
}

export function AssignmentForm({ validation }: { validation: ValidationView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = useSpecialistOptions();
  const form = useApiForm<{ specialistUserId: string }, ValidationView>({
    initial: { specialistUserId: validation.specialist?.id ?? '' },
    validate: (values) => {
      const errors: FieldErrors<{ specialistUserId: string }> = {};
      if (values.specialistUserId === '') errors.specialistUserId = t('forms.errors.required');
      return errors;
    },
    submit: (values) =>
      assignValidation(validation.id, values.specialistUserId, validation.version),
    onSuccess: () => void refreshAllValidations(queryClient),
  });
  return (
    <FormSection
      id="validation-assign-heading"
      heading={t('validations.assign.heading')}
      className="margin-top-4"
    >
      <p>
        {validation.specialist
          ? t('validations.assign.current', {
              name: validation.specialist.name,
              office: validation.office?.name ?? '',
            })
          : t('validations.unassigned')}
      </p>
      {form.result ? (
        <LastingSuccessNotice>{t('validations.assign.done')}</LastingSuccessNotice>
      ) : null}
      <RequestForm
        form={form}
        label={t('validations.assign.heading')}
        failedHeading={t('validations.assign.failed')}
        submitLabel={
          validation.specialist ? t('validations.assign.reassign') : t('validations.assign.submit')
        }
        pendingLabel={t('forms.saving')}
      >
        <SelectField
          id="validation-specialist"
          name="specialistUserId"
          label={t('validations.facts.specialist')}
          hint={t('validations.assign.hint')}
          emptyOption={t('validations.assign.choose')}
          options={options}
          value={form.values.specialistUserId}
          error={form.errors.specialistUserId}
          onChange={(value) => form.set('specialistUserId', value)}
        />
      </RequestForm>
    </FormSection>
  );
}

/** The compact assignment of one row of the planning list. */
export function AssignInline({
  validation,
}: {
  validation: {
    id: string;
    version: number;
    memberName: string;
    specialist: { id: string } | null;
  };
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = useSpecialistOptions();
  const [chosen, setChosen] = useState(validation.specialist?.id ?? '');
  const assign = useMutation({
    mutationFn: () => assignValidation(validation.id, chosen, validation.version),
    onSuccess: () => void refreshAllValidations(queryClient),
  });
  return (
    <div>
      <div className="display-flex flex-align-end">
        <CompactSelect
          id={`assign-${validation.id}`}
          label={t('validations.assign.selectOf', { member: validation.memberName })}
          labelHidden
          value={chosen}
          options={[{ value: '', label: t('validations.unassigned') }, ...options]}
          onChange={setChosen}
          disabled={assign.isPending}
        />
        <Button
          variant="outline"
          className="margin-left-1"
          disabled={
            chosen === '' || chosen === (validation.specialist?.id ?? '') || assign.isPending
          }
          aria-label={t('validations.assign.of', { member: validation.memberName })}
          onClick={() => assign.mutate()}
        >
          {t('validations.assign.short')}
        </Button>
      </div>
      {assign.isError ? (
        <ApiErrorAlert
          heading={t('validations.assign.failed')}
          headingLevel="h3"
          error={assign.error}
        />
      ) : null}
    </div>
  );
}

const CANCELLABLE = ['planned', 'scheduled', 'fieldwork', 'report_submitted'];

export function isCancellable(validation: ValidationView): boolean {
  return CANCELLABLE.includes(validation.status);
}

export function CancelForm({ validation }: { validation: ValidationView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useApiForm<{ reason: string }, ValidationView>({
    initial: { reason: '' },
    validate: (values) => {
      const errors: FieldErrors<{ reason: string }> = {};
      if (values.reason.trim() === '') errors.reason = t('validations.cancel.reasonRequired');
      return errors;
    },
    submit: (values) => cancelValidation(validation.id, values.reason.trim(), validation.version),
    onSuccess: () => void refreshAllValidations(queryClient),
  });
  return (
    <FormSection
      id="validation-cancel-heading"
      heading={t('validations.cancel.heading')}
      className="margin-top-4"
    >
      <p>{t('validations.cancel.intro')}</p>
      <RequestForm
        form={form}
        label={t('validations.cancel.heading')}
        failedHeading={t('validations.cancel.failed')}
        submitLabel={t('validations.cancel.submit')}
        pendingLabel={t('forms.saving')}
        submitVariant="secondary"
      >
        <TextareaField
          id="validation-cancel-reason"
          name="reason"
          label={t('validations.cancel.reason')}
          maxLength={2000}
          value={form.values.reason}
          error={form.errors.reason}
          onChange={(value) => form.set('reason', value)}
        />
      </RequestForm>
    </FormSection>
  );
}
