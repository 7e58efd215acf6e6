import { Grid, GridContainer as UswdsGridContainer } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

/** The USWDS grid container (grid-container): centred and padded, at most 64rem wide. */
export function GridContainer({
  className,
  children,
}: {
  className?: string;
  children: ReactNode;
}) {
  return <UswdsGridContainer className={className}>{children}</UswdsGridContainer>;
}

/** A USWDS grid row with the standard gutter. */
export function GridRow({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <Grid row gap className={className}>
      {children}
    </Grid>
  );
}

/** A column: full width on phones and tablets, `desktop` twelfths from desktop width up. */
export function GridColumn({
  desktop,
  className,
  children,
}: {
  desktop: 3 | 4 | 6 | 8 | 9 | 12;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Grid col={12} desktop={{ col: desktop }} className={className}>
      {children}
    </Grid>
  );
}
