import { ErrorMessage, FormGroup, Label, Textarea } from '@trussworks/react-uswds';
import { type ChangeEvent, type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type MembershipTransition,
  TRANSITION_RULES,
} from '../../../../domain/registry/lifecycle/membership-transitions.ts';
import type { MemberTransitionBody } from '../../../../domain/registry/registry.schema.ts';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { SubmitButton } from '../../../components/submit-button.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { fieldErrorsOf } from '../../../lib/api-client.ts';
import { useIssueText } from '../../../lib/issue-text.ts';

/** A labelled USWDS textarea with its hint and error. */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  maxLength,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
}) {
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor={id} error={Boolean(error)}>
        {label}
      </Label>
      {hint ? (
        <div className="usa-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <Textarea
        id={id}
        name={id}
        value={value}
        maxLength={maxLength}
        error={Boolean(error)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
      />
    </FormGroup>
  );
}

export type TransitionInput = Omit<MemberTransitionBody, 'transition'>;

export interface TransitionDialogProps {
  transition: MembershipTransition;
  /** Who the transition acts on, for the question ("Certify Harbor Imports?"). */
  subject: string;
  pending: boolean;
  error: Error | null;
  /** Sends the transition; resolves when it succeeded (the dialog then closes). */
  onConfirm: (input: TransitionInput) => Promise<unknown>;
  /** The specialist field for assign_specialist (a picker or a user-id field). */
  specialistField?: (props: {
    value: string;
    onChange: (value: string) => void;
    error: string | undefined;
  }) => ReactNode;
  /** Called when the dialog opens (to clear an earlier failure). */
  onOpen?: () => void;
}

function evidenceIdsOf(text: string): string[] {
  return text
    .split(/[\n,]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/**
 * A lifecycle transition's button and its confirmation dialog (a native modal <dialog>: focus
 * stays inside, Escape cancels). The dialog asks for a reason when the domain requires one
 * (TRANSITION_RULES.reasonRequired; optional otherwise), evidence document ids when it requires
 * evidence, and the specialist for an assignment.
 */
export function TransitionDialog({
  transition,
  subject,
  pending,
  error,
  onConfirm,
  specialistField,
  onOpen,
}: TransitionDialogProps) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const baseId = useId().replaceAll(':', '');
  const rule = TRANSITION_RULES[transition];
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [specialist, setSpecialist] = useState('');
  const [checked, setChecked] = useState(false);

  const serverErrors = fieldErrorsOf(error);
  const errors = {
    reason:
      checked && rule.reasonRequired && reason.trim() === ''
        ? t('registry.actions.reasonRequired')
        : serverErrors.reason
          ? issueText(serverErrors.reason)
          : undefined,
    evidence:
      checked && rule.evidenceRequired && evidenceIdsOf(evidence).length === 0
        ? t('registry.actions.evidenceRequired')
        : serverErrors.evidenceIds
          ? issueText(serverErrors.evidenceIds)
          : undefined,
    specialist:
      checked && transition === 'assign_specialist' && specialist.trim() === ''
        ? t('registry.actions.specialistRequired')
        : serverErrors.specialistUserId
          ? issueText(serverErrors.specialistUserId)
          : undefined,
  };

  const open = () => {
    setReason('');
    setEvidence('');
    setSpecialist('');
    setChecked(false);
    onOpen?.();
    dialogRef.current?.showModal();
  };
  const close = () => {
    dialogRef.current?.close();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) {
      return;
    }
    setChecked(true);
    const missing =
      (rule.reasonRequired && reason.trim() === '') ||
      (rule.evidenceRequired && evidenceIdsOf(evidence).length === 0) ||
      (transition === 'assign_specialist' && specialist.trim() === '');
    if (missing) {
      requestAnimationFrame(() => {
        dialogRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      });
      return;
    }
    const input: TransitionInput = {
      ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
      ...(rule.evidenceRequired ? { evidenceIds: evidenceIdsOf(evidence) } : {}),
      ...(transition === 'assign_specialist' ? { specialistUserId: specialist.trim() } : {}),
    };
    onConfirm(input).then(
      () => close(),
      () => {
        // The error shows in the dialog (the `error` prop).
      },
    );
  };

  const headingId = `${baseId}-heading`;
  const label = t(`registry.transitions.${transition}.label`);
  return (
    <>
      <Button
        ref={openerRef}
        variant={transition === 'reject' || transition === 'remove' ? 'secondary' : 'outline'}
        className="margin-bottom-1"
        onClick={open}
      >
        {label}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={headingId}
        className="radius-md border-0 shadow-3 padding-4 maxw-tablet width-full"
        onClose={() => openerRef.current?.focus()}
      >
        <h2 id={headingId} className="margin-top-0">
          {label}
        </h2>
        <p>{t(`registry.transitions.${transition}.question`, { subject })}</p>
        <FormErrorAlert heading={t('registry.actions.failed')} error={error} />
        <form onSubmit={submit} noValidate className="usa-form usa-form--large">
          {transition === 'assign_specialist' && specialistField
            ? specialistField({
                value: specialist,
                onChange: setSpecialist,
                error: errors.specialist,
              })
            : null}
          <TextAreaField
            id={`${baseId}-reason`}
            label={
              rule.reasonRequired
                ? t('registry.actions.reason')
                : t('registry.actions.reasonOptional')
            }
            hint={t('registry.actions.reasonHint')}
            value={reason}
            onChange={setReason}
            error={errors.reason}
            maxLength={2000}
          />
          {rule.evidenceRequired ? (
            <TextAreaField
              id={`${baseId}-evidence`}
              label={t('registry.actions.evidence')}
              hint={t('registry.actions.evidenceHint')}
              value={evidence}
              onChange={setEvidence}
              error={errors.evidence}
            />
          ) : null}
          <div className="margin-top-3">
            <SubmitButton
              label={t('registry.actions.confirm', { action: label })}
              pendingLabel={t('registry.actions.sending')}
              pending={pending}
            />
            <Button variant="unstyled" className="margin-left-2" onClick={close}>
              {t('confirm.cancel')}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
