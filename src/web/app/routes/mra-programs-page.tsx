import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MraProgramView } from '../../../domain/registry/mutual-recognition/mutual-recognition.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { FormSection, RequestForm, SuccessNotice } from '../../components/request-form.tsx';
import { Button } from '../../components/ui/button.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { CheckboxField, TextField } from '../../components/ui/form-fields.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import {
  createMraProgram,
  mraKeys,
  mraProgramsQuery,
  updateMraProgram,
} from '../../features/mutual-recognition/api/mutual-recognition-api.ts';
import { type FieldErrors, useApiForm } from '../../lib/use-api-form.ts';
import { useCalendarDateFormat } from '../../lib/use-calendar-date-format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { isBlank } from '../../lib/validators.ts';
import { useCan } from '../shell/use-viewer.ts';

/**
 * The Mutual Recognition Arrangement partner programs (issue 4, item 9): reference data with its
 * sources, provisional entries marked; administrators add and change them.
 */
export function MraProgramsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('mra.programs.title'));
  const canManage = useCan('mra:manage:any');
  const [editing, setEditing] = useState<MraProgramView | null>(null);
  return (
    <>
      <h1 className="margin-top-0">{t('mra.programs.heading')}</h1>
      <p className="usa-intro">{t('mra.programs.intro')}</p>
      <ProgramsTable canManage={canManage} onEdit={setEditing} />
      {canManage ? (
        <ProgramForm key={editing?.id ?? 'new'} program={editing} onDone={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function ProgramsTable({
  canManage,
  onEdit,
}: {
  canManage: boolean;
  onEdit: (program: MraProgramView) => void;
}) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  const programs = useQuery(mraProgramsQuery());
  const columns: DataTableColumn<MraProgramView>[] = [
    { id: 'country', header: t('mra.programs.columns.country'), cell: (p) => p.countryName },
    {
      id: 'program',
      header: t('mra.programs.columns.program'),
      cell: (program) => (
        <>
          {program.programName}
          {program.provisional ? (
            <>
              {' '}
              <Tag tone="warning">{t('mra.programs.provisional')}</Tag>
            </>
          ) : null}
          {program.note ? (
            <span className="display-block font-sans-2xs text-base-dark">{program.note}</span>
          ) : null}
        </>
      ),
    },
    {
      id: 'signed',
      header: t('mra.programs.columns.signed'),
      cell: (program) => (program.signedOn ? date(program.signedOn) : program.signedMonth),
    },
    {
      id: 'status',
      header: t('mra.programs.columns.status'),
      cell: (program) => (
        <Tag tone={program.active ? 'success' : 'base'}>
          {t(program.active ? 'mra.programs.active' : 'mra.programs.inactive')}
        </Tag>
      ),
    },
    {
      id: 'sources',
      header: t('mra.programs.columns.sources'),
      cell: (program) => (
        <ul className="usa-list usa-list--unstyled font-sans-2xs">
          {program.sources.map((source, index) => (
            <li key={source}>
              <a className="usa-link" href={source} rel="noreferrer" target="_blank">
                {t('mra.programs.source', { number: index + 1, host: hostOf(source) })}
              </a>
            </li>
          ))}
        </ul>
      ),
    },
    ...(canManage
      ? [
          {
            id: 'actions',
            header: t('mra.programs.columns.actions'),
            cell: (program: MraProgramView) => (
              <Button
                variant="outline"
                aria-label={t('mra.programs.editLabel', { name: program.programName })}
                onClick={() => onEdit(program)}
              >
                {t('mra.programs.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  if (programs.isPending) {
    return (
      <p role="status" className="text-base-dark">
        {t('mra.loading')}
      </p>
    );
  }
  if (programs.isError) {
    return (
      <ApiErrorAlert
        heading={t('mra.loadError')}
        error={programs.error}
        onRetry={() => void programs.refetch()}
      />
    );
  }
  return (
    <DataTable
      caption={t('mra.programs.caption')}
      className="margin-bottom-4"
      scrollable
      columns={columns}
      rows={programs.data.items}
      rowKey={(program) => program.id}
    />
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

type ProgramValues = {
  id: string;
  countryCode: string;
  countryName: string;
  programName: string;
  signedMonth: string;
  signedOn: string;
  sources: string;
  note: string;
  provisional: boolean;
  active: boolean;
};

function valuesOf(program: MraProgramView | null): ProgramValues {
  return {
    id: program?.id ?? '',
    countryCode: program?.countryCode ?? '',
    countryName: program?.countryName ?? '',
    programName: program?.programName ?? '',
    signedMonth: program?.signedMonth ?? '',
    signedOn: program?.signedOn ?? '',
    sources: program?.sources.join(' ') ?? '',
    note: program?.note ?? '',
    provisional: program?.provisional ?? false,
    active: program?.active ?? true,
  };
}

/** The id a new program gets when none is typed: country and name, e.g. "mx-oea". */
function suggestedId(values: ProgramValues): string {
  return `${values.countryCode}-${values.programName}`
    .toLowerCase()
    .normalize('NFD')
    .replaceAll(/[^a-z0-9]+/g, '-')
    .replaceAll(/^-+|-+$/g, '');
}

/** Adds a program, or changes the one being edited. */
function ProgramForm({ program, onDone }: { program: MraProgramView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useApiForm({
    initial: valuesOf(program),
    validate: (values) => {
      const errors: FieldErrors<ProgramValues> = {};
      for (const name of ['countryCode', 'countryName', 'programName', 'signedMonth'] as const) {
        if (isBlank(values[name])) {
          errors[name] = t('forms.errors.required');
        }
      }
      if (isBlank(values.sources)) {
        errors.sources = t('mra.programs.form.sourcesRequired');
      }
      return errors;
    },
    submit: (values) => {
      const content = {
        countryCode: values.countryCode.trim().toUpperCase(),
        countryName: values.countryName.trim(),
        programName: values.programName.trim(),
        signedMonth: values.signedMonth.trim(),
        signedOn: values.signedOn.trim() === '' ? null : values.signedOn.trim(),
        sources: values.sources.split(/\s+/).filter((source) => source !== ''),
        provisional: values.provisional,
        note: values.note.trim() === '' ? null : values.note.trim(),
        active: values.active,
      };
      return program
        ? updateMraProgram(program.id, content)
        : createMraProgram({ ...content, id: values.id.trim() || suggestedId(values) });
    },
    onSuccess: (result) => {
      setSaved(result.programName);
      void queryClient.invalidateQueries({ queryKey: mraKeys.programs });
      if (program) {
        onDone();
      } else {
        form.reset(valuesOf(null));
      }
    },
  });
  const heading = program
    ? t('mra.programs.form.editHeading', { name: program.programName })
    : t('mra.programs.form.addHeading');
  return (
    <FormSection id="mra-program-form" heading={heading}>
      {saved ? (
        <SuccessNotice>{t('mra.programs.form.saved', { name: saved })}</SuccessNotice>
      ) : null}
      <RequestForm
        form={form}
        label={heading}
        failedHeading={t('mra.programs.form.failed')}
        submitLabel={t(program ? 'mra.programs.form.save' : 'mra.programs.form.add')}
        pendingLabel={t('forms.saving')}
      >
        {program ? null : (
          <TextField
            id="mra-program-id"
            name="id"
            label={t('mra.programs.form.id')}
            hint={t('mra.programs.form.idHint')}
            maxLength={100}
            value={form.values.id}
            error={form.errors.id}
            onChange={(value) => form.set('id', value)}
          />
        )}
        <TextField
          id="mra-program-country-code"
          name="countryCode"
          label={t('mra.programs.form.countryCode')}
          hint={t('mra.programs.form.countryCodeHint')}
          width="small"
          maxLength={2}
          value={form.values.countryCode}
          error={form.errors.countryCode}
          onChange={(value) => form.set('countryCode', value)}
        />
        <TextField
          id="mra-program-country-name"
          name="countryName"
          label={t('mra.programs.form.countryName')}
          maxLength={100}
          value={form.values.countryName}
          error={form.errors.countryName}
          onChange={(value) => form.set('countryName', value)}
        />
        <TextField
          id="mra-program-name"
          name="programName"
          label={t('mra.programs.form.programName')}
          maxLength={200}
          value={form.values.programName}
          error={form.errors.programName}
          onChange={(value) => form.set('programName', value)}
        />
        <TextField
          id="mra-program-signed-month"
          name="signedMonth"
          label={t('mra.programs.form.signedMonth')}
          hint={t('mra.programs.form.signedMonthHint')}
          width="small"
          maxLength={7}
          value={form.values.signedMonth}
          error={form.errors.signedMonth}
          onChange={(value) => form.set('signedMonth', value)}
        />
        <TextField
          id="mra-program-signed-on"
          name="signedOn"
          type="date"
          label={t('mra.programs.form.signedOn')}
          hint={t('mra.programs.form.signedOnHint')}
          value={form.values.signedOn}
          error={form.errors.signedOn}
          onChange={(value) => form.set('signedOn', value)}
        />
        <TextField
          id="mra-program-sources"
          name="sources"
          label={t('mra.programs.form.sources')}
          hint={t('mra.programs.form.sourcesHint')}
          value={form.values.sources}
          error={form.errors.sources}
          onChange={(value) => form.set('sources', value)}
        />
        <TextField
          id="mra-program-note"
          name="note"
          label={t('mra.programs.form.note')}
          maxLength={500}
          value={form.values.note}
          error={form.errors.note}
          onChange={(value) => form.set('note', value)}
        />
        <CheckboxField
          id="mra-program-provisional"
          name="provisional"
          label={t('mra.programs.form.provisional')}
          description={t('mra.programs.form.provisionalHint')}
          checked={form.values.provisional}
          onChange={(checked) => form.set('provisional', checked)}
        />
        <CheckboxField
          id="mra-program-active"
          name="active"
          label={t('mra.programs.form.active')}
          description={t('mra.programs.form.activeHint')}
          checked={form.values.active}
          onChange={(checked) => form.set('active', checked)}
        />
      </RequestForm>
      {program ? (
        <Button variant="unstyled" className="margin-top-2" onClick={onDone}>
          {t('mra.programs.form.cancel')}
        </Button>
      ) : null}
    </FormSection>
  );
}
