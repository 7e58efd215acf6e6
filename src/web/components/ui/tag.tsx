import { Tag as UswdsTag } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

/** White text on each background passes WCAG AA contrast for small text. */
const TONE_CLASSES = {
  base: undefined,
  primary: 'bg-primary-dark',
  success: 'bg-success-darker',
  warning: 'bg-accent-warm-darker',
  error: 'bg-secondary-darker',
} as const;

export interface TagProps {
  tone?: keyof typeof TONE_CLASSES;
  children: ReactNode;
}

/** A USWDS tag (usa-tag): a short status label. */
export function Tag({ tone = 'base', children }: TagProps) {
  return <UswdsTag className={TONE_CLASSES[tone]}>{children}</UswdsTag>;
}

/** A count beside a link (unread notifications): a small round-cornered number. */
export function CountBadge({ count, label }: { count: number; label: string }) {
  return (
    <span className="usa-tag bg-secondary-darker radius-pill margin-left-05">
      {count}
      <span className="usa-sr-only"> {label}</span>
    </span>
  );
}
