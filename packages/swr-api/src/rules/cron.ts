/**
 * The cron of an Enterprise scheduled trigger (`trigger_settings.cron` of replication and retention
 * policies): six space-separated fields, seconds first, evaluated in UTC, as Harbor reads them with
 * robfig/cron: `second minute hour day month weekday`.
 *
 * Each field is a comma list of items; an item is `*`, a number or a range `a-b`, optionally
 * followed by a step `/n` (a number with a step, `a/n`, runs from `a` to the field's end). `?` is
 * `*` in the day and weekday fields only. Months may be named JAN–DEC and weekdays SUN–SAT, in any
 * case; weekday 7 is Sunday as 0 is.
 *
 * Day and weekday follow standard cron: when both are restricted (neither is `*` or `?`), a day
 * matches when EITHER matches, so `0 0 0 1 * MON` runs on the 1st and on every Monday; when one is
 * `*` or `?`, the other alone decides. As in robfig/cron, `*` with a step above 1 is restricted.
 *
 * Refused on purpose: a seconds field matching more than one second a minute. A replication or
 * retention run every second (or every ten) would overload the registry, so a schedule runs at
 * most once a minute.
 *
 * Free of any schema library, so browsers use it as is.
 */
export class CronSyntaxError extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'CronSyntaxError';
  }
}

/** A parsed schedule: each field's values in ascending order. */
export interface CronSchedule {
  /** The expression as written, trimmed. */
  readonly expression: string;
  readonly second: number;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  /** Days of the month, 1–31. */
  readonly days: readonly number[];
  /** Months, 1 (January) – 12. */
  readonly months: readonly number[];
  /** Weekdays, 0 (Sunday) – 6; a written 7 is stored as 0. */
  readonly weekdays: readonly number[];
  /** Whether the day field is `*` or `?`, which leaves the weekday alone to decide. */
  readonly anyDay: boolean;
  /** Whether the weekday field is `*` or `?`, which leaves the day alone to decide. */
  readonly anyWeekday: boolean;
}

/** The common shapes of a schedule, for a UI to put into words; anything else is `custom`. */
export type CronDescription =
  | { kind: 'hourly'; minute: number }
  | { kind: 'daily'; hour: number; minute: number }
  | { kind: 'weekly'; weekdays: number[]; hour: number; minute: number }
  | { kind: 'monthly'; days: number[]; hour: number; minute: number }
  | { kind: 'custom' };

/** How far ahead nextRun looks before deciding a schedule never fires. */
export const CRON_HORIZON_YEARS = 5;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  name: string;
  min: number;
  /** The end of `*` and of `a∕n`. */
  max: number;
  /** The largest number that may be written (weekday 7 is Sunday), when above `max`. */
  top?: number;
  /** Names standing for numbers, the first for `min`. */
  names?: string[];
  /** Whether `?` may stand for `*`. */
  question?: boolean;
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31, question: true },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'weekday', min: 0, max: 6, top: 7, names: WEEKDAYS, question: true },
];

interface ParsedField {
  values: number[];
  /** The field is `*` or `?` (or either with step 1). */
  any: boolean;
}

/** Parses a schedule; throws CronSyntaxError naming the field that is wrong. */
export function parseCron(expression: string): CronSchedule {
  const trimmed = expression.trim();
  if (trimmed === '') throw new CronSyntaxError('The schedule is empty.');
  const texts = trimmed.split(/\s+/);
  if (texts.length === 1 && trimmed.startsWith('@'))
    throw new CronSyntaxError(
      `Shorthands such as "${trimmed}" are not accepted; write the 6 fields (second minute hour day month weekday).`,
    );
  if (texts.length !== FIELDS.length)
    throw new CronSyntaxError(
      `A schedule has 6 fields (second minute hour day month weekday); this has ${texts.length}.`,
    );
  const field = (index: number) => parseField(FIELDS[index]!, texts[index]!);
  const second = field(0);
  if (second.values.length !== 1)
    throw new CronSyntaxError(
      `The second field "${texts[0]}" fires ${second.values.length} times a minute. A schedule runs at most once a minute: give one second, e.g. 0.`,
    );
  const [minute, hour, day, month, weekday] = [field(1), field(2), field(3), field(4), field(5)];
  return {
    expression: trimmed,
    second: second.values[0]!,
    minutes: minute.values,
    hours: hour.values,
    days: day.values,
    months: month.values,
    weekdays: weekday.values,
    anyDay: day.any,
    anyWeekday: weekday.any,
  };
}

/** The problem with a schedule in plain English, or undefined when it parses. */
export function cronProblem(expression: string): string | undefined {
  try {
    parseCron(expression);
    return undefined;
  } catch (error) {
    if (error instanceof CronSyntaxError) return error.problem;
    throw error;
  }
}

function parseField(spec: FieldSpec, text: string): ParsedField {
  const values = new Set<number>();
  let any = false;
  for (const item of text.split(',')) {
    if (item === '')
      throw new CronSyntaxError(`The ${spec.name} field "${text}" has an empty item.`);
    const parsed = parseItem(spec, item);
    any ||= parsed.any;
    for (const value of parsed.values) values.add(value);
  }
  return { values: [...values].sort((a, b) => a - b), any };
}

function parseItem(spec: FieldSpec, item: string): ParsedField {
  const [rangeText, stepText, ...extra] = item.split('/');
  if (extra.length > 0)
    throw new CronSyntaxError(`The ${spec.name} field "${item}" has more than one "/".`);
  let step = 1;
  if (stepText !== undefined) {
    if (!/^\d+$/.test(stepText))
      throw new CronSyntaxError(`The ${spec.name} step "${item}" is not a whole number.`);
    step = Number(stepText);
    if (step < 1) throw new CronSyntaxError(`The ${spec.name} step "${item}" must be at least 1.`);
  }
  let start: number;
  let end: number;
  const wildcard = rangeText === '*' || rangeText === '?';
  if (wildcard) {
    if (rangeText === '?' && !spec.question)
      throw new CronSyntaxError(
        `The ${spec.name} field may not be "?"; "?" is for the day and weekday fields only.`,
      );
    [start, end] = [spec.min, spec.max];
  } else {
    const bounds = rangeText!.split('-');
    if (bounds.length > 2)
      throw new CronSyntaxError(`The ${spec.name} field "${item}" has more than one "-".`);
    start = parseValue(spec, bounds[0]!, item);
    if (bounds[1] !== undefined) {
      end = parseValue(spec, bounds[1], item);
      if (start > end)
        throw new CronSyntaxError(
          `The ${spec.name} range "${item}" runs backwards; write the smaller number first.`,
        );
    } else end = stepText === undefined ? start : Math.max(start, spec.max);
  }
  const values: number[] = [];
  // `top` is another name for `min` (weekday 7 is Sunday): stored once, as `min`.
  for (let value = start; value <= end; value += step)
    values.push(value === spec.top ? spec.min : value);
  return { values, any: wildcard && step === 1 };
}

function parseValue(spec: FieldSpec, text: string, item: string): number {
  const top = spec.top ?? spec.max;
  const range = `${spec.min}–${top}`;
  const nameIndex = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (nameIndex >= 0) return spec.min + nameIndex;
  if (!/^\d+$/.test(text)) {
    const names = spec.names
      ? ` or a ${spec.name} name (${spec.names[0]}–${spec.names.at(-1)})`
      : '';
    throw new CronSyntaxError(
      `The ${spec.name} field "${item}" is not a number (${range})${names}.`,
    );
  }
  const value = Number(text);
  if (value < spec.min || value > top)
    throw new CronSyntaxError(`The ${spec.name} field "${item}" is out of range ${range}.`);
  return value;
}

/**
 * The first firing strictly after `after` (a time exactly on a firing gives the next one), or
 * undefined when there is none within {@link CRON_HORIZON_YEARS} years (`0 0 0 31 2 *`). Skips
 * whole months, days, hours and minutes that cannot match, so it takes a few thousand steps at most.
 * Throws CronSyntaxError for a malformed expression, RangeError for an invalid date.
 */
export function nextRun(schedule: CronSchedule | string, after: Date): Date | undefined {
  const cron = typeof schedule === 'string' ? parseCron(schedule) : schedule;
  const from = after.getTime();
  if (Number.isNaN(from)) throw new RangeError('nextRun needs a valid date.');
  const horizon = new Date(from);
  horizon.setUTCFullYear(horizon.getUTCFullYear() + CRON_HORIZON_YEARS);
  let time = new Date(Math.floor(from / 1000) * 1000 + 1000);
  while (time <= horizon) {
    const [year, month, day, hour, minute, second] = [
      time.getUTCFullYear(),
      time.getUTCMonth(),
      time.getUTCDate(),
      time.getUTCHours(),
      time.getUTCMinutes(),
      time.getUTCSeconds(),
    ];
    const nextMonth = nextIn(cron.months, month + 1);
    if (nextMonth !== month + 1) {
      time =
        nextMonth === undefined
          ? utc(year + 1, cron.months[0]! - 1, 1)
          : utc(year, nextMonth - 1, 1);
      continue;
    }
    if (!dayMatches(cron, time)) {
      time = utc(year, month, day + 1);
      continue;
    }
    const nextHour = nextIn(cron.hours, hour);
    if (nextHour !== hour) {
      time = nextHour === undefined ? utc(year, month, day + 1) : utc(year, month, day, nextHour);
      continue;
    }
    const nextMinute = nextIn(cron.minutes, minute);
    if (nextMinute !== minute) {
      time =
        nextMinute === undefined
          ? utc(year, month, day, hour + 1)
          : utc(year, month, day, hour, nextMinute);
      continue;
    }
    if (second !== cron.second) {
      time =
        second < cron.second
          ? utc(year, month, day, hour, minute, cron.second)
          : utc(year, month, day, hour, minute + 1);
      continue;
    }
    return time;
  }
  return undefined;
}

/** Up to `count` firings after `after`, in order; fewer when the schedule stops within the horizon. */
export function nextRuns(schedule: CronSchedule | string, after: Date, count: number): Date[] {
  const cron = typeof schedule === 'string' ? parseCron(schedule) : schedule;
  const runs: Date[] = [];
  let last: Date | undefined = after;
  while (runs.length < count && (last = nextRun(cron, last)) !== undefined) runs.push(last);
  return runs;
}

/**
 * The shape of a schedule when it is a common one: every hour, day, week or month at one minute
 * (second 0, every month). Anything else, including a second other than 0, is `custom`. Throws
 * CronSyntaxError for a malformed expression.
 */
export function describeCron(schedule: CronSchedule | string): CronDescription {
  const cron = typeof schedule === 'string' ? parseCron(schedule) : schedule;
  const custom = { kind: 'custom' } as const;
  if (cron.second !== 0 || cron.minutes.length !== 1 || cron.months.length !== 12) return custom;
  const minute = cron.minutes[0]!;
  const everyDay = cron.days.length === 31;
  const everyWeekday = cron.weekdays.length === 7;
  const days = whichDays(cron, everyDay, everyWeekday);
  if (cron.hours.length === 24) return days === 'every' ? { kind: 'hourly', minute } : custom;
  if (cron.hours.length !== 1) return custom;
  const hour = cron.hours[0]!;
  if (days === 'every') return { kind: 'daily', hour, minute };
  if (days === 'weekdays') return { kind: 'weekly', weekdays: [...cron.weekdays], hour, minute };
  if (days === 'days') return { kind: 'monthly', days: [...cron.days], hour, minute };
  return custom;
}

/** Which field decides the days a schedule runs on, taking the OR of both into account. */
function whichDays(
  cron: CronSchedule,
  everyDay: boolean,
  everyWeekday: boolean,
): 'every' | 'weekdays' | 'days' | 'both' {
  if (cron.anyDay || cron.anyWeekday) {
    if (everyDay && everyWeekday) return 'every';
    return everyDay ? 'weekdays' : 'days';
  }
  if (everyDay || everyWeekday) return 'every';
  return 'both';
}

function dayMatches(cron: CronSchedule, time: Date): boolean {
  const day = cron.days.includes(time.getUTCDate());
  const weekday = cron.weekdays.includes(time.getUTCDay());
  return cron.anyDay || cron.anyWeekday ? day && weekday : day || weekday;
}

/** The first of the ascending `values` at or after `value`. */
function nextIn(values: readonly number[], value: number): number | undefined {
  return values.find((candidate) => candidate >= value);
}

/** A UTC time whose parts may overflow (day 32 is the next month's 1st); any year, even below 100. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const time = new Date(0);
  time.setUTCFullYear(year, month, day);
  time.setUTCHours(hour, minute, second, 0);
  return time;
}
