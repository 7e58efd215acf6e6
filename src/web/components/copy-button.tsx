import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './ui/button.tsx';

/** Copies a text to the clipboard and says so (in a live region) for a few seconds. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    window.setTimeout(() => setStatus('idle'), 4000);
  };
  return (
    <>
      <Button variant="outline" onClick={() => void copy()}>
        {label}
      </Button>
      <span role="status" className="margin-left-1 font-sans-2xs">
        {status === 'copied' ? t('copy.copied') : status === 'failed' ? t('copy.failed') : ''}
      </span>
    </>
  );
}
