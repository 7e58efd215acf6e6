import { ErrorMessage, FormGroup, Label, Textarea } from '@trussworks/react-uswds';
import type { ChangeEvent, ReactNode } from 'react';

export interface TextareaFieldProps {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  maxLength?: number;
  onChange: (value: string) => void;
}

/**
 * A labelled USWDS textarea for longer text (a company's history, its other names one per
 * line): hint and error tied to it with aria-describedby, as the other fields in form-fields.tsx.
 */
export function TextareaField({
  id,
  name,
  label,
  hint,
  error,
  value,
  maxLength,
  onChange,
}: TextareaFieldProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
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
        name={name}
        value={value}
        maxLength={maxLength}
        error={Boolean(error)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described.length > 0 ? described.join(' ') : undefined}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
      />
    </FormGroup>
  );
}
