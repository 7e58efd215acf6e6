import {
  Checkbox,
  ErrorMessage,
  Fieldset,
  FormGroup,
  Label,
  Select,
  TextInput,
  Form as UswdsForm,
} from '@trussworks/react-uswds';
import type { ChangeEvent, FormEvent, ReactNode, Ref } from 'react';

export interface FormProps {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Names the form for assistive technology; a search form becomes a search landmark. */
  label: string;
  search?: boolean;
  className?: string;
  /** The form element (to move focus to its first invalid field). */
  formRef?: Ref<HTMLFormElement>;
  children: ReactNode;
}

/**
 * A USWDS form (usa-form); submission stays in the page (the caller prevents the default). The
 * browser's own validation bubbles are off: fields show our translated messages instead.
 */
export function Form({ onSubmit, label, search = false, className, formRef, children }: FormProps) {
  return (
    <UswdsForm
      onSubmit={onSubmit}
      aria-label={label}
      role={search ? 'search' : undefined}
      className={className}
      noValidate
      ref={formRef}
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
  /** The problem with the value, shown under the label and announced with the field. */
  error?: string | undefined;
  className?: string;
}

/** The ids a field's input points to with aria-describedby: hint first, then the error. */
function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A field's hint and error, with the ids its input's aria-describedby points to. */
function HintAndError({ id, hint, error }: Pick<FieldProps, 'id' | 'hint' | 'error'>) {
  return (
    <>
      {hint ? (
        <div className="usa-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
    </>
  );
}

/** A field input's error state and the ids of its hint and error, for assistive technology. */
function describedAttributes(id: string, hint: ReactNode, error: string | undefined) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  } as const;
}

function FieldFrame({
  id,
  label,
  hint,
  error,
  className,
  children,
}: FieldProps & { children: ReactNode }) {
  return (
    <FormGroup className={className} error={Boolean(error)}>
      <Label htmlFor={id} error={Boolean(error)}>
        {label}
      </Label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </FormGroup>
  );
}

export interface TextFieldProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  /** 'search' is left out on purpose: USWDS styles it as a content-box and it misaligns. */
  type?: 'text' | 'email' | 'tel' | 'url' | 'password' | 'date';
  maxLength?: number;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email';
  spellCheck?: boolean;
  /** USWDS widths for short values (codes, dates). */
  width?: 'small' | 'medium';
  required?: boolean;
  readOnly?: boolean;
}

/** A labelled USWDS text input: hint and error tied to it with aria-describedby. */
export function TextField({
  value,
  onChange,
  type = 'text',
  maxLength,
  autoComplete = 'off',
  inputMode,
  spellCheck,
  width,
  required,
  readOnly,
  ...field
}: TextFieldProps) {
  const { id, name, hint, error } = field;
  return (
    <FieldFrame {...field}>
      {type === 'date' ? (
        // react-uswds' TextInput has no date type; the native date input with USWDS styles.
        <input
          id={id}
          name={name}
          type="date"
          value={value}
          required={required}
          readOnly={readOnly}
          className={`usa-input${error ? ' usa-input--error' : ''}${width ? ` usa-input--${width}` : ''}`}
          {...describedAttributes(id, hint, error)}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        />
      ) : (
        <TextInput
          id={id}
          name={name}
          type={type}
          value={value}
          maxLength={maxLength}
          autoComplete={autoComplete}
          inputMode={inputMode}
          spellCheck={spellCheck}
          inputSize={width}
          required={required}
          readOnly={readOnly}
          {...describedAttributes(id, hint, error)}
          validationStatus={error ? 'error' : undefined}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

function SelectOptions({ options }: { options: readonly SelectOption[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

export interface SelectFieldProps extends FieldProps {
  value: string;
  options: readonly SelectOption[];
  /** The label of a first option with the empty value ("Any action"), for filters. */
  emptyOption?: string;
  onChange: (value: string) => void;
}

/** A labelled USWDS select. */
export function SelectField({ value, options, emptyOption, onChange, ...field }: SelectFieldProps) {
  const { id, name, hint, error } = field;
  return (
    <FieldFrame {...field}>
      <Select
        id={id}
        name={name}
        value={value}
        {...describedAttributes(id, hint, error)}
        validationStatus={error ? 'error' : undefined}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
      >
        {emptyOption === undefined ? null : <option value="">{emptyOption}</option>}
        <SelectOptions options={options} />
      </Select>
    </FieldFrame>
  );
}

export interface CompactSelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  disabled?: boolean;
  /** Only for screen readers (a table row's select, whose column heading says what it is). */
  labelHidden?: boolean;
}

/** A small select with its label beside it (the header's organisation switcher, table rows). */
export function CompactSelect({
  id,
  label,
  value,
  options,
  onChange,
  disabled,
  labelHidden = false,
}: CompactSelectProps) {
  return (
    <div className="display-flex flex-align-center flex-wrap">
      <label htmlFor={id} className={labelHidden ? 'usa-sr-only' : 'font-sans-2xs margin-right-1'}>
        {label}
      </label>
      <Select
        id={id}
        name={id}
        value={value}
        disabled={disabled}
        className="margin-top-0 height-4 padding-y-0 font-sans-2xs maxw-card-lg"
        onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
      >
        <SelectOptions options={options} />
      </Select>
    </div>
  );
}

export interface CheckboxFieldProps {
  id: string;
  name: string;
  label: ReactNode;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
  className?: string;
}

/** One USWDS checkbox (a confirmation, an option), with its error when it must be ticked. */
export function CheckboxField({
  id,
  name,
  label,
  description,
  checked,
  onChange,
  error,
  className,
}: CheckboxFieldProps) {
  return (
    <FormGroup className={className} error={Boolean(error)}>
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <Checkbox
        id={id}
        name={name}
        label={label}
        labelDescription={description}
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.checked)}
      />
    </FormGroup>
  );
}

export interface CheckboxGroupOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
}

export interface CheckboxGroupProps {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly CheckboxGroupOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
}

/** Several USWDS checkboxes under one legend (a fieldset), e.g. the permissions of a token. */
export function CheckboxGroup({
  id,
  name,
  legend,
  hint,
  options,
  values,
  onChange,
  error,
}: CheckboxGroupProps) {
  return (
    <FormGroup error={Boolean(error)}>
      <Fieldset legend={legend} aria-describedby={describedBy(id, hint, error)}>
        <HintAndError id={id} hint={hint} error={error} />
        {options.map((option, index) => (
          <Checkbox
            key={option.value}
            // The first box takes the group's id, so an error can move focus to the group.
            id={index === 0 ? id : `${id}-${option.value.replaceAll(/[^a-z0-9]+/gi, '-')}`}
            name={name}
            value={option.value}
            label={option.label}
            labelDescription={option.description}
            checked={values.includes(option.value)}
            aria-invalid={error ? true : undefined}
            onChange={(event: ChangeEvent<HTMLInputElement>) =>
              onChange(
                event.target.checked
                  ? [...values, option.value]
                  : values.filter((value) => value !== option.value),
              )
            }
          />
        ))}
      </Fieldset>
    </FormGroup>
  );
}
