import {
  CollectionDescription,
  CollectionHeading,
  CollectionItem,
  CollectionMeta,
  CollectionMetaItem,
  Collection as UswdsCollection,
} from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

export interface CollectionEntry {
  id: string;
  heading: ReactNode;
  description: ReactNode;
  /** Short facts under the description (status tags, links). */
  meta?: readonly ReactNode[];
}

export interface CollectionProps {
  entries: readonly CollectionEntry[];
  headingLevel: 'h2' | 'h3' | 'h4';
  condensed?: boolean;
}

/** A USWDS collection (usa-collection): a list of headed entries. */
export function Collection({ entries, headingLevel, condensed = false }: CollectionProps) {
  return (
    <UswdsCollection condensed={condensed}>
      {entries.map((entry) => (
        <CollectionItem key={entry.id}>
          <CollectionHeading headingLevel={headingLevel}>{entry.heading}</CollectionHeading>
          <CollectionDescription>{entry.description}</CollectionDescription>
          {entry.meta && entry.meta.length > 0 ? (
            <CollectionMeta>
              {entry.meta.map((item, index) => (
                // The meta items of one entry never reorder.
                // biome-ignore lint/suspicious/noArrayIndexKey: static list
                <CollectionMetaItem key={index}>{item}</CollectionMetaItem>
              ))}
            </CollectionMeta>
          ) : null}
        </CollectionItem>
      ))}
    </UswdsCollection>
  );
}
