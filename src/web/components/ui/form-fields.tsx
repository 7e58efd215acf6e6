import { FormGroup, Label, Select, TextInput, Form as UswdsForm } from '@trussworks/react-uswds';
import type { ChangeEvent, FormEvent, ReactNode } from 'react';

export interface FormProps {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Names the form for assistive technology; a search form becomes a search landmark. */
  label: string;
  search?: boolean;
  className?: string;
  children: ReactNode;
}

/** A USWDS form (usa-form); submission stays in the page (the caller prevents the default). */
export function Form({ onSubmit, label, search = false, className, children }: FormProps) {
  return (
    <UswdsForm
      onSubmit={onSubmit}
      aria-label={label}
      role={search ? 'search' : undefined}
      className={className}
      large
    >
      {children}
    </UswdsForm>
  );
}

interface FieldProps {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
}

export interface TextFieldProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  /** 'search' is left out on purpose: USWDS styles it as a content-box and it misaligns. */
  type?: 'text' | 'email' | 'tel' | 'url';
  maxLength?: number;
  autoComplete?: string;
}

/** A labelled USWDS text input, its hint tied to it with aria-describedby. */
export function TextField({
  id,
  name,
  label,
  hint,
  className,
  value,
  onChange,
  type = 'text',
  maxLength,
  autoComplete = 'off',
}: TextFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <FormGroup className={className}>
      <Label htmlFor={id}>{label}</Label>
      {hint ? (
        <div className="usa-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <TextInput
        id={id}
        name={name}
        type={type}
        value={value}
        maxLength={maxLength}
        autoComplete={autoComplete}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
    </FormGroup>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends FieldProps {
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
}

/** A labelled USWDS select. */
export function SelectField({
  id,
  name,
  label,
  hint,
  className,
  value,
  options,
  onChange,
}: SelectFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <FormGroup className={className}>
      <Label htmlFor={id}>{label}</Label>
      {hint ? (
        <div className="usa-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <Select
        id={id}
        name={name}
        value={value}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </FormGroup>
  );
}
