import type { FormEvent, ReactNode, RefObject } from 'react';
import { FormErrorAlert } from './form-error-alert.tsx';
import { SubmitButton, type SubmitButtonProps } from './submit-button.tsx';
import { Alert } from './ui/alert.tsx';
import { Form } from './ui/form-fields.tsx';

/** What a form needs of its useApiForm state. */
export interface RequestFormState {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  formRef: RefObject<HTMLFormElement | null>;
  pending: boolean;
  error: Error | null;
}

export interface RequestFormProps {
  form: RequestFormState;
  /** Names the form for assistive technology. */
  label: string;
  /** The heading of the alert when the request fails ("The password was not changed"). */
  failedHeading: string;
  failedHeadingLevel?: 'h2' | 'h3';
  /** Between the failure alert and the form: what to do next (start again, ask for a new link). */
  afterAlert?: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  submitVariant?: SubmitButtonProps['variant'];
  /** The fields. */
  children?: ReactNode;
}

/** A form that sends one API request: why it failed, its fields, and its submit button. */
export function RequestForm({
  form,
  label,
  failedHeading,
  failedHeadingLevel = 'h3',
  afterAlert,
  submitLabel,
  pendingLabel,
  submitVariant = 'primary',
  children,
}: RequestFormProps) {
  return (
    <>
      <FormErrorAlert
        heading={failedHeading}
        headingLevel={failedHeadingLevel}
        error={form.error}
      />
      {afterAlert}
      <Form onSubmit={form.onSubmit} label={label} formRef={form.formRef}>
        {children}
        <SubmitButton
          label={submitLabel}
          pendingLabel={pendingLabel}
          pending={form.pending}
          variant={submitVariant}
        />
      </Form>
    </>
  );
}

export interface FormSectionProps {
  /** The id of the section's heading (the section is labelled by it). */
  id: string;
  heading: string;
  className?: string;
  children: ReactNode;
}

/** A page section holding one form, labelled by its h2. */
export function FormSection({ id, heading, className, children }: FormSectionProps) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

/** The short confirmation a form shows once its request succeeded. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <Alert type="success" slim role="status">
      <p className="margin-y-0">{children}</p>
    </Alert>
  );
}
