import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ErrorMessage, FormGroup, Label } from '@trussworks/react-uswds';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOG_VERSION } from '../../../../domain/criteria/catalog.schema.ts';
import {
  CATALOG_IMPORT_MAX_CHARS,
  type CatalogDiffView,
  type CatalogImportBody,
} from '../../../../domain/criteria/catalog-api.schema.ts';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { FormSection, SuccessNotice } from '../../../components/request-form.tsx';
import { SubmitButton } from '../../../components/submit-button.tsx';
import { Form, TextField } from '../../../components/ui/form-fields.tsx';
import { type FieldErrors, useApiForm } from '../../../lib/use-api-form.ts';
import { isBlank } from '../../../lib/validators.ts';
import {
  type ImportProblem,
  importCatalog,
  importProblemsOf,
  refreshCatalogs,
} from '../api/criteria-api.ts';

const ACCEPT = '.json,.csv,application/json,text/csv';

type ImportValues = {
  /** The chosen file's name (the File itself is kept beside the form's values). */
  file: string;
  version: string;
  description: string;
};

/** JSON or CSV, from the name, else from the first character of the content. */
function formatOf(file: File, content: string): CatalogImportBody['format'] {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.json')) return 'json';
  return /^\s*[[{]/.test(content) ? 'json' : 'csv';
}

/**
 * Imports a catalog file (JSON or CSV) as a draft version. A refused file shows the server's
 * report: every problem with its line number, in a summary that takes the focus (USWDS error
 * summary), so the program manager fixes the file in one go.
 */
export function CatalogImportForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileRef = useRef<File | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const form = useApiForm<ImportValues, CatalogDiffView>({
    initial: { file: '', version: '', description: '' },
    validate: (values) => {
      const errors: FieldErrors<ImportValues> = {};
      const file = fileRef.current;
      if (file === null) {
        errors.file = t('criteriaAdmin.import.fileRequired');
      } else if (file.size === 0) {
        errors.file = t('evidence.upload.fileEmpty');
      } else if (file.size > CATALOG_IMPORT_MAX_CHARS) {
        errors.file = t('criteriaAdmin.import.fileTooLarge');
      }
      const version = values.version.trim();
      if (version !== '' && !CATALOG_VERSION.test(version)) {
        errors.version = t('criteriaAdmin.import.versionHint');
      } else if (version === '' && file?.name.toLowerCase().endsWith('.csv')) {
        errors.version = t('criteriaAdmin.import.versionRequired');
      }
      return errors;
    },
    submit: async (values) => {
      const file = fileRef.current;
      const content = file ? await file.text() : '';
      const version = values.version.trim();
      const description = values.description.trim();
      return importCatalog({
        format: file ? formatOf(file, content) : 'json',
        content,
        ...(version === '' ? {} : { version }),
        ...(description === '' ? {} : { description }),
      });
    },
    onSuccess: () => {
      fileRef.current = null;
      setFileInputKey((key) => key + 1);
      void refreshCatalogs(queryClient);
    },
    resetOnSuccess: true,
  });
  const problems = importProblemsOf(form.error);
  const fileError = form.errors.file;
  const fileDescribedBy = ['catalog-file-hint', fileError ? 'catalog-file-error' : null]
    .filter(Boolean)
    .join(' ');

  return (
    <FormSection id="catalog-import-heading" heading={t('criteriaAdmin.import.heading')}>
      {form.result ? (
        <SuccessNotice>
          {t('criteriaAdmin.import.done', { version: form.result.to.version })}{' '}
          <Link
            to="/admin/criteria/$versionId"
            params={{ versionId: form.result.to.id }}
            className="usa-link"
          >
            {t('criteriaAdmin.import.review')}
          </Link>
        </SuccessNotice>
      ) : null}
      {problems.length > 0 ? (
        <ImportReport problems={problems} error={form.error} />
      ) : (
        <FormErrorAlert heading={t('criteriaAdmin.import.failed')} error={form.error} />
      )}
      <Form
        onSubmit={form.onSubmit}
        label={t('criteriaAdmin.import.heading')}
        formRef={form.formRef}
      >
        <FormGroup error={Boolean(fileError)}>
          <Label htmlFor="catalog-file" error={Boolean(fileError)}>
            {t('criteriaAdmin.import.file')}
          </Label>
          <div className="usa-hint" id="catalog-file-hint">
            {t('criteriaAdmin.import.fileHint')}
          </div>
          {fileError ? <ErrorMessage id="catalog-file-error">{fileError}</ErrorMessage> : null}
          <input
            key={fileInputKey}
            id="catalog-file"
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
              // A CSV holds no label: its name (without .csv) is a good first one.
              const label = file?.name.replace(/\.csv$/i, '') ?? '';
              if (
                file?.name.toLowerCase().endsWith('.csv') &&
                isBlank(form.values.version) &&
                CATALOG_VERSION.test(label)
              ) {
                form.set('version', label);
              }
            }}
          />
        </FormGroup>
        <TextField
          id="catalog-version"
          name="version"
          label={t('criteriaAdmin.import.version')}
          hint={t('criteriaAdmin.import.versionHint')}
          maxLength={64}
          spellCheck={false}
          value={form.values.version}
          error={form.errors.version}
          onChange={(value) => form.set('version', value)}
        />
        <TextField
          id="catalog-description"
          name="description"
          label={t('evidence.upload.description')}
          maxLength={4000}
          value={form.values.description}
          error={form.errors.description}
          onChange={(value) => form.set('description', value)}
        />
        <SubmitButton
          label={t('criteriaAdmin.import.submit')}
          pendingLabel={t('criteriaAdmin.import.pending')}
          pending={form.pending}
        />
      </Form>
    </FormSection>
  );
}

/**
 * The USWDS error summary of a refused file: it takes the focus when it appears, and lists each
 * problem with the line it is on.
 */
function ImportReport({
  problems,
  error,
}: {
  problems: readonly ImportProblem[];
  /** The refused request: each new one takes the focus again. */
  error: Error | null;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) {
      ref.current?.focus();
    }
  }, [error]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="catalog-import-report-heading"
      className="usa-alert usa-alert--error margin-bottom-3"
    >
      <div className="usa-alert__body">
        <h3 id="catalog-import-report-heading" className="usa-alert__heading">
          {t('criteriaAdmin.import.failed')}
        </h3>
        <p className="usa-alert__text">
          {t('criteriaAdmin.import.problems', { count: problems.length })}
        </p>
        <ul className="usa-list">
          {problems.map((problem, index) => {
            const where = [
              problem.line === null ? null : t('criteriaAdmin.import.line', { line: problem.line }),
              problem.where,
            ]
              .filter(Boolean)
              .join(', ');
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the report's order is its identity
              <li key={index}>
                {where ? <strong>{where}: </strong> : null}
                {problem.message}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
