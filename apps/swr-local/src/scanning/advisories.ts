import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { cvssBaseScore } from './cvss.js';
import { severityOfLabel, severityOfScore, type Severity } from './severity.js';

/** The advisories kept with swr-local: one OSV JSON file per advisory (see its README). */
export const ADVISORIES_DIR = fileURLToPath(new URL('../../advisories/', import.meta.url));

/** OSV ecosystems the scanner compares versions of: a release (`Debian:12`, `Alpine:v3.18`) or all. */
const ECOSYSTEM = /^(?:Debian(?::\d+)?|Alpine(?::v\d+\.\d+)?)$/;

const event = z.union([
  z.strictObject({ introduced: z.string().min(1) }),
  z.strictObject({ fixed: z.string().min(1) }),
  z.strictObject({ last_affected: z.string().min(1) }),
]);
export type RangeEvent = z.output<typeof event>;

const range = z
  .looseObject({ type: z.string(), events: z.array(event).min(1) })
  .refine((r) => r.events.some((e) => 'introduced' in e), {
    message: 'a range needs an "introduced" event',
  });

const affected = z.looseObject({
  package: z.looseObject({
    ecosystem: z.string().regex(ECOSYSTEM, 'an ecosystem such as "Debian:12" or "Alpine:v3.18"'),
    name: z.string().min(1),
  }),
  ranges: z.array(range).default([]),
  versions: z.array(z.string()).default([]),
});
export type Affected = z.output<typeof affected>;

const severity = z
  .looseObject({ type: z.string(), score: z.string() })
  .refine((s) => s.type !== 'CVSS_V3' || cvssBaseScore(s.score) !== undefined, {
    message: 'not a CVSS v3 vector',
  });

/** The part of the OSV schema (1.6) the scanner reads; other fields are kept but not checked. */
const advisorySchema = z.looseObject({
  id: z.string().regex(/^[A-Z][A-Za-z0-9._:-]*$/, 'an OSV id such as DSA-5514-1'),
  modified: z.iso.datetime(),
  published: z.iso.datetime().optional(),
  aliases: z.array(z.string()).default([]),
  summary: z.string().default(''),
  details: z.string().default(''),
  affected: z.array(affected).min(1),
  references: z.array(z.looseObject({ type: z.string(), url: z.url() })).default([]),
  severity: z.array(severity).default([]),
  database_specific: z.record(z.string(), z.unknown()).optional(),
});
export type Advisory = z.output<typeof advisorySchema>;

/** An advisory file that is not a valid advisory; the message names the file. */
export class AdvisoryError extends Error {
  override readonly name = 'AdvisoryError';
}

/** Reads one advisory file's text; throws `AdvisoryError` naming `file` when it is not valid. */
export function parseAdvisory(text: string, file: string): Advisory {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AdvisoryError(`${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = advisorySchema.safeParse(json);
  if (!parsed.success) {
    throw new AdvisoryError(`${file}: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}`);
  }
  if (path.basename(file) !== `${parsed.data.id}.json`) {
    throw new AdvisoryError(
      `${file}: an advisory's file is named by its id (${parsed.data.id}.json)`,
    );
  }
  return parsed.data;
}

const loaded = new Map<string, readonly Advisory[]>();

/**
 * Every advisory of a folder (`*.json`, by file name), read and checked once per folder: a
 * malformed file stops the load with an `AdvisoryError` naming it, never a scan half-informed.
 */
export function loadAdvisories(dir: string = ADVISORIES_DIR): readonly Advisory[] {
  const cached = loaded.get(dir);
  if (cached) return cached;
  const advisories = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      return parseAdvisory(readFileSync(file, 'utf8'), file);
    });
  loaded.set(dir, advisories);
  return advisories;
}

/** How severe an advisory is, and the CVSS v3 score and vector that say so when it has one. */
export interface AdvisorySeverity {
  severity: Severity;
  score?: number;
  vector?: string;
}

/**
 * An advisory's severity: computed from its first CVSS v3 vector, else the word in
 * `database_specific.severity`, else `Unknown`.
 */
export function severityOfAdvisory(advisory: Advisory): AdvisorySeverity {
  for (const entry of advisory.severity) {
    const score = entry.type === 'CVSS_V3' ? cvssBaseScore(entry.score) : undefined;
    if (score !== undefined)
      return { severity: severityOfScore(score), score, vector: entry.score };
  }
  return { severity: severityOfLabel(advisory.database_specific?.severity) ?? 'Unknown' };
}
