import type { ReactNode } from 'react';
import {
  RequestForm,
  type RequestFormProps,
  type RequestFormState,
} from '../../../components/request-form.tsx';
import { TextField } from '../../../components/ui/form-fields.tsx';

export interface TotpCodeFieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
  spellCheck?: boolean;
}

/** The 6-digit code of an authenticator app (a space in the middle is allowed, hence 7). */
export function TotpCodeField({
  id,
  label,
  hint,
  value,
  error,
  onChange,
  spellCheck,
}: TotpCodeFieldProps) {
  return (
    <TextField
      id={id}
      name="code"
      label={label}
      hint={hint}
      autoComplete="one-time-code"
      inputMode="numeric"
      spellCheck={spellCheck}
      maxLength={7}
      width="medium"
      value={value}
      error={error}
      onChange={onChange}
    />
  );
}

/** What a code form needs of its useApiForm state. */
export interface TotpCodeFormState extends RequestFormState {
  values: { code: string };
  errors: Readonly<Record<string, string | undefined>>;
  set: (name: 'code', value: string) => void;
}

export interface TotpCodeFormProps
  extends Omit<RequestFormProps, 'form' | 'children'>,
    Omit<TotpCodeFieldProps, 'value' | 'error' | 'onChange' | 'label'> {
  form: TotpCodeFormState;
  codeLabel: string;
}

/** A form asking only for an authenticator code: turning it on, new recovery codes, turning off. */
export function TotpCodeForm({
  form,
  id,
  codeLabel,
  hint,
  spellCheck,
  ...request
}: TotpCodeFormProps) {
  return (
    <RequestForm form={form} {...request}>
      <TotpCodeField
        id={id}
        label={codeLabel}
        hint={hint}
        spellCheck={spellCheck}
        value={form.values.code}
        error={form.errors.code}
        onChange={(value) => form.set('code', value)}
      />
    </RequestForm>
  );
}
