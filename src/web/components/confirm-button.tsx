import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './ui/button.tsx';

export interface ConfirmButtonProps {
  /** The action ("Remove"); its accessible name adds what it acts on. */
  label: string;
  /** E.g. "Remove Priya Raman" (for screen readers, where "Remove" alone is ambiguous). */
  accessibleLabel: string;
  /** The question shown before acting ("Remove Priya Raman from the organisation?"). */
  question: string;
  confirmLabel: string;
  pending: boolean;
  pendingLabel: string;
  onConfirm: () => void;
}

/**
 * A destructive action in two steps: the first click asks, the second acts. Focus moves to the
 * confirming button, and back to the action when cancelled.
 */
export function ConfirmButton({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  pending,
  pendingLabel,
  onConfirm,
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The keyboard user lands on the question's answer as it appears.
    if (asking) {
      confirmRef.current?.focus();
    }
  }, [asking]);
  if (pending) {
    return (
      <span role="status" className="font-sans-2xs">
        {pendingLabel}
      </span>
    );
  }
  if (!asking) {
    return (
      <Button variant="outline" aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons, not a form fieldset
    <div role="group" aria-label={question}>
      <p className="margin-top-0 margin-bottom-1 font-sans-2xs">{question}</p>
      <Button
        variant="secondary"
        ref={confirmRef}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </Button>
      <Button variant="unstyled" onClick={() => setAsking(false)}>
        {t('confirm.cancel')}
      </Button>
    </div>
  );
}
