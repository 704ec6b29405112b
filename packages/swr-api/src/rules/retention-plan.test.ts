import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RetentionRule } from '../schemas/resources/retention.js';
import { layerBytesFreed, layerStorage, planRetention, type PlanTag } from './retention-plan.js';

const now = new Date('2026-11-28T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();

const dateRule = (days: number, selectors: RetentionRule['tag_selectors'] = []): RetentionRule => ({
  template: 'date_rule',
  params: { days: String(days) },
  tag_selectors: selectors,
});
const tagRule = (num: number, selectors: RetentionRule['tag_selectors'] = []): RetentionRule => ({
  template: 'tag_rule',
  params: { num: String(num) },
  tag_selectors: selectors,
});

describe('planRetention', () => {
  it('when the documented date example runs (3 days), then the older v1 goes and v2 stays', () => {
    const plan = planRetention(
      [
        { name: 'v1', updated: daysAgo(4) },
        { name: 'v2', updated: daysAgo(1) },
      ],
      dateRule(3),
      now,
    );
    expect(plan.deleted).toEqual(['v1']);
    expect(plan.entries).toEqual([
      { tag: 'v1', action: 'delete', reason: { kind: 'expired', days: 3, ageDays: 4 } },
      { tag: 'v2', action: 'keep', reason: { kind: 'recent', days: 3, ageDays: 1 } },
    ]);
  });

  it('when the documented tag example runs (keep 1, exempt ^v2.*), then only v1 goes', () => {
    const tags = [
      { name: 'v1', updated: daysAgo(4) },
      { name: 'v2', updated: daysAgo(3) },
      { name: 'v1.0.0', updated: daysAgo(2) },
      { name: 'v2.0.0', updated: daysAgo(1) },
    ];
    const plan = planRetention(tags, tagRule(1, [{ kind: 'regexp', pattern: '^v2.*' }]), now);
    expect(plan.deleted).toEqual(['v1']);
    expect(plan.entries.find((e) => e.tag === 'v2')?.reason).toEqual({
      kind: 'exempt-pattern',
      pattern: '^v2.*',
    });
    expect(plan.entries.find((e) => e.tag === 'v1.0.0')?.reason).toEqual({
      kind: 'newest',
      num: 1,
      rank: 1,
    });
    expect(plan.entries.find((e) => e.tag === 'v1')?.reason).toEqual({
      kind: 'beyond-newest',
      num: 1,
      rank: 2,
    });
  });

  it('when exempt tags exist, then they do not count toward the newest N', () => {
    const tags = ['a', 'b', 'c', 'latest'].map((name, i) => ({ name, updated: daysAgo(10 - i) }));
    const plan = planRetention(tags, tagRule(2, [{ kind: 'label', pattern: 'latest' }]), now);
    expect(plan.kept).toEqual(['b', 'c', 'latest']);
    expect(plan.deleted).toEqual(['a']);
  });

  it('when an exact exemption is given, then it matches the whole name only', () => {
    const plan = planRetention(
      [
        { name: 'v5', updated: daysAgo(9) },
        { name: 'v55', updated: daysAgo(9) },
      ],
      dateRule(1, [{ kind: 'label', pattern: 'v5' }]),
      now,
    );
    expect(plan.deleted).toEqual(['v55']);
  });

  it('when a tag is exactly N days old, then it is kept (only older ones go)', () => {
    expect(
      planRetention([{ name: 'edge', updated: daysAgo(30) }], dateRule(30), now).deleted,
    ).toEqual([]);
  });

  it('when two tags share an image and only one goes, then no bytes are freed', () => {
    const tags: PlanTag[] = [
      { name: 'old', updated: daysAgo(9), digest: 'sha256:a', size: 100 },
      { name: 'alias', updated: daysAgo(1), digest: 'sha256:a', size: 100 },
      { name: 'gone', updated: daysAgo(9), digest: 'sha256:b', size: 40 },
    ];
    const plan = planRetention(tags, dateRule(3), now);
    expect(plan.deleted).toEqual(['old', 'gone']);
    expect(plan.bytesFreed).toBe(40);
  });

  it('when any rule runs, then every tag is in exactly one of deleted and kept, and tag_rule keeps min(N, candidates)', () => {
    const tagArb = fc.uniqueArray(
      fc.record({
        name: fc.stringMatching(/^[a-z0-9]{1,6}$/),
        updated: fc.integer({ min: 0, max: 400 }).map(daysAgo),
      }),
      { selector: (t) => t.name, maxLength: 40 },
    );
    fc.assert(
      fc.property(tagArb, fc.integer({ min: 1, max: 50 }), fc.boolean(), (tags, n, byDate) => {
        const plan = planRetention(tags, byDate ? dateRule(n) : tagRule(n), now);
        expect([...plan.deleted, ...plan.kept].sort()).toEqual(tags.map((t) => t.name).sort());
        if (!byDate) expect(plan.kept).toHaveLength(Math.min(n, tags.length));
        if (byDate) {
          for (const name of plan.deleted) {
            expect(
              now.getTime() - Date.parse(tags.find((t) => t.name === name)!.updated),
            ).toBeGreaterThan(n * 86_400_000);
          }
        }
      }),
    );
  });
});

describe('the bytes a plan frees', () => {
  const l = (name: string, size: number) => ({ digest: `sha256:${name}`, size });
  it('when deleted tags share layers with each other and with a kept tag, then each layer only they use counts once', () => {
    const tags = [
      { name: 'v1', layers: [l('base', 100), l('a', 10)] },
      { name: 'v2', layers: [l('base', 100), l('a', 10), l('b', 5)] },
      { name: 'v3', layers: [l('base', 100), l('c', 7)] },
    ];
    expect(layerBytesFreed(tags, new Set(['v1', 'v2']))).toBe(15);
    expect(layerBytesFreed(tags, new Set(['v1', 'v2', 'v3']))).toBe(122);
    expect(layerBytesFreed(tags, new Set())).toBe(0);
  });
});

describe('a repository’s storage', () => {
  const l = (name: string, size: number) => ({ digest: `sha256:${name}`, size });
  it('when tags share layers, then each layer counts once, and those two tags use are shared', () => {
    expect(
      layerStorage([
        { name: 'v1', layers: [l('base', 100), l('a', 10)] },
        { name: 'v2', layers: [l('base', 100), l('a', 10), l('b', 5)] },
        { name: 'v3', layers: [l('c', 7)] },
      ]),
    ).toEqual({ bytes: 122, sharedBytes: 110, layers: 4 });
    expect(layerStorage([])).toEqual({ bytes: 0, sharedBytes: 0, layers: 0 });
  });
});
