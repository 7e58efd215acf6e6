import { type MouseEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  /** The id of the field to move to, or null for a problem that names no field. */
  targetId: string | null;
  /** "Entry 2, Entry number" */
  label: string | null;
  message: string;
}

/**
 * The USWDS error summary: every problem of the last submission, each a link to its field. It
 * takes the focus each time a submission fails (`attempt` changes), so a keyboard or screen
 * reader user starts from the list.
 */
export function ErrorSummary({
  id,
  heading,
  items,
  attempt,
}: {
  id: string;
  heading: string;
  items: readonly SummaryItem[];
  attempt: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const shown = items.length > 0;
  useEffect(() => {
    if (shown && attempt > 0) {
      ref.current?.focus();
    }
  }, [attempt, shown]);
  if (!shown) {
    return null;
  }
  const follow = (event: MouseEvent<HTMLAnchorElement>, targetId: string) => {
    const target = document.getElementById(targetId);
    if (target) {
      event.preventDefault();
      target.focus();
      target.scrollIntoView({ block: 'center' });
    }
  };
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`${id}-heading`}
      className="usa-alert usa-alert--error margin-bottom-3"
    >
      <div className="usa-alert__body">
        <h2 id={`${id}-heading`} className="usa-alert__heading">
          {heading}
        </h2>
        <p className="usa-alert__text">{t('forms.fixFields')}</p>
        <ul className="usa-list">
          {items.map((item, index) => {
            const text = item.label ? `${item.label}: ${item.message}` : item.message;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the problems' order is their identity
              <li key={index}>
                {item.targetId ? (
                  <a
                    className="usa-link"
                    href={`#${item.targetId}`}
                    onClick={(event) => follow(event, item.targetId ?? '')}
                  >
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
