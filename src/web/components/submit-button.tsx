import { Button } from './ui/button.tsx';

export interface SubmitButtonProps {
  label: string;
  /** Shown while the request is on its way ("Signing in…"). */
  pendingLabel: string;
  pending: boolean;
  variant?: 'primary' | 'secondary' | 'outline';
  className?: string;
}

/**
 * A form's submit button with a pending state. aria-disabled rather than disabled while
 * pending, so keyboard focus stays on the button; the form ignores a second submission.
 */
export function SubmitButton({
  label,
  pendingLabel,
  pending,
  variant = 'primary',
  className,
}: SubmitButtonProps) {
  return (
    <Button type="submit" variant={variant} aria-disabled={pending} className={className}>
      {pending ? pendingLabel : label}
    </Button>
  );
}
