import { Header, NavMenuButton, Title } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { GridContainer } from './grid.tsx';

export interface HeaderBarProps {
  /** The product name, usually a link to the home page. */
  title: ReactNode;
  /** Shown beside the title from tablet width up. */
  tagline?: ReactNode;
  /** Controls at the right end (language switcher, menu button). */
  actions?: ReactNode;
  /** A second row under the title (the signed-in user's links); wraps on narrow screens. */
  secondary?: ReactNode;
}

/** The USWDS basic header (usa-header--basic): product name and a few controls. */
export function HeaderBar({ title, tagline, actions, secondary }: HeaderBarProps) {
  return (
    <Header basic className="border-bottom-1px border-base-lighter">
      <GridContainer className="display-flex flex-align-center flex-justify padding-y-1 minh-6">
        <div className="display-flex flex-align-baseline flex-wrap">
          <Title className="margin-y-0 margin-left-0 margin-right-2">{title}</Title>
          {tagline ? (
            <span className="display-none tablet:display-inline text-base-dark font-sans-xs">
              {tagline}
            </span>
          ) : null}
        </div>
        <div className="display-flex flex-align-center">{actions}</div>
      </GridContainer>
      {secondary ? (
        <div className="bg-base-lightest border-top-1px border-base-lighter">
          <GridContainer className="display-flex flex-align-center flex-justify-end flex-wrap padding-y-05 font-sans-2xs">
            {secondary}
          </GridContainer>
        </div>
      ) : null}
    </Header>
  );
}

export interface MenuButtonProps {
  label: ReactNode;
  expanded: boolean;
  controls: string;
  onToggle: () => void;
}

/** The USWDS menu button (usa-menu-btn): shown below desktop width only. */
export function MenuButton({ label, expanded, controls, onToggle }: MenuButtonProps) {
  return (
    <div className="margin-left-1">
      <NavMenuButton
        label={label}
        aria-expanded={expanded}
        aria-controls={controls}
        onClick={onToggle}
      />
    </div>
  );
}
