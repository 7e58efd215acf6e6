import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerCertificationView } from '../../../domain/registry/mutual-recognition/mutual-recognition.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { FormSection, RequestForm, SuccessNotice } from '../../components/request-form.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import {
  mraKeys,
  mraProgramsQuery,
  partnerCertificationsQuery,
  recordPartnerCertification,
  removePartnerCertification,
} from '../../features/mutual-recognition/api/mutual-recognition-api.ts';
import { type FieldErrors, useApiForm } from '../../lib/use-api-form.ts';
import { useCalendarDateFormat } from '../../lib/use-calendar-date-format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';
import { isBlank } from '../../lib/validators.ts';
import { useCan } from '../shell/use-viewer.ts';

/**
 * A member's record of its foreign business partners' AEO certifications under the Mutual
 * Recognition Arrangements (issue 4, item 9): evidence for business-partner vetting.
 */
export function PartnerCertificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('mra.certifications.title'));
  const canManage = useCan('partner_certifications:manage');
  return (
    <>
      <h1 className="margin-top-0">{t('mra.certifications.heading')}</h1>
      <p className="usa-intro">{t('mra.certifications.intro')}</p>
      <CertificationsTable canManage={canManage} />
      {canManage ? <RecordForm /> : null}
    </>
  );
}

function CertificationsTable({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const date = useCalendarDateFormat();
  const queryClient = useQueryClient();
  const certifications = useQuery(partnerCertificationsQuery());
  const remove = useMutation({
    mutationFn: (certification: PartnerCertificationView) =>
      removePartnerCertification(certification.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mraKeys.certifications }),
  });
  const columns: DataTableColumn<PartnerCertificationView>[] = [
    {
      id: 'partner',
      header: t('mra.certifications.columns.partner'),
      cell: (row) => (
        <>
          {row.partnerName}
          <span className="display-block font-sans-2xs text-base-dark">
            {format.countryName(row.partnerCountryCode)}
          </span>
        </>
      ),
    },
    {
      id: 'program',
      header: t('mra.certifications.columns.program'),
      cell: (row) => `${row.programName} (${row.programCountryName})`,
    },
    {
      id: 'number',
      header: t('mra.certifications.columns.number'),
      cell: (row) => <span className="font-mono-xs">{row.certificationNumber}</span>,
    },
    {
      id: 'validUntil',
      header: t('mra.certifications.columns.validUntil'),
      cell: (row) =>
        row.validUntil === null ? (
          '—'
        ) : (
          <>
            {date(row.validUntil)}
            {row.expired ? (
              <>
                {' '}
                <Tag tone="error">{t('mra.certifications.expired')}</Tag>
              </>
            ) : null}
          </>
        ),
    },
    {
      id: 'recorded',
      header: t('mra.certifications.columns.recorded'),
      cell: (row) => format.date(row.recordedAt),
    },
    ...(canManage
      ? [
          {
            id: 'actions',
            header: t('mra.certifications.columns.actions'),
            cell: (row: PartnerCertificationView) => (
              <ConfirmButton
                label={t('mra.certifications.remove')}
                accessibleLabel={t('mra.certifications.removeLabel', { partner: row.partnerName })}
                question={t('mra.certifications.removeQuestion', { partner: row.partnerName })}
                confirmLabel={t('mra.certifications.removeConfirm')}
                pending={remove.isPending && remove.variables?.id === row.id}
                pendingLabel={t('mra.certifications.removing')}
                onConfirm={() => remove.mutate(row)}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <section aria-labelledby="partner-certifications-list" className="margin-bottom-4">
      <h2 id="partner-certifications-list">{t('mra.certifications.listHeading')}</h2>
      {remove.isError ? (
        <ApiErrorAlert
          heading={t('mra.certifications.removeFailed')}
          headingLevel="h3"
          error={remove.error}
        />
      ) : null}
      {certifications.isPending ? (
        <p role="status" className="text-base-dark">
          {t('mra.loading')}
        </p>
      ) : certifications.isError ? (
        <ApiErrorAlert
          heading={t('mra.loadError')}
          headingLevel="h3"
          error={certifications.error}
          onRetry={() => void certifications.refetch()}
        />
      ) : certifications.data.items.length === 0 ? (
        <p>{t('mra.certifications.none')}</p>
      ) : (
        <DataTable
          caption={t('mra.certifications.caption')}
          scrollable
          columns={columns}
          rows={certifications.data.items}
          rowKey={(row) => row.id}
        />
      )}
    </section>
  );
}

type RecordValues = {
  mraProgramId: string;
  partnerName: string;
  partnerCountryCode: string;
  certificationNumber: string;
  validUntil: string;
};

const EMPTY: RecordValues = {
  mraProgramId: '',
  partnerName: '',
  partnerCountryCode: '',
  certificationNumber: '',
  validUntil: '',
};

function RecordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const programs = useQuery(mraProgramsQuery());
  const [recorded, setRecorded] = useState<string | null>(null);
  const form = useApiForm({
    initial: EMPTY,
    validate: (values) => {
      const errors: FieldErrors<RecordValues> = {};
      for (const name of [
        'mraProgramId',
        'partnerName',
        'partnerCountryCode',
        'certificationNumber',
      ] as const) {
        if (isBlank(values[name])) {
          errors[name] = t('forms.errors.required');
        }
      }
      return errors;
    },
    submit: (values) =>
      recordPartnerCertification({
        mraProgramId: values.mraProgramId,
        partnerName: values.partnerName.trim(),
        partnerCountryCode: values.partnerCountryCode.trim().toUpperCase(),
        certificationNumber: values.certificationNumber.trim(),
        validUntil: values.validUntil === '' ? null : values.validUntil,
      }),
    onSuccess: (result) => {
      setRecorded(result.partnerName);
      void queryClient.invalidateQueries({ queryKey: mraKeys.certifications });
    },
    resetOnSuccess: true,
  });
  const active = (programs.data?.items ?? []).filter((program) => program.active);
  return (
    <FormSection id="partner-certification-record" heading={t('mra.certifications.form.heading')}>
      {recorded ? (
        <SuccessNotice>
          {t('mra.certifications.form.recorded', { partner: recorded })}
        </SuccessNotice>
      ) : null}
      <RequestForm
        form={form}
        label={t('mra.certifications.form.heading')}
        failedHeading={t('mra.certifications.form.failed')}
        submitLabel={t('mra.certifications.form.submit')}
        pendingLabel={t('forms.saving')}
      >
        <SelectField
          id="partner-certification-program"
          name="mraProgramId"
          label={t('mra.certifications.form.program')}
          hint={t('mra.certifications.form.programHint')}
          emptyOption={t('mra.certifications.form.chooseProgram')}
          value={form.values.mraProgramId}
          error={form.errors.mraProgramId}
          options={active.map((program) => ({
            value: program.id,
            label: `${program.countryName}: ${program.programName}`,
          }))}
          onChange={(value) => form.set('mraProgramId', value)}
        />
        <TextField
          id="partner-certification-name"
          name="partnerName"
          label={t('mra.certifications.form.partnerName')}
          maxLength={200}
          value={form.values.partnerName}
          error={form.errors.partnerName}
          onChange={(value) => form.set('partnerName', value)}
        />
        <TextField
          id="partner-certification-country"
          name="partnerCountryCode"
          label={t('mra.certifications.form.partnerCountry')}
          hint={t('mra.certifications.form.partnerCountryHint')}
          width="small"
          maxLength={2}
          value={form.values.partnerCountryCode}
          error={form.errors.partnerCountryCode}
          onChange={(value) => form.set('partnerCountryCode', value)}
        />
        <TextField
          id="partner-certification-number"
          name="certificationNumber"
          label={t('mra.certifications.form.number')}
          maxLength={100}
          value={form.values.certificationNumber}
          error={form.errors.certificationNumber}
          onChange={(value) => form.set('certificationNumber', value)}
        />
        <TextField
          id="partner-certification-valid-until"
          name="validUntil"
          type="date"
          label={t('mra.certifications.form.validUntil')}
          hint={t('mra.certifications.form.validUntilHint')}
          value={form.values.validUntil}
          error={form.errors.validUntil}
          onChange={(value) => form.set('validUntil', value)}
        />
      </RequestForm>
    </FormSection>
  );
}
