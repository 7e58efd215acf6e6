import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { fieldErrorsOf } from './api-client.ts';
import { useIssueText } from './issue-text.ts';

export type FieldValue = string | boolean | string[];
export type FieldErrors<Values> = Partial<Record<keyof Values & string, string>>;

export interface ApiFormOptions<Values, Result> {
  initial: Values;
  /** Checks in the browser first, with translated messages; the server checks again. */
  validate?: (values: Values) => FieldErrors<Values>;
  submit: (values: Values) => Promise<Result>;
  onSuccess?: (result: Result, values: Values) => void;
  /** Empty the fields after success (passwords); the result stays for the success message. */
  resetOnSuccess?: boolean;
}

export interface ApiForm<Values, Result> {
  values: Values;
  set: <K extends keyof Values>(name: K, value: Values[K]) => void;
  /** Per field: the browser's check, else the server's issue for that field. */
  errors: Readonly<Record<string, string | undefined>>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  formRef: RefObject<HTMLFormElement | null>;
  pending: boolean;
  /** The failed request, for the form's alert (field issues show beside their fields too). */
  error: Error | null;
  result: Result | undefined;
  reset: (values?: Values) => void;
}

function isField(values: object, name: string): boolean {
  return Object.hasOwn(values, name);
}

/**
 * The state of a form that sends one API request: values, checks in the browser, the pending
 * request, server field issues mapped onto fields (`body.newPassword` → newPassword), and focus
 * on the first invalid field after each failed submission.
 */
export function useApiForm<Values extends Record<string, FieldValue>, Result>(
  options: ApiFormOptions<Values, Result>,
): ApiForm<Values, Result> {
  const [values, setValues] = useState<Values>(options.initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors<Values>>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const issueText = useIssueText();
  const mutation = useMutation({
    mutationFn: options.submit,
    onSuccess: (result, submitted) => {
      if (options.resetOnSuccess) {
        setValues(options.initial);
      }
      options.onSuccess?.(result, submitted);
    },
  });

  const errors: Record<string, string> = {};
  for (const [name, message] of Object.entries(fieldErrorsOf(mutation.error))) {
    if (isField(values, name)) {
      errors[name] = issueText(message);
    }
  }
  for (const [name, message] of Object.entries(clientErrors)) {
    if (typeof message === 'string') {
      errors[name] = message;
    }
  }

  const failed = mutation.isError;
  useEffect(() => {
    if (attempt === 0 && !failed) {
      return;
    }
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [attempt, failed]);

  return {
    values,
    set: (name, value) => {
      setValues((previous) => ({ ...previous, [name]: value }));
    },
    errors,
    onSubmit: (event) => {
      event.preventDefault();
      if (mutation.isPending) {
        return;
      }
      const found = options.validate?.(values) ?? {};
      setClientErrors(found);
      setAttempt((count) => count + 1);
      if (Object.keys(found).length > 0) {
        mutation.reset();
        return;
      }
      mutation.mutate(values);
    },
    formRef,
    pending: mutation.isPending,
    error: mutation.error,
    result: mutation.data,
    reset: (next) => {
      setValues(next ?? options.initial);
      setClientErrors({});
      mutation.reset();
    },
  };
}
