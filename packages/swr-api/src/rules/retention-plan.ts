import type { RetentionRule } from '../schemas/resources/retention.js';

/** A tag as the planner sees it. `updated` is an ISO time; size and digest let it count bytes. */
export interface PlanTag {
  name: string;
  updated: string;
  digest?: string;
  size?: number;
}

export type PlanReason =
  | { kind: 'exempt-tag'; pattern: string }
  | { kind: 'exempt-pattern'; pattern: string }
  | { kind: 'recent'; days: number; ageDays: number }
  | { kind: 'expired'; days: number; ageDays: number }
  | { kind: 'newest'; num: number; rank: number }
  | { kind: 'beyond-newest'; num: number; rank: number };

export interface PlanEntry {
  tag: string;
  action: 'delete' | 'keep';
  reason: PlanReason;
}

export interface RetentionPlan {
  entries: PlanEntry[];
  deleted: string[];
  kept: string[];
  /** Bytes of the images whose every tag goes: shared images stay while one tag keeps them. */
  bytesFreed: number;
}

const DAY_MS = 86_400_000;

/**
 * What a retention rule does to a repository's tags at `now`, tag by tag with the reason. Exempt
 * tags (an exact name, or a regex match) are set aside first and neither deleted nor counted.
 * `date_rule` deletes tags updated more than `days` days ago; `tag_rule` keeps the `num` most
 * recently updated tags (ties broken by name) and deletes the rest. swr-local executes exactly this
 * plan, and the console shows it before a rule is saved.
 */
export function planRetention(
  tags: readonly PlanTag[],
  rule: RetentionRule,
  now: Date,
): RetentionPlan {
  const entries = new Map<string, PlanEntry>();
  const candidates: PlanTag[] = [];
  const patterns = rule.tag_selectors.map((selector) => ({
    ...selector,
    regex: selector.kind === 'regexp' ? safeRegex(selector.pattern) : undefined,
  }));

  for (const tag of tags) {
    const exemption =
      patterns.find((s) => s.kind === 'label' && s.pattern === tag.name) ??
      patterns.find((s) => s.regex?.test(tag.name));
    if (exemption) {
      entries.set(tag.name, {
        tag: tag.name,
        action: 'keep',
        reason: {
          kind: exemption.kind === 'label' ? 'exempt-tag' : 'exempt-pattern',
          pattern: exemption.pattern,
        },
      });
    } else {
      candidates.push(tag);
    }
  }

  if (rule.template === 'date_rule') {
    const days = Number(rule.params.days);
    for (const tag of candidates) {
      const ageDays = Math.floor((now.getTime() - Date.parse(tag.updated)) / DAY_MS);
      const expired = now.getTime() - Date.parse(tag.updated) > days * DAY_MS;
      entries.set(tag.name, {
        tag: tag.name,
        action: expired ? 'delete' : 'keep',
        reason: { kind: expired ? 'expired' : 'recent', days, ageDays },
      });
    }
  } else {
    const num = Number(rule.params.num);
    const newestFirst = [...candidates].sort(
      (a, b) =>
        Date.parse(b.updated) - Date.parse(a.updated) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    newestFirst.forEach((tag, index) => {
      const rank = index + 1;
      entries.set(tag.name, {
        tag: tag.name,
        action: rank <= num ? 'keep' : 'delete',
        reason: { kind: rank <= num ? 'newest' : 'beyond-newest', num, rank },
      });
    });
  }

  const ordered = tags.map((tag) => entries.get(tag.name)!);
  const deleted = ordered.filter((e) => e.action === 'delete').map((e) => e.tag);
  const kept = ordered.filter((e) => e.action === 'keep').map((e) => e.tag);
  return { entries: ordered, deleted, kept, bytesFreed: bytesFreed(tags, new Set(deleted)) };
}

function bytesFreed(tags: readonly PlanTag[], deleted: Set<string>): number {
  const sizes = new Map<string, number>();
  const keptDigests = new Set<string>();
  for (const tag of tags) {
    const digest = tag.digest ?? `tag:${tag.name}`;
    if (deleted.has(tag.name)) sizes.set(digest, tag.size ?? 0);
    else keptDigests.add(digest);
  }
  let total = 0;
  for (const [digest, size] of sizes) if (!keptDigests.has(digest)) total += size;
  return total;
}

/** Regexes are validated before a rule is stored; one that still fails to compile exempts nothing. */
function safeRegex(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

/** A tag with the layers its image (every platform of a list) is made of. */
export interface TagLayers {
  name: string;
  layers: readonly { digest: string; size: number }[];
}

/**
 * The bytes a plan frees in the registry: each layer that deleted tags use and no kept tag of the
 * same repository still does, counted once however many tags share it.
 */
export function layerBytesFreed(tags: readonly TagLayers[], deleted: ReadonlySet<string>): number {
  const kept = new Set<string>();
  for (const tag of tags)
    if (!deleted.has(tag.name)) for (const layer of tag.layers) kept.add(layer.digest);
  const freed = new Map<string, number>();
  for (const tag of tags)
    if (deleted.has(tag.name))
      for (const layer of tag.layers)
        if (!kept.has(layer.digest)) freed.set(layer.digest, layer.size);
  let total = 0;
  for (const size of freed.values()) total += size;
  return total;
}

/** A repository's storage as its layers make it up. */
export interface LayerStorage {
  /** Bytes of every distinct layer: what the repository holds in the registry. */
  bytes: number;
  /** Bytes of the layers two tags or more use: what deleting any one of them never frees. */
  sharedBytes: number;
  layers: number;
}

/** The storage of a repository's tags, each layer counted once however many tags use it. */
export function layerStorage(tags: readonly TagLayers[]): LayerStorage {
  const users = new Map<string, { size: number; tags: number }>();
  for (const tag of tags)
    for (const digest of new Set(tag.layers.map((layer) => layer.digest))) {
      const size = tag.layers.find((layer) => layer.digest === digest)!.size;
      const known = users.get(digest);
      if (known) known.tags++;
      else users.set(digest, { size, tags: 1 });
    }
  let bytes = 0;
  let sharedBytes = 0;
  for (const { size, tags: count } of users.values()) {
    bytes += size;
    if (count > 1) sharedBytes += size;
  }
  return { bytes, sharedBytes, layers: users.size };
}
