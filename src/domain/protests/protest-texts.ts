import { FEDERAL_HOLIDAY_NAMES } from './federal-holidays.ts';

/**
 * Stable codes for the protest texts the server writes (issue 7, item 6: the member reads them
 * in English or Spanish). Each rule or reason keeps its English sentence (`text`, `reason`) for
 * API clients and carries a code with its parameters, which the web translates
 * (src/web/locales/<lang>/features.json: `protests.clocks.rules.<code>` and
 * `protests.timeliness.{filing,amendment,setAside}.<code>`). Legal citations are not
 * translated: they stay in the English citation (`citation`) or inside the sentence as written.
 *
 * Parameters are plain values: dates `YYYY-MM-DD`, numbers, and codes the web translates in
 * turn (`trigger`, `closedDay`). A code lists exactly the parameters it is produced with
 * (`*_PARAMS` below); a unit test holds the domain functions and both catalogues to them.
 */

export type ProtestTextParams = Readonly<Record<string, string | number>>;

/** A coded text: what the web translates instead of the English sentence. */
export interface CodedText<Code extends string = string> {
  readonly code: Code;
  readonly params: ProtestTextParams;
}

/** How the web shows a parameter: formatted date, number, or a translated code. */
export const PROTEST_TEXT_PARAM_KINDS = {
  filedOn: 'date',
  triggerDate: 'date',
  lastDay: 'date',
  nominal: 'date',
  effective: 'date',
  mailedOn: 'date',
  decidedOn: 'date',
  requestedOn: 'date',
  deniedOn: 'date',
  /** Plural count (i18next `count`): days late. */
  count: 'number',
  periodDays: 'number',
  /** What starts the filing window (filing-window.ts FILING_TRIGGERS). */
  trigger: 'trigger',
  /** Why a last day was closed (CLOSED_DAY_CODES). */
  closedDay: 'closedDay',
} as const;
export type ProtestTextParamName = keyof typeof PROTEST_TEXT_PARAM_KINDS;

/** The rule of each protest clock (protest-clocks.ts, filing-window.ts, protest-clock-set.ts). */
export const PROTEST_CLOCK_RULE_PARAMS = {
  filing_window_180: ['trigger'],
  filing_window_180_roll: ['trigger'],
  filing_window_90: ['trigger'],
  filing_window_90_roll: ['trigger'],
  amendment: [],
  accelerated_disposition_deemed_denial: [],
  exclusion_deemed_denial: [],
  further_review_decision: [],
  review_target: [],
  court_after_denial_notice: [],
  court_after_deemed_denial: [],
  set_aside_request: [],
  set_aside_deemed_denial: [],
  void_denial_request: [],
} as const satisfies Record<string, readonly ProtestTextParamName[]>;
export type ProtestClockRuleCode = keyof typeof PROTEST_CLOCK_RULE_PARAMS;
export const PROTEST_CLOCK_RULE_CODES = Object.keys(PROTEST_CLOCK_RULE_PARAMS) as [
  ProtestClockRuleCode,
  ...ProtestClockRuleCode[],
];

/**
 * The timeliness of a filing for one entry (filing-window.ts `timeliness`). The code is the
 * timeliness code itself; `after_window` counts days late (`count`, a plural).
 */
export const FILING_TIMELINESS_PARAMS = {
  within_window: ['filedOn', 'periodDays', 'trigger', 'triggerDate', 'lastDay'],
  within_roll: ['filedOn', 'nominal', 'closedDay', 'effective'],
  before_window: ['filedOn', 'trigger', 'triggerDate'],
  after_window: ['filedOn', 'count', 'lastDay', 'periodDays', 'trigger', 'triggerDate'],
} as const satisfies Record<string, readonly ProtestTextParamName[]>;
export type FilingTimelinessTextCode = keyof typeof FILING_TIMELINESS_PARAMS;

/** Whether the protest may be amended (filing-window.ts `amendmentAllowed`, protest-clock-set.ts). */
export const AMENDMENT_TEXT_PARAMS = {
  open: ['lastDay'],
  open_unless_accelerated: ['lastDay'],
  accelerated_disposition_requested: ['mailedOn'],
  protest_decided: ['decidedOn'],
  window_closed: ['lastDay'],
  protest_withdrawn: [],
} as const satisfies Record<string, readonly ProtestTextParamName[]>;
export type AmendmentTextCode = keyof typeof AMENDMENT_TEXT_PARAMS;

/** Why a set-aside cannot be requested (set-aside.ts `setAsideRequestAllowed`). */
export const SET_ASIDE_REQUEST_TEXT_PARAMS = {
  further_review_not_denied: [],
  already_requested: ['requestedOn'],
  protest_withdrawn: [],
  protest_allowed: [],
  before_denial: ['deniedOn'],
  window_closed: ['lastDay'],
} as const satisfies Record<string, readonly ProtestTextParamName[]>;
export type SetAsideRequestTextCode = keyof typeof SET_ASIDE_REQUEST_TEXT_PARAMS;

/**
 * Why a day is closed (federal-holidays.ts `closedDayCode`): a weekend day, a 5 U.S.C. 6103
 * holiday (`<name>`, or `<name>_observed` on the day it is observed instead), a day closed by
 * order, or a closed day of no known kind.
 */
export const CLOSED_DAY_BASE_CODES = [
  'saturday',
  'sunday',
  'closed_by_order',
  'closed_day',
  ...FEDERAL_HOLIDAY_NAMES,
] as const;
export type ClosedDayBaseCode = (typeof CLOSED_DAY_BASE_CODES)[number];
export type ClosedDayCode =
  | ClosedDayBaseCode
  | `${(typeof FEDERAL_HOLIDAY_NAMES)[number]}_observed`;

/** Every code family with its parameters, for the tests and the web. */
export const PROTEST_TEXT_FAMILIES = {
  clockRules: PROTEST_CLOCK_RULE_PARAMS,
  filing: FILING_TIMELINESS_PARAMS,
  amendment: AMENDMENT_TEXT_PARAMS,
  setAside: SET_ASIDE_REQUEST_TEXT_PARAMS,
} as const;
