import { useTranslation } from 'react-i18next';
import { Button } from './ui/button.tsx';

/** A keyset-paged list's page state: the current cursor and the ones before it. */
export interface Paging {
  cursor: string | null;
  previous: (string | null)[];
}

export const FIRST_PAGE: Paging = { cursor: null, previous: [] };

export function nextPage(paging: Paging, cursor: string): Paging {
  return { cursor, previous: [...paging.previous, paging.cursor] };
}

export function previousPage(paging: Paging): Paging {
  return { cursor: paging.previous.at(-1) ?? null, previous: paging.previous.slice(0, -1) };
}

/** Previous and next page of a keyset-paged list; nothing when there is only one page. */
export function PageButtons({
  hasPrevious,
  nextCursor,
  onPrevious,
  onNext,
}: {
  hasPrevious: boolean;
  nextCursor: string | null;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  if (!hasPrevious && nextCursor === null) {
    return null;
  }
  return (
    <div className="margin-top-2">
      {hasPrevious ? (
        <Button variant="outline" onClick={onPrevious}>
          {t('forms.previousPage')}
        </Button>
      ) : null}
      {nextCursor !== null ? (
        <Button variant="outline" onClick={() => onNext(nextCursor)}>
          {t('forms.nextPage')}
        </Button>
      ) : null}
    </div>
  );
}
