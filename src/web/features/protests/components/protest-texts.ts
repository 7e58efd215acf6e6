import { useTranslation } from 'react-i18next';
import { FILING_TRIGGERS, type FilingTrigger } from '../../../../domain/protests/filing-window.ts';
import type {
  ProtestClockView,
  ProtestView,
} from '../../../../domain/protests/protest-api.schema.ts';
import {
  CLOSED_DAY_BASE_CODES,
  type ClosedDayBaseCode,
  PROTEST_TEXT_PARAM_KINDS,
  type ProtestTextParamName,
  type ProtestTextParams,
} from '../../../../domain/protests/protest-texts.ts';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';

/**
 * The server's coded protest texts (domain/protests/protest-texts.ts) in the reader's language:
 * clock rules, timeliness, amendment and set-aside reasons. Dates are formatted like the rest of
 * the screen, triggers and closed days translated; the English sentence of the API is the
 * fallback for a stored reason that has no code.
 */

type ProtestEntryView = ProtestView['entries'][number];

function isParamName(name: string): name is ProtestTextParamName {
  return Object.hasOwn(PROTEST_TEXT_PARAM_KINDS, name);
}

function isTrigger(value: string): value is FilingTrigger {
  return (FILING_TRIGGERS as readonly string[]).includes(value);
}

function isClosedDayBase(value: string): value is ClosedDayBaseCode {
  return (CLOSED_DAY_BASE_CODES as readonly string[]).includes(value);
}

const OBSERVED = '_observed';

export function useProtestTexts() {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();

  const closedDay = (code: string): string => {
    if (code.endsWith(OBSERVED)) {
      const holiday = code.slice(0, -OBSERVED.length);
      if (isClosedDayBase(holiday)) {
        return t('protests.timeliness.closedDays.observed', {
          holiday: t(`protests.timeliness.closedDays.${holiday}`),
        });
      }
    }
    return isClosedDayBase(code)
      ? t(`protests.timeliness.closedDays.${code}`)
      : t('protests.timeliness.closedDays.closed_day');
  };

  const shown = (name: string, value: string | number): string | number => {
    if (!isParamName(name)) return value;
    const kind = PROTEST_TEXT_PARAM_KINDS[name];
    if (kind === 'date') return date(String(value));
    if (kind === 'trigger') {
      const trigger = String(value);
      return isTrigger(trigger) ? t(`protests.timeliness.triggers.${trigger}`) : trigger;
    }
    if (kind === 'closedDay') return closedDay(String(value));
    return value;
  };

  const values = (params: ProtestTextParams): Record<string, string | number> =>
    Object.fromEntries(Object.entries(params).map(([name, value]) => [name, shown(name, value)]));

  return {
    /** A clock's rule (its citation is shown beside it, untranslated). */
    clockRule: (clock: ProtestClockView): string =>
      t(`protests.clocks.rules.${clock.code}`, values(clock.params)),
    /** An entry's timeliness reason. */
    timeliness: (entry: ProtestEntryView): string =>
      entry.timelinessCode === null
        ? entry.timelinessReason
        : t(`protests.timeliness.filing.${entry.timelinessCode}`, values(entry.timelinessParams)),
    /** Whether, and until when, the protest can be amended. */
    amendment: (amendment: ProtestView['amendment']): string =>
      t(`protests.timeliness.amendment.${amendment.code}`, values(amendment.params)),
    /** Why a set-aside cannot be requested ('' when it can). */
    setAsideRequest: (request: ProtestView['setAsideRequest']): string =>
      request.code === null
        ? request.reason
        : t(`protests.timeliness.setAside.${request.code}`, values(request.params)),
  };
}
