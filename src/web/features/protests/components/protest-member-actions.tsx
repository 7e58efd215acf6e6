import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorMessage, FormGroup, Label, Radio } from '@trussworks/react-uswds';
import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ProtestView } from '../../../../domain/protests/protest-api.schema.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { FormSection, SuccessNotice } from '../../../components/request-form.tsx';
import { SubmitButton } from '../../../components/submit-button.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Form, TextField } from '../../../components/ui/form-fields.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useIssueText } from '../../../lib/issue-text.ts';
import { type FieldErrors, useApiForm } from '../../../lib/use-api-form.ts';
import { TextareaField } from '../../company-profile/components/textarea-field.tsx';
import {
  amendProtest,
  type ProtestAttachmentKind,
  type ProtestAttachmentView,
  refreshProtests,
  requestAcceleratedDisposition,
  uploadProtestAttachment,
  withdrawProtest,
} from '../api/protests-api.ts';
import {
  amendmentBody,
  type DraftProblems,
  fieldId,
  type ObjectionsDraft,
  objectionsDraftOf,
  objectionsFieldKeys,
  objectionsProblems,
  serverIssues,
} from '../protest-draft.ts';
import { ErrorSummary, type SummaryItem } from './error-summary.tsx';
import { ObjectionsFields } from './objections-fields.tsx';
import { useProtestTexts } from './protest-texts.ts';

/** What the protestant's filer can do on an open protest (issue 7, items 1, 2 and 6). */

const SheetProblemsSchema = z.object({
  problems: z.array(
    z.object({ line: z.number(), column: z.string().nullable(), message: z.string() }),
  ),
});

/** A refused spreadsheet's problems, every one with its line (empty for other failures). */
function sheetProblemsOf(error: Error | null) {
  if (!(error instanceof ApiError)) return [];
  const parsed = SheetProblemsSchema.safeParse(error.details);
  return parsed.success ? parsed.data.problems : [];
}

const ACCEPT_SHEET =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Attaches the protest details spreadsheet (Entry Number, Entry Line Number, Change From,
 * Change To; CSV or XLSX) or a supporting document. A refused spreadsheet shows every bad line
 * in an error summary that takes the focus: nothing of it was imported.
 */
export function AttachmentUpload({
  protest,
  onUploaded,
}: {
  protest: ProtestView;
  onUploaded?: (attachment: ProtestAttachmentView) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const issueText = useIssueText();
  const fileRef = useRef<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [kind, setKind] = useState<ProtestAttachmentKind>(
    protest.attachments.some((attachment) => attachment.kind === 'details_spreadsheet')
      ? 'supporting_document'
      : 'details_spreadsheet',
  );
  const [fileMissing, setFileMissing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const upload = useMutation({
    mutationFn: () => uploadProtestAttachment(protest.id, kind, fileRef.current),
    onSuccess: async (attachment) => {
      fileRef.current = null;
      setInputKey((key) => key + 1);
      await refreshProtests(queryClient);
      onUploaded?.(attachment);
    },
    onError: () => setAttempt((count) => count + 1),
  });
  const problems = sheetProblemsOf(upload.error);
  const summary: SummaryItem[] = problems.map((problem) => ({
    targetId: null,
    label: [t('criteriaAdmin.import.line', { line: problem.line }), problem.column]
      .filter(Boolean)
      .join(', '),
    message: problem.message,
  }));
  const fileIssue =
    problems.length === 0 && upload.error instanceof ApiError
      ? (serverFieldMessage(upload.error, 'body.file') ?? undefined)
      : undefined;
  const fileError = fileMissing
    ? t('evidence.upload.fileRequired')
    : fileIssue
      ? issueText(fileIssue)
      : undefined;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (upload.isPending) return;
    if (fileRef.current === null) {
      setFileMissing(true);
      upload.reset();
      document.getElementById('protest-attachment-file')?.focus();
      return;
    }
    setFileMissing(false);
    upload.mutate();
  };
  return (
    <div>
      {upload.data ? (
        <SuccessNotice>{t('protests.attach.done', { file: upload.data.filename })}</SuccessNotice>
      ) : null}
      {problems.length > 0 ? (
        <ErrorSummary
          id="protest-sheet-errors"
          heading={t('protests.attach.failedSheet', { count: problems.length })}
          items={summary}
          attempt={attempt}
        />
      ) : fileIssue ? null : upload.error ? (
        <ApiErrorAlert
          heading={t('protests.attach.failed')}
          headingLevel="h3"
          error={upload.error}
        />
      ) : null}
      <Form onSubmit={onSubmit} label={t('protests.attach.heading')}>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">{t('protests.attach.kind')}</legend>
          {(['details_spreadsheet', 'supporting_document'] as const).map((value) => (
            <Radio
              key={value}
              id={`protest-attachment-kind-${value}`}
              name="kind"
              value={value}
              checked={kind === value}
              label={t(`protests.attach.kinds.${value}`)}
              labelDescription={
                value === 'details_spreadsheet' ? t('protests.attach.sheetHint') : undefined
              }
              onChange={() => setKind(value)}
            />
          ))}
        </fieldset>
        <FormGroup error={Boolean(fileError)}>
          <Label htmlFor="protest-attachment-file" error={Boolean(fileError)}>
            {t('protests.attach.file')}
          </Label>
          {fileError ? (
            <ErrorMessage id="protest-attachment-file-error">{fileError}</ErrorMessage>
          ) : null}
          <input
            key={inputKey}
            id="protest-attachment-file"
            name="file"
            type="file"
            accept={kind === 'details_spreadsheet' ? ACCEPT_SHEET : undefined}
            className="usa-input padding-1 height-auto"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'protest-attachment-file-error' : undefined}
            onChange={(event: ChangeEvent<HTMLInputElement>) => {
              fileRef.current = event.target.files?.[0] ?? null;
              setFileMissing(false);
            }}
          />
        </FormGroup>
        <SubmitButton
          label={t('evidence.upload.submit')}
          pendingLabel={t('evidence.upload.pending')}
          pending={upload.isPending}
        />
      </Form>
    </div>
  );
}

const FieldIssuesSchema = z.object({
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

function serverFieldMessage(error: ApiError, path: string): string | null {
  const parsed = FieldIssuesSchema.safeParse(error.details);
  return parsed.success
    ? (parsed.data.issues.find((issue) => issue.path === path)?.message ?? null)
    : null;
}

/** Records the mailing of a request for accelerated disposition (19 U.S.C. 1515(b)). */
export function AcceleratedDispositionForm({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useApiForm<{ mailedOn: string }, ProtestView>({
    initial: { mailedOn: '' },
    validate: (values) => {
      const errors: FieldErrors<{ mailedOn: string }> = {};
      if (values.mailedOn === '') errors.mailedOn = t('forms.errors.required');
      return errors;
    },
    submit: (values) => requestAcceleratedDisposition(protest.id, values.mailedOn),
    onSuccess: () => void refreshProtests(queryClient),
  });
  return (
    <FormSection
      id="protest-accel-heading"
      heading={t('protests.accel.heading')}
      className="margin-top-4"
    >
      <p>{t('protests.accel.intro')}</p>
      <FormErrorAlert heading={t('protests.accel.failed')} error={form.error} />
      <Form onSubmit={form.onSubmit} label={t('protests.accel.heading')} formRef={form.formRef}>
        <TextField
          id="protest-accel-mailed-on"
          name="mailedOn"
          type="date"
          label={t('protests.accel.mailedOn')}
          value={form.values.mailedOn}
          error={form.errors.mailedOn}
          onChange={(value) => form.set('mailedOn', value)}
        />
        <SubmitButton
          label={t('protests.accel.submit')}
          pendingLabel={t('forms.sending')}
          pending={form.pending}
        />
      </Form>
    </FormSection>
  );
}

const AMEND_PREFIX = 'amend';

/**
 * Amends the decisions protested and the objections (19 CFR 174.14): only while the filing
 * window is open and before accelerated disposition; otherwise the button is disabled with the
 * server's reason.
 */
export function AmendmentSection({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const texts = useProtestTexts();
  const queryClient = useQueryClient();
  const issueText = useIssueText();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<ObjectionsDraft>(() => objectionsDraftOf(protest));
  const [sent, setSent] = useState<ObjectionsDraft>(draft);
  const [problems, setProblems] = useState<DraftProblems>({});
  const [attempt, setAttempt] = useState(0);
  const amend = useMutation({
    mutationFn: (body: ReturnType<typeof amendmentBody>) => amendProtest(protest.id, body),
    onSuccess: async (updated) => {
      setOpen(false);
      setDraft(objectionsDraftOf(updated));
      await refreshProtests(queryClient);
    },
    onError: () => setAttempt((count) => count + 1),
  });
  const issues = serverIssues(amend.error, sent, objectionsFieldKeys(sent));
  const errors = new Map<string, string>();
  for (const issue of issues) {
    if (issue.key !== null && !errors.has(issue.key))
      errors.set(issue.key, issueText(issue.message));
  }
  for (const key of Object.keys(problems)) errors.set(key, t('forms.errors.required'));
  const summary: SummaryItem[] = [...errors.entries()].map(([key, message]) => ({
    targetId: fieldId(AMEND_PREFIX, key),
    label: null,
    message,
  }));
  for (const issue of issues) {
    if (issue.key === null)
      summary.push({ targetId: null, label: null, message: issueText(issue.message) });
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (amend.isPending) return;
    const found = objectionsProblems(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      amend.reset();
      setAttempt((count) => count + 1);
      return;
    }
    setSent(draft);
    amend.mutate(amendmentBody(draft, protest.version));
  };
  return (
    <FormSection
      id="protest-amend-heading"
      heading={t('protests.amend.heading')}
      className="margin-top-4"
    >
      {amend.isSuccess ? <SuccessNotice>{t('protests.amend.done')}</SuccessNotice> : null}
      {!protest.amendment.allowed ? (
        <>
          <p id="protest-amend-reason">
            {t('protests.amend.notAllowed', { reason: texts.amendment(protest.amendment) })}
          </p>
          <Button variant="outline" disabled aria-describedby="protest-amend-reason">
            {t('protests.amend.open')}
          </Button>
        </>
      ) : !open ? (
        <>
          <p className="usa-hint">{texts.amendment(protest.amendment)}</p>
          <Button variant="outline" onClick={() => setOpen(true)}>
            {t('protests.amend.open')}
          </Button>
        </>
      ) : (
        <>
          <ErrorSummary
            id="protest-amend-errors"
            heading={t('protests.amend.failed')}
            items={summary}
            attempt={attempt}
          />
          {amend.isError && issues.length === 0 ? (
            <ApiErrorAlert
              heading={t('protests.amend.failed')}
              headingLevel="h3"
              error={amend.error}
            />
          ) : null}
          <Form onSubmit={onSubmit} label={t('protests.amend.heading')} className="maxw-full">
            <ObjectionsFields
              idPrefix={AMEND_PREFIX}
              value={draft}
              onChange={setDraft}
              errorOf={(key) => errors.get(key)}
            />
            <div className="margin-top-3">
              <SubmitButton
                label={t('protests.amend.submit')}
                pendingLabel={t('forms.saving')}
                pending={amend.isPending}
              />
              <Button variant="unstyled" onClick={() => setOpen(false)}>
                {t('confirm.cancel')}
              </Button>
            </div>
          </Form>
        </>
      )}
    </FormSection>
  );
}

/** Withdraws the protest, after a confirmation. */
export function WithdrawSection({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: () => withdrawProtest(protest.id, reason),
    onSuccess: () => refreshProtests(queryClient),
  });
  return (
    <FormSection
      id="protest-withdraw-heading"
      heading={t('pilot.requests.withdraw')}
      className="margin-top-4"
    >
      {withdraw.isError ? (
        <ApiErrorAlert
          heading={t('protests.withdraw.failed')}
          headingLevel="h3"
          error={withdraw.error}
        />
      ) : null}
      <div className="maxw-tablet">
        <TextareaField
          id="protest-withdraw-reason"
          name="reason"
          label={t('registry.actions.reasonOptional')}
          maxLength={4000}
          value={reason}
          onChange={setReason}
        />
      </div>
      <div className="margin-top-2">
        <ConfirmButton
          label={t('pilot.requests.withdraw')}
          accessibleLabel={t('protests.withdraw.question', { number: protest.protestNumber })}
          question={t('protests.withdraw.question', { number: protest.protestNumber })}
          confirmLabel={t('pilot.requests.withdrawConfirm')}
          pending={withdraw.isPending}
          pendingLabel={t('forms.sending')}
          onConfirm={() => withdraw.mutate()}
        />
      </div>
    </FormSection>
  );
}
