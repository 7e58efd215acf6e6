import { Footer as UswdsFooter } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { GridContainer } from './grid.tsx';

export interface FooterProps {
  /** Names the footer's navigation landmark. */
  navLabel: string;
  /** Links, each with a stable key; give each the class "usa-footer__primary-link". */
  links: readonly ReactNode[];
  /** Small print under the links. */
  children: ReactNode;
}

/**
 * The USWDS slim footer (usa-footer--slim). The link list is our own markup rather than
 * react-uswds' FooterNav, whose gutters overflow a 360px-wide screen by 8px.
 */
export function Footer({ navLabel, links, children }: FooterProps) {
  return (
    <UswdsFooter
      size="slim"
      primary={
        <GridContainer>
          <nav className="usa-footer__nav padding-x-0" aria-label={navLabel}>
            <ul className="grid-row">
              {links.map((link, index) => (
                <li
                  // The links never reorder.
                  // biome-ignore lint/suspicious/noArrayIndexKey: static list
                  key={index}
                  className="mobile-lg:grid-col-auto usa-footer__primary-content margin-right-4"
                >
                  {link}
                </li>
              ))}
            </ul>
          </nav>
        </GridContainer>
      }
      secondary={<div className="font-sans-2xs">{children}</div>}
    />
  );
}
