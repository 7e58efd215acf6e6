import type { FieldIssue } from '../errors/error-codes.ts';

/**
 * A period a deployment may configure because no primary source settles it (the membership
 * periods, the validation notice and response periods): its value, whether a deployment has
 * confirmed it from a primary source, and where the default comes from.
 */
export interface PeriodSetting {
  /** Whole days or whole years, as the setting's name says. */
  readonly value: number;
  /** True until a deployment confirms the period from a primary source. */
  readonly provisional: boolean;
  /** Where the default comes from. */
  readonly source: string;
}

/**
 * A default with a deployment's override applied and checked: a whole number within `bounds`
 * (so a typo cannot switch a clock off) and a named source. A value changed without
 * `provisional: false` stays provisional: changing a number does not verify it. Problems are
 * pushed onto `issues` with paths under `path` ("noticeDays.value"; "value" when `path` is '').
 */
export function resolvePeriodSetting(
  defaults: PeriodSetting,
  override: Partial<PeriodSetting> | undefined,
  bounds: { readonly min: number; readonly max: number },
  path: string,
  issues: FieldIssue[],
): PeriodSetting {
  const setting = { ...defaults, ...override };
  const at = (field: string) => (path === '' ? field : `${path}.${field}`);
  if (
    !Number.isInteger(setting.value) ||
    setting.value < bounds.min ||
    setting.value > bounds.max
  ) {
    issues.push({
      path: at('value'),
      message: `must be a whole number from ${bounds.min} to ${bounds.max}, got ${String(setting.value)}`,
    });
  }
  if (setting.source.trim() === '') {
    issues.push({ path: at('source'), message: 'must say where the period comes from' });
  }
  return Object.freeze(setting);
}
