import { describe, expect, it } from 'vitest';
import { cvssBaseScore, roundUp } from './cvss.js';
import { highestSeverity, severityOfLabel, severityOfScore } from './severity.js';

/** Vectors with the base scores NVD and the CVSS v3.1 calculator publish for them. */
const SCORED: [string, number][] = [
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
  ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8],
  ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', 8.1],
  ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H', 7.4],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N', 5.3],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10],
  ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
  ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H', 5.5],
  ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
];

describe('CVSS v3 base scores', () => {
  it.each(SCORED)('when %s is scored, then it is %d', (vector, score) => {
    expect(cvssBaseScore(vector)).toBe(score);
  });

  it('when a vector carries temporal or environmental metrics, then the base score ignores them', () => {
    expect(cvssBaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C')).toBe(9.8);
  });

  it.each([
    ['', 'empty'],
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'no CVSS:3.x prefix'],
    ['CVSS:2.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'another version'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', 'a base metric missing'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:X', 'a value out of range'],
    ['CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'a metric twice'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/', 'an empty part'],
    ['CVSS:3.1/AV:N:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'a malformed part'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'a CVSS v4 vector'],
  ])('when the vector is %j (%s), then it has no score', (vector) => {
    expect(cvssBaseScore(vector)).toBeUndefined();
  });

  it('when rounding up, then floating-point error does not add a tenth (CVSS v3.1 Appendix A)', () => {
    expect(roundUp(4.000002)).toBe(4);
    expect(roundUp(4.02)).toBe(4.1);
    expect(roundUp(9.8)).toBe(9.8);
    expect(roundUp(0.10000000000000009)).toBe(0.1);
  });
});

describe('severities', () => {
  it('when a score is rated, then the CVSS qualitative scale applies at its boundaries', () => {
    expect(severityOfScore(10)).toBe('Critical');
    expect(severityOfScore(9)).toBe('Critical');
    expect(severityOfScore(8.9)).toBe('High');
    expect(severityOfScore(7)).toBe('High');
    expect(severityOfScore(6.9)).toBe('Medium');
    expect(severityOfScore(4)).toBe('Medium');
    expect(severityOfScore(3.9)).toBe('Low');
    expect(severityOfScore(0.1)).toBe('Low');
    expect(severityOfScore(0)).toBe('None');
  });

  it('when a database names a severity in words, then its Harbor severity is found', () => {
    expect(severityOfLabel('HIGH')).toBe('High');
    expect(severityOfLabel(' moderate ')).toBe('Medium');
    expect(severityOfLabel('critical')).toBe('Critical');
    expect(severityOfLabel('urgent')).toBeUndefined();
    expect(severityOfLabel(7)).toBeUndefined();
  });

  it('when severities are combined, then the highest wins and none is None', () => {
    expect(highestSeverity(['Low', 'Critical', 'Medium'])).toBe('Critical');
    expect(highestSeverity(['Unknown', 'None'])).toBe('Unknown');
    expect(highestSeverity([])).toBe('None');
  });
});
