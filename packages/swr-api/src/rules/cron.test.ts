import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CronSyntaxError,
  cronProblem,
  describeCron,
  nextRun,
  nextRuns,
  parseCron,
  type CronSchedule,
} from './cron.js';

const at = (iso: string) => new Date(iso);
const next = (expression: string, after: string) => nextRun(expression, at(after))?.toISOString();

describe('parseCron', () => {
  it.each([
    ['0 * * * * *', 'minutes', Array.from({ length: 60 }, (_, i) => i)],
    ['0 5 * * * *', 'minutes', [5]],
    ['0 10-13 * * * *', 'minutes', [10, 11, 12, 13]],
    ['0 */15 * * * *', 'minutes', [0, 15, 30, 45]],
    ['0 10-30/10 * * * *', 'minutes', [10, 20, 30]],
    ['0 50/4 * * * *', 'minutes', [50, 54, 58]],
    ['0 1,5,3,5 * * * *', 'minutes', [1, 3, 5]],
    ['0 0 1-3,20/2 * * *', 'hours', [1, 2, 3, 20, 22]],
    ['0 0 0 */10 * *', 'days', [1, 11, 21, 31]],
    ['0 0 0 * JAN,mar,Dec *', 'months', [1, 3, 12]],
    ['0 0 0 * jun-AUG *', 'months', [6, 7, 8]],
    ['0 0 0 * */4 *', 'months', [1, 5, 9]],
    ['0 0 0 ? * MON-FRI', 'weekdays', [1, 2, 3, 4, 5]],
    ['0 0 0 ? * sun,Sat', 'weekdays', [0, 6]],
    ['0 0 0 ? * 7', 'weekdays', [0]],
    ['0 0 0 ? * 5-7', 'weekdays', [0, 5, 6]],
    ['0 0 0 ? * 0-7', 'weekdays', [0, 1, 2, 3, 4, 5, 6]],
    ['0 0 0 ? * */2', 'weekdays', [0, 2, 4, 6]],
    ['0 0 0 ? * 7/1', 'weekdays', [0]],
  ] as const)('when the schedule is "%s", then its %s are %j', (expression, field, values) =>
    expect(parseCron(expression)[field]).toEqual(values),
  );

  it('when the second is a single value in any form, then it is the one second', () => {
    expect(parseCron('30 * * * * *').second).toBe(30);
    expect(parseCron('*/60 * * * * *').second).toBe(0);
    expect(parseCron('7-7 * * * * *').second).toBe(7);
  });

  it('when fields are separated by several spaces or tabs, then they still count as six', () => {
    expect(parseCron('  0\t0  12 * * *  ').expression).toBe('0\t0  12 * * *');
  });

  it('when the day or weekday is * or ?, then it is marked as leaving the other to decide', () => {
    expect(parseCron('0 0 0 * * 1')).toMatchObject({ anyDay: true, anyWeekday: false });
    expect(parseCron('0 0 0 1 * ?')).toMatchObject({ anyDay: false, anyWeekday: true });
    expect(parseCron('0 0 0 */2 * *')).toMatchObject({ anyDay: false, anyWeekday: true });
  });

  it('when the schedule is malformed, then CronSyntaxError carries the same message', () => {
    expect(() => parseCron('0 0 25 * * *')).toThrow(CronSyntaxError);
    expect(() => parseCron('0 0 25 * * *')).toThrow(cronProblem('0 0 25 * * *'));
  });
});

describe('cronProblem', () => {
  it.each([
    ['0 0 3 * * *', undefined],
    ['', 'The schedule is empty.'],
    ['0 0 * * *', 'A schedule has 6 fields (second minute hour day month weekday); this has 5.'],
    [
      '0 0 0 * * * 2026',
      'A schedule has 6 fields (second minute hour day month weekday); this has 7.',
    ],
    [
      '@daily',
      'Shorthands such as "@daily" are not accepted; write the 6 fields (second minute hour day month weekday).',
    ],
    ['0 60 * * * *', 'The minute field "60" is out of range 0–59.'],
    ['0 0 25 * * *', 'The hour field "25" is out of range 0–23.'],
    ['0 0 1-25 * * *', 'The hour field "1-25" is out of range 0–23.'],
    ['0 0 0 0 * *', 'The day field "0" is out of range 1–31.'],
    ['0 0 0 32 * *', 'The day field "32" is out of range 1–31.'],
    ['0 0 0 * 13 *', 'The month field "13" is out of range 1–12.'],
    ['0 0 0 * * 8', 'The weekday field "8" is out of range 0–7.'],
    ['0 */0 * * * *', 'The minute step "*/0" must be at least 1.'],
    ['0 0 1-5/0 * * *', 'The hour step "1-5/0" must be at least 1.'],
    ['0 */x * * * *', 'The minute step "*/x" is not a whole number.'],
    ['0 0 x * * *', 'The hour field "x" is not a number (0–23).'],
    ['0 0 -1 * * *', 'The hour field "-1" is not a number (0–23).'],
    ['0 0 0 * FOO *', 'The month field "FOO" is not a number (1–12) or a month name (JAN–DEC).'],
    [
      '0 0 0 * * MON-FUN',
      'The weekday field "MON-FUN" is not a number (0–7) or a weekday name (SUN–SAT).',
    ],
    ['0 0 0 MON * *', 'The day field "MON" is not a number (1–31).'],
    ['0 0 17-9 * * *', 'The hour range "17-9" runs backwards; write the smaller number first.'],
    [
      '0 0 0 * * SAT-SUN',
      'The weekday range "SAT-SUN" runs backwards; write the smaller number first.',
    ],
    ['0 1-2-3 * * * *', 'The minute field "1-2-3" has more than one "-".'],
    ['0 */5/2 * * * *', 'The minute field "*/5/2" has more than one "/".'],
    ['0 1,,2 * * * *', 'The minute field "1,,2" has an empty item.'],
    ['0 0 ? * * *', 'The hour field may not be "?"; "?" is for the day and weekday fields only.'],
    [
      '* * * * * *',
      'The second field "*" fires 60 times a minute. A schedule runs at most once a minute: give one second, e.g. 0.',
    ],
    [
      '0,30 * * * * *',
      'The second field "0,30" fires 2 times a minute. A schedule runs at most once a minute: give one second, e.g. 0.',
    ],
  ])('when the schedule is "%s", then the problem is %j', (expression, problem) =>
    expect(cronProblem(expression)).toBe(problem),
  );

  it('when the first wrong field is found, then it is the one named', () => {
    expect(cronProblem('0 99 99 * * *')).toMatch(/^The minute field/);
  });
});

describe('nextRun', () => {
  it('when the time is exactly on a firing, then the next firing is given', () => {
    expect(next('0 0 3 * * *', '2026-05-10T03:00:00.000Z')).toBe('2026-05-11T03:00:00.000Z');
    expect(next('0 0 3 * * *', '2026-05-10T02:59:59.999Z')).toBe('2026-05-10T03:00:00.000Z');
    expect(next('0 0 3 * * *', '2026-05-10T03:00:00.001Z')).toBe('2026-05-11T03:00:00.000Z');
  });

  it('when the second is not 0, then the firing is at that second', () => {
    expect(next('45 */10 * * * *', '2026-05-10T03:00:50Z')).toBe('2026-05-10T03:10:45.000Z');
    expect(next('45 */10 * * * *', '2026-05-10T03:00:10Z')).toBe('2026-05-10T03:00:45.000Z');
  });

  it('when steps run over a range, then only those minutes and hours fire', () => {
    const runs = nextRuns('0 10-30/10 8-9 * * *', at('2026-05-10T08:25:00Z'), 5);
    expect(runs.map((run) => run.toISOString())).toEqual([
      '2026-05-10T08:30:00.000Z',
      '2026-05-10T09:10:00.000Z',
      '2026-05-10T09:20:00.000Z',
      '2026-05-10T09:30:00.000Z',
      '2026-05-11T08:10:00.000Z',
    ]);
  });

  it('when the year ends, then the schedule rolls over into the next', () => {
    expect(next('0 0 0 * * *', '2026-12-31T12:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(next('0 30 6 1 JAN *', '2026-01-01T06:30:00Z')).toBe('2027-01-01T06:30:00.000Z');
  });

  it('when February 29 is asked for, then it comes in the next leap year', () => {
    expect(next('0 0 0 29 2 *', '2027-01-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    // 2100 is not a leap year (divisible by 100 but not 400).
    expect(next('0 0 0 29 2 *', '2099-03-01T00:00:00Z')).toBe('2104-02-29T00:00:00.000Z');
  });

  it('when the day is 31, then months with fewer days are skipped', () => {
    const runs = nextRuns('0 0 12 31 * *', at('2026-01-31T12:00:00Z'), 3);
    expect(runs.map((run) => run.toISOString())).toEqual([
      '2026-03-31T12:00:00.000Z',
      '2026-05-31T12:00:00.000Z',
      '2026-07-31T12:00:00.000Z',
    ]);
  });

  it('when the date can never come, then there is no next run', () => {
    expect(nextRun('0 0 0 31 2 *', at('2026-01-01T00:00:00Z'))).toBeUndefined();
    expect(nextRun('0 0 0 30 2 *', at('2026-01-01T00:00:00Z'))).toBeUndefined();
    expect(nextRuns('0 0 0 31 4,6 *', at('2026-01-01T00:00:00Z'), 3)).toEqual([]);
  });

  it('when weekday 7, 0 and SUN are given, then each means Sunday', () => {
    // 2026-05-10 is a Sunday.
    for (const sunday of ['7', '0', 'SUN', 'sun'])
      expect(next(`0 0 9 ? * ${sunday}`, '2026-05-06T00:00:00Z')).toBe('2026-05-10T09:00:00.000Z');
  });

  it('when names stand for months and weekdays, then they fire as the numbers would', () => {
    expect(next('0 0 9 * * MON-FRI', '2026-05-08T10:00:00Z')).toBe('2026-05-11T09:00:00.000Z');
    expect(next('0 0 9 1 jul *', '2026-05-08T10:00:00Z')).toBe('2026-07-01T09:00:00.000Z');
  });

  it('when both day and weekday are restricted, then a day matching either fires', () => {
    // The 1st of June 2026 is a Monday; Fridays are the 5th, 12th …
    const runs = nextRuns('0 0 0 1,15 * FRI', at('2026-05-31T00:00:00Z'), 5);
    expect(runs.map((run) => run.toISOString().slice(0, 10))).toEqual([
      '2026-06-01',
      '2026-06-05',
      '2026-06-12',
      '2026-06-15',
      '2026-06-19',
    ]);
  });

  it('when one of day and weekday is * or ?, then the other alone decides', () => {
    expect(next('0 0 0 * * FRI', '2026-05-31T00:00:00Z')).toBe('2026-06-05T00:00:00.000Z');
    expect(next('0 0 0 15 * ?', '2026-05-31T00:00:00Z')).toBe('2026-06-15T00:00:00.000Z');
  });

  it('when a parsed schedule is given, then it is used as is', () => {
    const schedule = parseCron('0 0 6 * * *');
    expect(nextRun(schedule, at('2026-05-10T07:00:00Z'))?.toISOString()).toBe(
      '2026-05-11T06:00:00.000Z',
    );
  });

  it('when the date is invalid or the expression malformed, then it throws', () => {
    expect(() => nextRun('0 0 6 * * *', new Date(Number.NaN))).toThrow(RangeError);
    expect(() => nextRun('0 0 6 * *', at('2026-05-10T07:00:00Z'))).toThrow(CronSyntaxError);
  });

  it('when any schedule is asked, then the run is the first matching minute after the time', () => {
    const field = (max: number) =>
      fc.oneof(
        fc.constant('*'),
        fc.integer({ min: 0, max }).map(String),
        fc.integer({ min: 1, max: 9 }).map((step) => `*/${step}`),
        fc
          .tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max }))
          .map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
      );
    const day = fc.oneof(
      fc.constant('?'),
      field(30).map((f) => f.replace(/\d+/g, (n) => `${+n + 1}`)),
    );
    const expressions = fc
      .tuple(
        field(59),
        field(23),
        day,
        field(11).map((f) => f.replace(/\d+/g, (n) => `${+n + 1}`)),
        fc.oneof(fc.constant('?'), field(7)),
      )
      .map((fields) => `0 ${fields.join(' ')}`);
    const start = Date.UTC(2026, 0, 1);
    fc.assert(
      fc.property(expressions, fc.integer({ min: 0, max: 400 * 1440 }), (expression, minutes) => {
        const schedule = parseCron(expression);
        const after = new Date(start + minutes * 60_000 + 30_000);
        const run = nextRun(schedule, after);
        // Brute force over the next 70 days: the first minute whose every field matches.
        let expected: number | undefined;
        for (
          let t = start + (minutes + 1) * 60_000;
          t < after.getTime() + 70 * 86_400_000;
          t += 60_000
        )
          if (matches(schedule, new Date(t))) {
            expected = t;
            break;
          }
        if (expected !== undefined) expect(run?.getTime(), expression).toBe(expected);
        else if (run) expect(run.getTime() - after.getTime()).toBeGreaterThan(70 * 86_400_000);
      }),
      { numRuns: 150 },
    );
  });
});

/** The straightforward reading of a schedule, minute by minute, as an oracle for nextRun. */
function matches(schedule: CronSchedule, time: Date): boolean {
  const day = schedule.days.includes(time.getUTCDate());
  const weekday = schedule.weekdays.includes(time.getUTCDay());
  return (
    schedule.minutes.includes(time.getUTCMinutes()) &&
    schedule.hours.includes(time.getUTCHours()) &&
    schedule.months.includes(time.getUTCMonth() + 1) &&
    (schedule.anyDay || schedule.anyWeekday ? day && weekday : day || weekday)
  );
}

describe('nextRuns', () => {
  it('when a count is asked, then that many runs follow in order', () => {
    const runs = nextRuns('0 0 */6 * * *', at('2026-05-10T05:00:00Z'), 4);
    expect(runs.map((run) => run.toISOString())).toEqual([
      '2026-05-10T06:00:00.000Z',
      '2026-05-10T12:00:00.000Z',
      '2026-05-10T18:00:00.000Z',
      '2026-05-11T00:00:00.000Z',
    ]);
  });

  it('when the count is 0, then there are none', () => {
    expect(nextRuns('0 0 0 * * *', at('2026-05-10T05:00:00Z'), 0)).toEqual([]);
  });
});

describe('describeCron', () => {
  it.each([
    ['0 15 * * * *', { kind: 'hourly', minute: 15 }],
    ['0 0 3 * * *', { kind: 'daily', hour: 3, minute: 0 }],
    ['0 30 22 ? * *', { kind: 'daily', hour: 22, minute: 30 }],
    ['0 0 3 * * 0-7', { kind: 'daily', hour: 3, minute: 0 }],
    ['0 0 0 * * 0', { kind: 'weekly', weekdays: [0], hour: 0, minute: 0 }],
    ['0 0 9 ? * sat,7,MON', { kind: 'weekly', weekdays: [0, 1, 6], hour: 9, minute: 0 }],
    ['0 5 1 1,15 * ?', { kind: 'monthly', days: [1, 15], hour: 1, minute: 5 }],
    ['0 0 0 L * *', undefined],
    ['30 0 3 * * *', { kind: 'custom' }],
    ['0 0,30 3 * * *', { kind: 'custom' }],
    ['0 0 3,15 * * *', { kind: 'custom' }],
    ['0 0 3 * 1-6 *', { kind: 'custom' }],
    ['0 0 3 1 * MON', { kind: 'custom' }],
    ['0 0 * * * MON', { kind: 'custom' }],
    ['0 0 3 1-31 * MON', { kind: 'daily', hour: 3, minute: 0 }],
  ] as const)(
    'when the schedule is "%s", then it is described as %j',
    (expression, description) => {
      if (description === undefined)
        expect(() => describeCron(expression)).toThrow(CronSyntaxError);
      else expect(describeCron(expression)).toEqual(description);
    },
  );
});
