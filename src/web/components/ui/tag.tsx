import { Tag as UswdsTag } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

/** White text on each background passes WCAG AA contrast for small text. */
const TONE_CLASSES = {
  base: undefined,
  primary: 'bg-primary-dark',
  success: 'bg-success-darker',
} as const;

export interface TagProps {
  tone?: keyof typeof TONE_CLASSES;
  children: ReactNode;
}

/** A USWDS tag (usa-tag): a short status label. */
export function Tag({ tone = 'base', children }: TagProps) {
  return <UswdsTag className={TONE_CLASSES[tone]}>{children}</UswdsTag>;
}
