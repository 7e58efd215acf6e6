import { type UseQueryResult, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  PACKAGE_FORMATS,
  type ValidationDocument,
  type ValidationDocumentList,
} from '../../../../domain/validations/preparation-package.schema.ts';
import {
  DOCUMENT_LANGUAGES,
  type DocumentLanguage,
} from '../../../../domain/validations/validation-vocabulary.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { RequestForm, SuccessNotice } from '../../../components/request-form.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { SelectField } from '../../../components/ui/form-fields.tsx';
import { useApiForm } from '../../../lib/use-api-form.ts';
import { useFormatters } from '../../../lib/use-formatters.ts';
import {
  generatePackage,
  type PackageSide,
  packageFileUrl,
  validationDocumentKeys,
  validationDocumentsQuery,
} from '../api/validation-documents-api.ts';

/**
 * The preparation packages of one validation (issue 6, item 3; COAC benefit 1), on the member's
 * and CBP's validation pages alike: generate one in English or Spanish, and every package
 * generated so far (newest first) with when and by whom, what it was made from, and its PDF and
 * Word files. Regenerating adds a package; earlier ones stay.
 *
 * `canGenerate`: the page knows whether the viewer may generate (a member's officer or admin; the
 * assigned specialist or a supervisory specialist) and whether the validation is scheduled.
 */
export function ValidationDocumentsPanel({
  side,
  validationId,
  canGenerate,
  headingLevel = 'h2',
}: {
  side: PackageSide;
  validationId: string;
  canGenerate: boolean;
  headingLevel?: 'h2' | 'h3';
}) {
  const { t } = useTranslation();
  const documents = useQuery(validationDocumentsQuery(side, validationId));
  const Heading = headingLevel;
  const headingId = `validation-package-heading-${side}`;
  return (
    <section aria-labelledby={headingId} className="margin-top-4">
      <Heading id={headingId}>{t('validationPackage.heading')}</Heading>
      <p className="measure-5">{t('validationPackage.intro')}</p>
      {canGenerate ? (
        <GeneratePackageForm
          idPrefix={`validation-package-${side}`}
          label={t('validationPackage.generateLabel')}
          submitLabel={t('validationPackage.generate')}
          generate={(language) => generatePackage(side, validationId, language)}
        />
      ) : null}
      <PackageList
        side={side}
        query={documents}
        caption={t('validationPackage.caption')}
        emptyText={t('validationPackage.none')}
      />
    </section>
  );
}

/** The language choice and the button; refreshes every package list on success. */
export function GeneratePackageForm({
  idPrefix,
  label,
  submitLabel,
  generate,
}: {
  /** Unique on the page: the language field's id starts with it. */
  idPrefix: string;
  label: string;
  submitLabel: string;
  generate: (language: DocumentLanguage) => Promise<ValidationDocument>;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const current: DocumentLanguage = (i18n.resolvedLanguage ?? i18n.language) === 'es' ? 'es' : 'en';
  const form = useApiForm({
    initial: { language: current as string },
    submit: (values) => generate(values.language === 'es' ? 'es' : 'en'),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: validationDocumentKeys.all });
    },
  });
  return (
    <>
      {form.result && !form.pending ? (
        <SuccessNotice>{t('validationPackage.generated')}</SuccessNotice>
      ) : null}
      <RequestForm
        form={form}
        label={label}
        failedHeading={t('validationPackage.generateFailed')}
        submitLabel={submitLabel}
        pendingLabel={t('validationPackage.generating')}
      >
        <SelectField
          id={`${idPrefix}-language`}
          name="language"
          label={t('validationPackage.language')}
          value={form.values.language}
          error={form.errors.language}
          options={DOCUMENT_LANGUAGES.map((language) => ({
            value: language,
            label: t(`validationPackage.languages.${language}`),
          }))}
          onChange={(value) => form.set('language', value)}
        />
      </RequestForm>
    </>
  );
}

function sizeOf(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** What a package was made from, in a line. */
function useInputsText(): (document: ValidationDocument) => string {
  const { t } = useTranslation();
  const format = useFormatters();
  return (document) => {
    const inputs = document.inputs;
    const parts: string[] = [];
    if (inputs.validationVersion !== null) {
      parts.push(t('validationPackage.inputs.validation', { version: inputs.validationVersion }));
    }
    if (inputs.catalogVersion) {
      parts.push(t('validationPackage.inputs.catalog', { version: inputs.catalogVersion }));
    }
    parts.push(
      inputs.profile
        ? inputs.profile.approvedVersionId
          ? t('validationPackage.inputs.approvedProfile')
          : t('validationPackage.inputs.profile', {
              date: format.dateTime(new Date(inputs.profile.version).toISOString()),
            })
        : t('validationPackage.inputs.noProfile'),
    );
    parts.push(t('validationPackage.inputs.evidence', { count: inputs.evidenceCount }));
    if (inputs.findingsCount > 0) {
      parts.push(t('validationPackage.inputs.findings', { count: inputs.findingsCount }));
    }
    return parts.join(' · ');
  };
}

/** The stored packages, newest first, with their download links. */
export function PackageList({
  side,
  query,
  caption,
  emptyText,
  filter,
}: {
  side: PackageSide;
  query: UseQueryResult<ValidationDocumentList>;
  caption: string;
  emptyText: string;
  filter?: (document: ValidationDocument) => boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const inputsText = useInputsText();
  if (query.isPending) {
    return (
      <p role="status" className="text-base-dark">
        {t('validationPackage.loading')}
      </p>
    );
  }
  if (query.isError) {
    return (
      <ApiErrorAlert
        heading={t('validationPackage.loadFailed')}
        headingLevel="h3"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  }
  const rows = filter ? query.data.items.filter(filter) : query.data.items;
  if (rows.length === 0) {
    return <p className="text-base-dark">{emptyText}</p>;
  }
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(document) => document.id}
      columns={[
        {
          id: 'generated',
          header: t('validationPackage.columns.generated'),
          cell: (document) => (
            <>
              {format.dateTime(document.generatedAt)}
              {document.generatedBy ? (
                <span className="display-block text-base-dark font-sans-3xs">
                  {t('validationPackage.by', { name: document.generatedBy.name })}
                </span>
              ) : null}
            </>
          ),
        },
        {
          id: 'language',
          header: t('validationPackage.columns.language'),
          cell: (document) => t(`validationPackage.languages.${document.language}`),
        },
        {
          id: 'inputs',
          header: t('validationPackage.columns.inputs'),
          cell: (document) => inputsText(document),
        },
        {
          id: 'files',
          header: t('validationPackage.columns.files'),
          cell: (document) => (
            <ul className="usa-list usa-list--unstyled">
              {PACKAGE_FORMATS.map((fileFormat) => (
                <li key={fileFormat}>
                  <a
                    className="usa-link"
                    href={packageFileUrl(side, document.id, fileFormat)}
                    download
                    aria-label={t('validationPackage.downloadLabel', {
                      format: fileFormat.toUpperCase(),
                      date: format.dateTime(document.generatedAt),
                    })}
                  >
                    {t('validationPackage.download', {
                      format: fileFormat.toUpperCase(),
                      size: sizeOf(document[fileFormat].sizeBytes),
                    })}
                  </a>
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
