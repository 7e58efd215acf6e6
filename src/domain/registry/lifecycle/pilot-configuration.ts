import type { FieldIssue } from '../../errors/error-codes.ts';
import { addYears, type CalendarDate } from '../../time/calendar-date.ts';
import {
  EARLIEST_PILOT_START,
  MINIMUM_PILOT_YEARS,
  type PilotCategory,
  type PilotSettings,
  resolvePilotSettings,
} from './third-party-logistics-pilot.ts';

/**
 * A deployment's 3PL pilot as configured (PILOT_3PL_* environment variables): either scheduled
 * (an end date is set, so requests are taken) or waiting for its end date. No source gives the
 * end date (third-party-logistics-pilot.ts), so until a deployment sets one the pilot is shown
 * as "end date not set" and requests are refused.
 */
export type PilotConfiguration =
  | {
      readonly kind: 'scheduled';
      readonly settings: PilotSettings;
      /** True while `startsOn` is the default (the earliest start 90 FR 52690 allows). */
      readonly startIsProvisional: boolean;
    }
  | {
      readonly kind: 'end_date_not_set';
      readonly capPerCategory: Readonly<Record<PilotCategory, number>>;
      readonly startsOn: CalendarDate;
      readonly startIsProvisional: boolean;
    };

export interface PilotConfigurationInput {
  readonly startsOn?: CalendarDate | undefined;
  readonly endsOn?: CalendarDate | undefined;
  readonly capPerCategory?: Partial<Record<PilotCategory, number | undefined>>;
}

export type PilotConfigurationResult =
  | { readonly ok: true; readonly configuration: PilotConfiguration }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

function definedCaps(
  caps: PilotConfigurationInput['capPerCategory'],
): Partial<Record<PilotCategory, number>> {
  const result: Partial<Record<PilotCategory, number>> = {};
  if (caps?.asset_based !== undefined) result.asset_based = caps.asset_based;
  if (caps?.non_asset_based !== undefined) result.non_asset_based = caps.non_asset_based;
  return result;
}

/**
 * Checks the configured values against the statute and the notice (resolvePilotSettings). The
 * issue paths are the settings' own (`startsOn`, `endsOn`, `capPerCategory.asset_based`).
 */
export function configurePilot(input: PilotConfigurationInput): PilotConfigurationResult {
  const capPerCategory = definedCaps(input.capPerCategory);
  const startsOn = input.startsOn;
  if (input.endsOn !== undefined) {
    const resolved = resolvePilotSettings({
      capPerCategory,
      endsOn: input.endsOn,
      ...(startsOn !== undefined ? { startsOn } : {}),
    });
    return resolved.ok
      ? {
          ok: true,
          configuration: {
            kind: 'scheduled',
            settings: resolved.settings,
            startIsProvisional: resolved.startIsProvisional,
          },
        }
      : resolved;
  }
  // Without an end date the caps and the start are still checked: an end date that is surely
  // valid (the minimum duration) stands in, and only the other fields' issues are kept.
  const start = startsOn ?? EARLIEST_PILOT_START;
  const resolved = resolvePilotSettings({
    capPerCategory,
    endsOn: addYears(start, MINIMUM_PILOT_YEARS),
    ...(startsOn !== undefined ? { startsOn } : {}),
  });
  if (!resolved.ok) {
    return { ok: false, issues: resolved.issues.filter((issue) => issue.path !== 'endsOn') };
  }
  return {
    ok: true,
    configuration: {
      kind: 'end_date_not_set',
      capPerCategory: resolved.settings.capPerCategory,
      startsOn: resolved.settings.startsOn,
      startIsProvisional: resolved.startIsProvisional,
    },
  };
}

/** The pilot of a deployment that configured nothing: default caps and start, no end date. */
export function unconfiguredPilot(): PilotConfiguration {
  const result = configurePilot({});
  if (!result.ok) {
    throw new Error('the default pilot settings must be valid');
  }
  return result.configuration;
}

/** The caps and start of a configuration, whichever kind it is. */
export function pilotCaps(
  configuration: PilotConfiguration,
): Readonly<Record<PilotCategory, number>> {
  return configuration.kind === 'scheduled'
    ? configuration.settings.capPerCategory
    : configuration.capPerCategory;
}

export function pilotStart(configuration: PilotConfiguration): CalendarDate {
  return configuration.kind === 'scheduled'
    ? configuration.settings.startsOn
    : configuration.startsOn;
}
