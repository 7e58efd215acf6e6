import { AlertHeading, Alert as UswdsAlert } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

export interface AlertProps {
  type: 'info' | 'success' | 'warning' | 'error';
  heading?: ReactNode;
  headingLevel?: 'h2' | 'h3' | 'h4';
  slim?: boolean;
  /** 'alert' for errors that appear after the page loaded, so screen readers announce them. */
  role?: 'alert' | 'status' | 'region';
  className?: string;
  children: ReactNode;
}

/** A USWDS alert (usa-alert) with an optional heading. */
export function Alert({
  type,
  heading,
  headingLevel = 'h2',
  slim = false,
  role,
  className,
  children,
}: AlertProps) {
  return (
    <UswdsAlert type={type} slim={slim} role={role} className={className}>
      {heading ? <AlertHeading level={headingLevel}>{heading}</AlertHeading> : null}
      <div className="usa-alert__text">{children}</div>
    </UswdsAlert>
  );
}
