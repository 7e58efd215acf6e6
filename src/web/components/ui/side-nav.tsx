import { SideNav as UswdsSideNav } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

export interface SideNavEntry {
  id: string;
  /** The entry's link; give the current page's link the class "usa-current". */
  link: ReactNode;
  children?: readonly SideNavEntry[];
}

function items(entries: readonly SideNavEntry[]): ReactNode[] {
  return entries.map((entry) => <SideNavItem key={entry.id} entry={entry} />);
}

function SideNavItem({ entry }: { entry: SideNavEntry }) {
  return (
    <>
      {entry.link}
      {entry.children && entry.children.length > 0 ? (
        <UswdsSideNav isSubnav items={items(entry.children)} />
      ) : null}
    </>
  );
}

/** A USWDS side navigation (usa-sidenav) with one level of sub-entries. */
export function SideNav({ entries }: { entries: readonly SideNavEntry[] }) {
  return <UswdsSideNav items={items(entries)} />;
}
