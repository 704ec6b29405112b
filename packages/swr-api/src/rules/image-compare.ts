import { fieldsOf, itemsOf, stringOf } from '../wire/json.js';

/** A layer of an image: its blob and its compressed size. */
export interface ImageLayer {
  digest: string;
  size: number;
}

/** What an image's config says about how it runs (OCI image config, `config` and its root). */
export interface ImageConfigFacts {
  os: string;
  architecture: string;
  variant?: string;
  created?: string;
  author?: string;
  user?: string;
  workingDir?: string;
  entrypoint?: string[];
  cmd?: string[];
  env: string[];
  labels: Record<string, string>;
  exposedPorts: string[];
  volumes: string[];
  stopSignal?: string;
}

/** One step of the build that made the image, as its config records it. */
export interface ImageHistoryEntry {
  created?: string;
  createdBy?: string;
  comment?: string;
  emptyLayer: boolean;
}

/** One image (one platform of a list): its manifest, layers, config and history. */
export interface ImageDetail {
  /** `os/architecture[/variant]`. */
  platform: string;
  digest: string;
  mediaType: string;
  configDigest: string;
  /** Manifest, config and layers, compressed, in bytes. */
  size: number;
  layers: ImageLayer[];
  config: ImageConfigFacts;
  history: ImageHistoryEntry[];
}

/** A tag (or digest) inspected: what it names, its platforms, and the image of one of them. */
export interface ImageInspection {
  reference: string;
  digest: string;
  mediaType: string;
  /** The platforms of a multi-platform list; empty for a single image. */
  platforms: { platform: string; digest: string }[];
  image: ImageDetail;
}

const strings = (value: unknown): string[] | undefined => {
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string => typeof item === 'string');
};

const keysOf = (value: unknown): string[] => Object.keys(fieldsOf(value) ?? {}).sort();

/** The platform an OCI `platform` object names, as `os/architecture[/variant]`. */
export function platformName(platform: unknown): string {
  const fields = fieldsOf(platform);
  return [stringOf(fields?.os), stringOf(fields?.architecture), stringOf(fields?.variant)]
    .filter(Boolean)
    .join('/');
}

/** The facts of an image config; what is missing or of the wrong type is left out. */
export function configFacts(config: unknown): {
  config: ImageConfigFacts;
  history: ImageHistoryEntry[];
} {
  const root = fieldsOf(config) ?? {};
  const run = fieldsOf(root.config) ?? {};
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(fieldsOf(run.Labels) ?? {}))
    if (typeof value === 'string') labels[key] = value;
  const optional = <K extends string>(key: K, value: string | string[] | undefined) =>
    value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, typeof value>);
  return {
    config: {
      os: stringOf(root.os) ?? '',
      architecture: stringOf(root.architecture) ?? '',
      ...optional('variant', stringOf(root.variant)),
      ...optional('created', stringOf(root.created)),
      ...optional('author', stringOf(root.author)),
      ...optional('user', stringOf(run.User)),
      ...optional('workingDir', stringOf(run.WorkingDir)),
      ...optional('entrypoint', strings(run.Entrypoint)),
      ...optional('cmd', strings(run.Cmd)),
      env: strings(run.Env) ?? [],
      labels,
      exposedPorts: keysOf(run.ExposedPorts),
      volumes: keysOf(run.Volumes),
      ...optional('stopSignal', stringOf(run.StopSignal)),
    } as ImageConfigFacts,
    history: itemsOf(root.history).map((entry) => {
      const fields = fieldsOf(entry) ?? {};
      return {
        ...optional('created', stringOf(fields.created)),
        ...optional('createdBy', stringOf(fields.created_by)),
        ...optional('comment', stringOf(fields.comment)),
        emptyLayer: fields.empty_layer === true,
      };
    }),
  };
}

export type LayerChange = 'same' | 'removed' | 'added';

export interface LayerRow {
  change: LayerChange;
  digest: string;
  size: number;
}

export interface LayerComparison {
  rows: LayerRow[];
  /** Bytes of layers both images have (pulled once for both). */
  sharedBytes: number;
  /** Bytes only the left image has. */
  removedBytes: number;
  /** Bytes only the right image has (what pulling it after the left downloads). */
  addedBytes: number;
}

/**
 * Two images' layers in order, lined up by their longest common run of digests: the layers both
 * have, those only the left has (removed) and those only the right has (added), with bytes.
 */
export function compareLayers(
  left: readonly ImageLayer[],
  right: readonly ImageLayer[],
): LayerComparison {
  const n = left.length;
  const m = right.length;
  // Lengths of the longest common subsequence of each pair of suffixes.
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] =
        left[i]!.digest === right[j]!.digest
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const rows: LayerRow[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && left[i]!.digest === right[j]!.digest) {
      rows.push({ change: 'same', ...left[i]! });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      rows.push({ change: 'removed', ...left[i++]! });
    } else {
      rows.push({ change: 'added', ...right[j++]! });
    }
  }
  const bytes = (change: LayerChange) =>
    rows.filter((row) => row.change === change).reduce((sum, row) => sum + row.size, 0);
  return {
    rows,
    sharedBytes: bytes('same'),
    removedBytes: bytes('removed'),
    addedBytes: bytes('added'),
  };
}

export type ValueChange = 'same' | 'changed' | 'removed' | 'added';

export interface ValueRow {
  key: string;
  change: ValueChange;
  left?: string;
  right?: string;
}

/** Two maps of names to values (labels, or `KEY=value` environments), key by key. */
export function compareValues(
  left: Readonly<Record<string, string>>,
  right: Readonly<Record<string, string>>,
): ValueRow[] {
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return keys.map((key) => {
    const a = Object.hasOwn(left, key) ? left[key] : undefined;
    const b = Object.hasOwn(right, key) ? right[key] : undefined;
    const change: ValueChange =
      a === undefined ? 'added' : b === undefined ? 'removed' : a === b ? 'same' : 'changed';
    return {
      key,
      change,
      ...(a === undefined ? {} : { left: a }),
      ...(b === undefined ? {} : { right: b }),
    };
  });
}

/** An environment (`KEY=value` lines) as a map; a line without `=` is a key with no value. */
export function environmentOf(env: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const line of env) {
    const at = line.indexOf('=');
    map[at < 0 ? line : line.slice(0, at)] = at < 0 ? '' : line.slice(at + 1);
  }
  return map;
}

/** The run settings of two configs side by side, each as one line of text ('' when unset). */
export function compareSettings(left: ImageConfigFacts, right: ImageConfigFacts): ValueRow[] {
  const text = (facts: ImageConfigFacts): Record<string, string> => ({
    platform: [facts.os, facts.architecture, facts.variant].filter(Boolean).join('/'),
    entrypoint: facts.entrypoint ? JSON.stringify(facts.entrypoint) : '',
    cmd: facts.cmd ? JSON.stringify(facts.cmd) : '',
    user: facts.user ?? '',
    workingDir: facts.workingDir ?? '',
    exposedPorts: facts.exposedPorts.join(', '),
    volumes: facts.volumes.join(', '),
    stopSignal: facts.stopSignal ?? '',
    author: facts.author ?? '',
  });
  const a = text(left);
  const b = text(right);
  return Object.keys(a).map((key) => ({
    key,
    change: a[key] === b[key] ? 'same' : 'changed',
    left: a[key]!,
    right: b[key]!,
  }));
}
