import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { ErrorMessage, Radio } from '@trussworks/react-uswds';
import { type ChangeEvent, type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CBP_CENTERS } from '../../../../domain/protests/cbp-centers.ts';
import { FILING_TRIGGERS } from '../../../../domain/protests/filing-window.ts';
import {
  FURTHER_REVIEW_CRITERIA,
  FURTHER_REVIEW_CRITERIA_TEXTS,
} from '../../../../domain/protests/further-review.ts';
import {
  DRAWBACK_DECLARATIONS,
  PROTEST_FILER_CAPACITIES,
  PROTESTANT_TYPES,
} from '../../../../domain/protests/protest-vocabulary.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { SubmitButton } from '../../../components/submit-button.tsx';
import { Button } from '../../../components/ui/button.tsx';
import {
  CheckboxField,
  Form,
  SelectField,
  TextField,
} from '../../../components/ui/form-fields.tsx';
import { useIssueText } from '../../../lib/issue-text.ts';
import { TextareaField } from '../../company-profile/components/textarea-field.tsx';
import { fileProtest, recordProtest, refreshProtests } from '../api/protests-api.ts';
import {
  type DraftProblem,
  type DraftProblems,
  draftBody,
  draftFieldKeys,
  draftProblems,
  type EntryDraft,
  emptyDraft,
  emptyEntry,
  fieldId,
  type ProtestDraft,
  readStoredDraft,
  type ServerIssue,
  serverIssues,
  storeDraft,
  withoutEntry,
} from '../protest-draft.ts';
import { ErrorSummary, type SummaryItem } from './error-summary.tsx';
import { ObjectionsFields } from './objections-fields.tsx';

const PREFIX = 'protest';
const STORAGE_KEYS = {
  file: 'openctpat.protestDraft',
  record: 'openctpat.recordedProtestDraft',
} as const;

/** Filing a new protest, or recording one filed elsewhere with its number and filing day. */
export type ProtestFormMode = keyof typeof STORAGE_KEYS;

/** The two fields a recorded protest adds (RecordProtestBodySchema). */
interface RecordedFields {
  protestNumber: string;
  filedOn: string;
}
const RECORDED_KEYS = ['protestNumber', 'filedOn'] as const;

/** The label of a field key, for the error summary ("Entry 2, Entry number"). */
function useFieldLabel(draft: ProtestDraft) {
  const { t } = useTranslation();
  const statics: Record<string, string> = {
    protestNumber: t('protests.record.number'),
    filedOn: t('protests.record.filedOn'),
    portCode: t('protests.f.port'),
    center: t('protests.f.center'),
    'protestant.name': `${t('protests.f.protestant')}, ${t('organisations.columns.name')}`,
    'protestant.address': `${t('protests.f.protestant')}, ${t('companyProfile.addresses.columns.address')}`,
    protestantType: t('protests.f.type'),
    importerNumber: t('protests.f.importer'),
    'filer.name': `${t('protests.f.filer')}, ${t('organisations.columns.name')}`,
    'filer.address': `${t('protests.f.filer')}, ${t('companyProfile.addresses.columns.address')}`,
    'filer.capacity': t('protests.f.capacity'),
    'filer.importerNumber': t('protests.f.filerImporter'),
    entries: t('protests.entries.heading'),
    decisionsProtested: t('protests.objections.decisions'),
    categories: t('protests.new.categories'),
    'relatedProtest.protestNumber': `${t('protests.f.related')}, ${t('protests.f.number')}`,
    'relatedProtest.receivedOn': `${t('protests.f.related')}, ${t('protests.f.received')}`,
    suretyNonCollusionStatement: t('protests.f.surety'),
    drawbackDeclaration: t('protests.f.drawback'),
    'furtherReview.criterion': `${t('protests.f.furtherReview')}, ${t('protests.f.criterion')}`,
    'furtherReview.reason': `${t('protests.f.furtherReview')}, ${t('registry.actions.reason')}`,
  };
  const fields: Record<string, string> = {
    entryNumber: t('protests.entries.number'),
    entryDate: t('protests.entries.date'),
    dateKind: t('protests.new.dateKind'),
    liquidationOrDecisionDate: t('protests.entries.from'),
    lead: t('protests.entries.lead'),
    category: t('protests.objections.category'),
    description: t('protests.objections.description'),
    decision: t('protests.objections.decision'),
    objection: t('protests.objections.objection'),
    justification: t('protests.objections.justification'),
  };
  return (key: string): string => {
    const known = statics[key];
    if (known) return known;
    const parts = key.split('.');
    if (parts[0] === 'entries') {
      const n = draft.entries.findIndex((entry) => entry.key === parts[1]) + 1;
      return `${t('protests.new.entryN', { n })}, ${fields[parts[2] ?? ''] ?? ''}`;
    }
    const c = draft.categories.findIndex((category) => category.key === parts[1]);
    const category = draft.categories[c];
    const where = [t('protests.new.categoryN', { n: c + 1 })];
    if (parts[2] === 'objections' && category) {
      const o = category.objections.findIndex((objection) => objection.key === parts[3]);
      where.push(t('protests.new.objectionN', { n: o + 1 }));
    }
    const field = fields[parts.at(-1) ?? ''];
    return field ? `${where.join(', ')}, ${field}` : where.join(', ');
  };
}

/**
 * The protest filing form (issue 7, item 1; 19 CFR 174.12–174.13), in sections: port and
 * Center, protestant, filer, entries (one lead), decisions with objections per category,
 * related protest and declarations, further review. The browser checks what is required; the
 * server checks everything and names each field, and its issues land on those fields, listed
 * in an error summary that takes the focus. What was typed is never lost: the draft stays in
 * the page (and in this tab's storage) until the protest is filed.
 *
 * `mode="record"`: a protest filed elsewhere (ACE, paper) recorded with the number CBP gave it
 * and the day it was filed (`POST /api/v1/protests/recorded`): two more fields first, the same
 * checks, and the server's issues on them land on them too.
 */
export function ProtestFilingForm({ mode = 'file' }: { mode?: ProtestFormMode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const issueText = useIssueText();
  const storageKey = STORAGE_KEYS[mode];
  const recording = mode === 'record';
  const [draft, setDraft] = useState<ProtestDraft>(
    () => readStoredDraft(storageKey) ?? emptyDraft(),
  );
  const [recorded, setRecorded] = useState<RecordedFields>({ protestNumber: '', filedOn: '' });
  const [sent, setSent] = useState<ProtestDraft>(draft);
  const [problems, setProblems] = useState<DraftProblems>({});
  const [attempt, setAttempt] = useState(0);
  const label = useFieldLabel(draft);

  useEffect(() => {
    storeDraft(storageKey, draft);
  }, [storageKey, draft]);

  const file = useMutation({
    mutationFn: (body: ReturnType<typeof draftBody>) =>
      recording
        ? recordProtest({
            ...body,
            protestNumber: recorded.protestNumber.trim(),
            filedOn: recorded.filedOn,
          })
        : fileProtest(body),
    onSuccess: async (protest) => {
      storeDraft(storageKey, null);
      await refreshProtests(queryClient);
      await navigate({
        to: '/protests/$protestId',
        params: { protestId: protest.id },
        search: { filed: true },
      });
    },
    onError: () => setAttempt((count) => count + 1),
  });

  const fieldKeys = draftFieldKeys(sent);
  if (recording) for (const key of RECORDED_KEYS) fieldKeys.add(key);
  const issues: ServerIssue[] = serverIssues(file.error, sent, fieldKeys);
  const problemText = (problem: DraftProblem) =>
    problem === 'required'
      ? t('forms.errors.required')
      : problem === 'portCode'
        ? t('protests.new.portCodeError')
        : t('protests.new.oneOrNone');
  const errors = new Map<string, string>();
  for (const issue of issues) {
    if (issue.key !== null && !errors.has(issue.key))
      errors.set(issue.key, issueText(issue.message));
  }
  for (const [key, problem] of Object.entries(problems)) {
    errors.set(key, problemText(problem));
  }
  const errorOf = (key: string) => errors.get(key);
  const id = (key: string) => fieldId(PREFIX, key);

  const summary: SummaryItem[] = [
    ...Object.entries(problems).map(([key, problem]) => ({
      targetId: id(key),
      label: label(key),
      message: problemText(problem),
    })),
    ...issues.map((issue) => ({
      targetId: issue.key === null ? null : id(issue.key),
      label: issue.key === null ? null : label(issue.key),
      message: issueText(issue.message),
    })),
  ];

  const set = (change: Partial<ProtestDraft>) => setDraft((current) => ({ ...current, ...change }));
  const setEntry = (key: string, change: Partial<Omit<EntryDraft, 'key'>>) =>
    setDraft((current) => ({
      ...current,
      entries: current.entries.map((entry) =>
        entry.key === key ? { ...entry, ...change } : entry,
      ),
    }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (file.isPending) return;
    const found = draftProblems(draft);
    if (recording) {
      for (const key of RECORDED_KEYS) {
        if (recorded[key].trim() === '') found[key] = 'required';
      }
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      file.reset();
      setAttempt((count) => count + 1);
      return;
    }
    setSent(draft);
    file.mutate(draftBody(draft));
  };

  const text = (
    key: string,
    value: string,
    onChange: (value: string) => void,
    options: { label: string; hint?: string; maxLength?: number; width?: 'small' | 'medium' } = {
      label: '',
    },
  ) => (
    <TextField
      id={id(key)}
      name={key}
      label={options.label}
      hint={options.hint}
      maxLength={options.maxLength ?? 200}
      width={options.width}
      value={value}
      error={errorOf(key)}
      onChange={onChange}
    />
  );

  const otherFailure = file.isError && issues.length === 0;
  const failed = recording ? t('protests.record.failed') : t('protests.new.failed');

  return (
    <>
      <ErrorSummary id="protest-errors" heading={failed} items={summary} attempt={attempt} />
      {otherFailure ? (
        <ApiErrorAlert heading={failed} headingLevel="h2" error={file.error} />
      ) : null}
      <Form
        onSubmit={onSubmit}
        label={recording ? t('protests.record.title') : t('protests.new.title')}
        className="maxw-full"
      >
        {recording ? (
          <fieldset className="usa-fieldset margin-bottom-4">
            <legend className="usa-legend usa-legend--large">{t('protests.record.legend')}</legend>
            {text(
              'protestNumber',
              recorded.protestNumber,
              (protestNumber) => setRecorded((current) => ({ ...current, protestNumber })),
              {
                label: t('protests.record.number'),
                hint: t('protests.record.numberHint'),
                maxLength: 100,
                width: 'medium',
              },
            )}
            <TextField
              id={id('filedOn')}
              name="filedOn"
              type="date"
              label={t('protests.record.filedOn')}
              hint={t('protests.record.filedOnHint')}
              value={recorded.filedOn}
              error={errorOf('filedOn')}
              onChange={(filedOn) => setRecorded((current) => ({ ...current, filedOn }))}
            />
          </fieldset>
        ) : null}
        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">{t('protests.new.where')}</legend>
          {text('portCode', draft.portCode, (portCode) => set({ portCode }), {
            label: t('protests.f.port'),
            hint: t('protests.new.portHint'),
            maxLength: 4,
            width: 'small',
          })}
          <SelectField
            id={id('center')}
            name="center"
            label={t('protests.f.center')}
            hint={t('protests.new.centerHint')}
            emptyOption={t('protests.new.choose')}
            options={CBP_CENTERS.map((center) => ({
              value: center.code,
              label: `${center.name} (${center.code})`,
            }))}
            value={draft.center}
            error={errorOf('center')}
            onChange={(value) =>
              set({ center: CBP_CENTERS.find((center) => center.code === value)?.code ?? '' })
            }
          />
        </fieldset>

        <fieldset className="usa-fieldset margin-top-4">
          <legend className="usa-legend usa-legend--large">{t('protests.f.protestant')}</legend>
          {text(
            'protestant.name',
            draft.protestantName,
            (protestantName) => set({ protestantName }),
            {
              label: t('organisations.columns.name'),
            },
          )}
          <TextareaField
            id={id('protestant.address')}
            name="protestant.address"
            label={t('companyProfile.addresses.columns.address')}
            maxLength={1000}
            value={draft.protestantAddress}
            error={errorOf('protestant.address')}
            onChange={(protestantAddress) => set({ protestantAddress })}
          />
          <SelectField
            id={id('protestantType')}
            name="protestantType"
            label={t('protests.f.type')}
            emptyOption={t('protests.new.choose')}
            options={PROTESTANT_TYPES.map((type) => ({
              value: type,
              label: t(`protests.protestantType.${type}`),
            }))}
            value={draft.protestantType}
            error={errorOf('protestantType')}
            onChange={(value) =>
              set({ protestantType: PROTESTANT_TYPES.find((type) => type === value) ?? '' })
            }
          />
          {text(
            'importerNumber',
            draft.importerNumber,
            (importerNumber) => set({ importerNumber }),
            {
              label: t('protests.f.importer'),
              hint: t('protests.new.importerHint'),
              maxLength: 20,
              width: 'medium',
            },
          )}
        </fieldset>

        <fieldset className="usa-fieldset margin-top-4">
          <legend className="usa-legend usa-legend--large">{t('protests.f.filer')}</legend>
          {text('filer.name', draft.filerName, (filerName) => set({ filerName }), {
            label: t('organisations.columns.name'),
          })}
          <TextareaField
            id={id('filer.address')}
            name="filer.address"
            label={t('companyProfile.addresses.columns.address')}
            maxLength={1000}
            value={draft.filerAddress}
            error={errorOf('filer.address')}
            onChange={(filerAddress) => set({ filerAddress })}
          />
          <SelectField
            id={id('filer.capacity')}
            name="filer.capacity"
            label={t('protests.f.capacity')}
            emptyOption={t('protests.new.choose')}
            options={PROTEST_FILER_CAPACITIES.map((capacity) => ({
              value: capacity,
              label: t(`protests.capacity.${capacity}`),
            }))}
            value={draft.filerCapacity}
            error={errorOf('filer.capacity')}
            onChange={(value) =>
              set({
                filerCapacity:
                  PROTEST_FILER_CAPACITIES.find((capacity) => capacity === value) ?? '',
              })
            }
          />
          {draft.filerCapacity !== '' && draft.filerCapacity !== 'protestant'
            ? text(
                'filer.importerNumber',
                draft.filerImporterNumber,
                (filerImporterNumber) => set({ filerImporterNumber }),
                { label: t('protests.f.filerImporter'), maxLength: 20, width: 'medium' },
              )
            : null}
        </fieldset>

        <EntriesTable
          draft={draft}
          errorOf={errorOf}
          onEntry={setEntry}
          onLead={(leadKey) => set({ leadKey })}
          onAdd={() => set({ entries: [...draft.entries, emptyEntry()] })}
          onRemove={(key) => setDraft((current) => withoutEntry(current, key))}
        />

        <section aria-labelledby={id('objections-heading')} className="margin-top-4">
          <h2 id={id('objections-heading')}>{t('protests.objections.heading')}</h2>
          <ObjectionsFields
            idPrefix={PREFIX}
            value={draft}
            onChange={(objections) => set(objections)}
            errorOf={errorOf}
          />
        </section>

        <fieldset className="usa-fieldset margin-top-4">
          <legend className="usa-legend usa-legend--large">{t('protests.new.more')}</legend>
          {text(
            'relatedProtest.protestNumber',
            draft.relatedProtestNumber,
            (relatedProtestNumber) => set({ relatedProtestNumber }),
            {
              label: `${t('protests.f.related')}, ${t('protests.f.number')}`,
              hint: t('protests.new.relatedHint'),
              maxLength: 20,
              width: 'medium',
            },
          )}
          <TextField
            id={id('relatedProtest.receivedOn')}
            name="relatedProtest.receivedOn"
            type="date"
            label={`${t('protests.f.related')}, ${t('protests.f.received')}`}
            value={draft.relatedReceivedOn}
            error={errorOf('relatedProtest.receivedOn')}
            onChange={(relatedReceivedOn) => set({ relatedReceivedOn })}
          />
          {draft.protestantType === 'surety' ? (
            <TextareaField
              id={id('suretyNonCollusionStatement')}
              name="suretyNonCollusionStatement"
              label={t('protests.f.surety')}
              hint={t('protests.new.suretyHint')}
              maxLength={4000}
              value={draft.suretyStatement}
              error={errorOf('suretyNonCollusionStatement')}
              onChange={(suretyStatement) => set({ suretyStatement })}
            />
          ) : null}
          <SelectField
            id={id('drawbackDeclaration')}
            name="drawbackDeclaration"
            label={t('protests.f.drawback')}
            emptyOption={t('protests.new.choose')}
            options={DRAWBACK_DECLARATIONS.map((declaration) => ({
              value: declaration,
              label: t(`protests.drawback.${declaration}`),
            }))}
            value={draft.drawbackDeclaration}
            error={errorOf('drawbackDeclaration')}
            onChange={(value) =>
              set({
                drawbackDeclaration:
                  DRAWBACK_DECLARATIONS.find((declaration) => declaration === value) ?? '',
              })
            }
          />
        </fieldset>

        <fieldset className="usa-fieldset margin-top-4">
          <legend className="usa-legend usa-legend--large">{t('protests.f.furtherReview')}</legend>
          <CheckboxField
            id={id('furtherReview')}
            name="furtherReview"
            label={t('protests.new.applyFurtherReview')}
            checked={draft.furtherReview}
            onChange={(furtherReview) => set({ furtherReview })}
          />
          {draft.furtherReview ? (
            <>
              <fieldset className="usa-fieldset margin-top-2">
                <legend className="usa-legend">{t('protests.f.criterion')}</legend>
                {errorOf('furtherReview.criterion') ? (
                  <ErrorMessage id={`${id('furtherReview.criterion')}-error`}>
                    {errorOf('furtherReview.criterion')}
                  </ErrorMessage>
                ) : null}
                {FURTHER_REVIEW_CRITERIA.map((criterion, index) => (
                  <Radio
                    key={criterion}
                    id={
                      index === 0
                        ? id('furtherReview.criterion')
                        : id(`furtherReview.criterion.${criterion}`)
                    }
                    name="furtherReview.criterion"
                    value={criterion}
                    checked={draft.furtherReviewCriterion === criterion}
                    aria-invalid={errorOf('furtherReview.criterion') ? true : undefined}
                    label={`${criterion}) ${t(`protests.criteria.${criterion}`)}`}
                    labelDescription={FURTHER_REVIEW_CRITERIA_TEXTS[criterion].citation}
                    onChange={() => set({ furtherReviewCriterion: criterion })}
                  />
                ))}
              </fieldset>
              <TextareaField
                id={id('furtherReview.reason')}
                name="furtherReview.reason"
                label={t('registry.actions.reason')}
                maxLength={20_000}
                value={draft.furtherReviewReason}
                error={errorOf('furtherReview.reason')}
                onChange={(furtherReviewReason) => set({ furtherReviewReason })}
              />
            </>
          ) : null}
        </fieldset>

        <SubmitButton
          className="margin-top-4"
          label={recording ? t('protests.record.submit') : t('protests.new.submit')}
          pendingLabel={t('protests.new.pending')}
          pending={file.isPending}
        />
      </Form>
    </>
  );
}

/** The entries, one row each, with the lead chosen by a radio button per row. */
function EntriesTable({
  draft,
  errorOf,
  onEntry,
  onLead,
  onAdd,
  onRemove,
}: {
  draft: ProtestDraft;
  errorOf: (key: string) => string | undefined;
  onEntry: (key: string, change: Partial<Omit<EntryDraft, 'key'>>) => void;
  onLead: (key: string) => void;
  onAdd: () => void;
  onRemove: (key: string) => void;
}) {
  const { t } = useTranslation();
  const id = (key: string) => fieldId(PREFIX, key);
  const tableError = errorOf('entries');
  const columns = {
    lead: t('protests.entries.lead'),
    number: t('protests.entries.number'),
    date: t('protests.entries.date'),
    kind: t('protests.new.dateKind'),
    from: t('protests.entries.from'),
  };
  /** An input in a cell: labelled "Entry 2, Entry number", its error under it. */
  const cellProps = (key: string, name: string) => {
    const error = errorOf(key);
    return {
      id: id(key),
      name: key,
      'aria-label': name,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${id(key)}-error` : undefined,
    } as const;
  };
  const cellError = (key: string) => {
    const error = errorOf(key);
    return error ? <ErrorMessage id={`${id(key)}-error`}>{error}</ErrorMessage> : null;
  };
  return (
    <section aria-labelledby={id('entries-heading')} className="margin-top-4">
      <h2 id={id('entries-heading')}>{t('protests.entries.heading')}</h2>
      <p className="usa-hint" id={id('entries-hint')}>
        {t('protests.new.entriesHint')}
      </p>
      {tableError ? <ErrorMessage id={`${id('entries')}-error`}>{tableError}</ErrorMessage> : null}
      <div className="usa-table-container--scrollable" id={id('entries')} tabIndex={-1}>
        <table className="usa-table usa-table--borderless usa-table--compact width-full">
          <caption className="usa-sr-only">{t('protests.entries.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{columns.lead}</th>
              <th scope="col">{columns.number}</th>
              <th scope="col">{columns.date}</th>
              <th scope="col">{columns.kind}</th>
              <th scope="col">{columns.from}</th>
              <th scope="col">
                <span className="usa-sr-only">{t('users.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.entries.map((entry, index) => {
              const at = `entries.${entry.key}`;
              const row = t('protests.new.entryN', { n: index + 1 });
              return (
                <tr key={entry.key}>
                  <td>
                    <input
                      type="radio"
                      className="usa-radio__input usa-radio__input--tile position-static"
                      style={{
                        position: 'static',
                        opacity: 1,
                        width: '1.25rem',
                        height: '1.25rem',
                      }}
                      {...cellProps(`${at}.lead`, `${row}, ${columns.lead}`)}
                      name="lead"
                      checked={draft.leadKey === entry.key}
                      onChange={() => onLead(entry.key)}
                    />
                    {cellError(`${at}.lead`)}
                  </td>
                  <td>
                    <input
                      type="text"
                      className={`usa-input margin-top-0${errorOf(`${at}.entryNumber`) ? ' usa-input--error' : ''}`}
                      style={{ width: '11rem' }}
                      autoComplete="off"
                      spellCheck={false}
                      maxLength={20}
                      placeholder="XXX-NNNNNNN-C"
                      {...cellProps(`${at}.entryNumber`, `${row}, ${columns.number}`)}
                      value={entry.entryNumber}
                      onChange={(event: ChangeEvent<HTMLInputElement>) =>
                        onEntry(entry.key, { entryNumber: event.target.value })
                      }
                    />
                    {cellError(`${at}.entryNumber`)}
                  </td>
                  <td>
                    <input
                      type="date"
                      className={`usa-input margin-top-0${errorOf(`${at}.entryDate`) ? ' usa-input--error' : ''}`}
                      style={{ width: '10rem' }}
                      {...cellProps(`${at}.entryDate`, `${row}, ${columns.date}`)}
                      value={entry.entryDate}
                      onChange={(event: ChangeEvent<HTMLInputElement>) =>
                        onEntry(entry.key, { entryDate: event.target.value })
                      }
                    />
                    {cellError(`${at}.entryDate`)}
                  </td>
                  <td>
                    <select
                      className="usa-select margin-top-0"
                      style={{ width: '9rem' }}
                      {...cellProps(`${at}.dateKind`, `${row}, ${columns.kind}`)}
                      value={entry.dateKind}
                      onChange={(event: ChangeEvent<HTMLSelectElement>) =>
                        onEntry(entry.key, {
                          dateKind:
                            FILING_TRIGGERS.find((kind) => kind === event.target.value) ??
                            'liquidation',
                        })
                      }
                    >
                      {FILING_TRIGGERS.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`protests.dateKind.${kind}`)}
                        </option>
                      ))}
                    </select>
                    {cellError(`${at}.dateKind`)}
                  </td>
                  <td>
                    <input
                      type="date"
                      className={`usa-input margin-top-0${errorOf(`${at}.liquidationOrDecisionDate`) ? ' usa-input--error' : ''}`}
                      style={{ width: '10rem' }}
                      {...cellProps(`${at}.liquidationOrDecisionDate`, `${row}, ${columns.from}`)}
                      value={entry.date}
                      onChange={(event: ChangeEvent<HTMLInputElement>) =>
                        onEntry(entry.key, { date: event.target.value })
                      }
                    />
                    {cellError(`${at}.liquidationOrDecisionDate`)}
                  </td>
                  <td>
                    {draft.entries.length > 1 ? (
                      <Button variant="unstyled" onClick={() => onRemove(entry.key)}>
                        {t('protests.new.remove', { what: row })}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Button variant="outline" onClick={onAdd}>
        {t('protests.new.addEntry')}
      </Button>
    </section>
  );
}
