import {
  SummaryBoxContent,
  SummaryBoxHeading,
  SummaryBox as UswdsSummaryBox,
} from '@trussworks/react-uswds';
import { type ReactNode, useId } from 'react';

export interface SummaryBoxProps {
  heading: ReactNode;
  headingLevel?: 'h2' | 'h3';
  className?: string;
  children: ReactNode;
}

/**
 * A USWDS summary box (usa-summary-box): the key facts of a page, framed; a region named by its
 * heading, as USWDS recommends.
 */
export function SummaryBox({ heading, headingLevel = 'h2', className, children }: SummaryBoxProps) {
  const headingId = useId();
  return (
    <UswdsSummaryBox className={className} role="region" aria-labelledby={headingId}>
      <SummaryBoxHeading headingLevel={headingLevel} id={headingId}>
        {heading}
      </SummaryBoxHeading>
      <SummaryBoxContent>{children}</SummaryBoxContent>
    </UswdsSummaryBox>
  );
}
