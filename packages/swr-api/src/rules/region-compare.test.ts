import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignBatches, alignSteps, compareTags, type TagDigest } from './region-compare.js';

const d = (n: number) => `sha256:${String(n).padStart(64, '0')}`;
const tags = (entries: [string, number][]): TagDigest[] =>
  entries.map(([tag, n]) => ({ tag, digest: d(n) }));

describe('comparing a repository across regions', () => {
  it('when tags are the same, differ, are missing or only there, then each is counted and only the differences are listed, by name', () => {
    const result = compareTags(
      tags([
        ['v2', 2],
        ['v1', 1],
        ['v3', 3],
      ]),
      tags([
        ['v1', 1],
        ['v2', 9],
        ['v4', 4],
      ]),
    );
    expect(result).toEqual({
      same: 1,
      different: 1,
      missing: 1,
      onlyThere: 1,
      differences: [
        { tag: 'v2', kind: 'different', here: d(2), there: d(9) },
        { tag: 'v3', kind: 'missing', here: d(3) },
        { tag: 'v4', kind: 'only-there', there: d(4) },
      ],
    });
  });

  it('when the regions are compared either way, then the counts mirror and every tag is counted once', () => {
    const side = fc.uniqueArray(
      fc.record({ tag: fc.stringMatching(/^[a-c][0-3]$/), digest: fc.constantFrom(d(1), d(2)) }),
      { selector: (t) => t.tag, maxLength: 12 },
    );
    fc.assert(
      fc.property(side, side, (here, there) => {
        const forth = compareTags(here, there);
        const back = compareTags(there, here);
        expect([back.same, back.different, back.missing, back.onlyThere]).toEqual([
          forth.same,
          forth.different,
          forth.onlyThere,
          forth.missing,
        ]);
        const all = new Set([...here, ...there].map((t) => t.tag));
        expect(forth.same + forth.different + forth.missing + forth.onlyThere).toBe(all.size);
        expect(forth.differences).toHaveLength(all.size - forth.same);
      }),
    );
  });

  it('when this region is made the same, then missing tags go there, tags only there come back, and a different one is replaced only with override', () => {
    const { differences } = compareTags(
      tags([
        ['a', 1],
        ['b', 2],
      ]),
      tags([
        ['a', 9],
        ['c', 3],
      ]),
    );
    expect(alignSteps(differences, false)).toEqual([
      { tag: 'a', action: 'kept-there' },
      { tag: 'b', action: 'copy-there' },
      { tag: 'c', action: 'copy-here' },
    ]);
    const steps = alignSteps(differences, true);
    expect(steps[0]).toEqual({ tag: 'a', action: 'replace-there' });
    expect(alignBatches(steps)).toEqual({ there: ['a', 'b'], here: ['c'] });
  });
});
