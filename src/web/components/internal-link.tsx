import { useNavigate } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';

/**
 * A link to a path of this app that arrives as data (a notification's link): followed by the
 * client router, like any other link, unless the reader asks for a new tab or window.
 */
export function InternalLink({
  href,
  onFollow,
  children,
}: {
  href: string;
  onFollow?: () => void;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onFollow?.();
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    void navigate({ href });
  };
  return (
    <a href={href} className="usa-link" onClick={follow}>
      {children}
    </a>
  );
}
