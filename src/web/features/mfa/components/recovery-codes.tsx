import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/copy-button.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CheckboxField, Form } from '../../../components/ui/form-fields.tsx';

export interface RecoveryCodesProps {
  codes: readonly string[];
  headingLevel: 'h2' | 'h3';
  /** After the person confirms they saved the codes. */
  onDone: () => void;
  doneLabel: string;
}

/**
 * Recovery codes, shown once: a list to copy or download, and a confirmation that they are kept
 * somewhere safe before the page moves on (they cannot be shown again).
 */
export function RecoveryCodes({ codes, headingLevel, onDone, doneLabel }: RecoveryCodesProps) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const text = codes.join('\n');
  const Heading = headingLevel;

  const download = () => {
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'openctpat-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!saved) {
      setError(t('recoveryCodes.confirmRequired'));
      document.getElementById('recovery-codes-saved')?.focus();
      return;
    }
    onDone();
  };

  return (
    <section aria-labelledby="recovery-codes-heading">
      <Heading id="recovery-codes-heading">{t('recoveryCodes.heading')}</Heading>
      <Alert type="warning" slim>
        <p className="margin-y-0">{t('recoveryCodes.shownOnce')}</p>
      </Alert>
      <p>{t('recoveryCodes.explain')}</p>
      <ol className="usa-list font-mono-sm" aria-label={t('recoveryCodes.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="display-flex flex-wrap flex-align-center">
        <CopyButton text={text} label={t('recoveryCodes.copy')} />
        <Button variant="outline" onClick={download} className="margin-left-1">
          {t('recoveryCodes.download')}
        </Button>
      </div>
      <Form onSubmit={submit} label={t('recoveryCodes.formLabel')}>
        <CheckboxField
          id="recovery-codes-saved"
          name="saved"
          label={t('recoveryCodes.saved')}
          checked={saved}
          error={error}
          onChange={(checked) => {
            setSaved(checked);
            setError(undefined);
          }}
        />
        <Button type="submit">{doneLabel}</Button>
      </Form>
    </section>
  );
}
