import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AdvisoryError,
  loadAdvisories,
  parseAdvisory,
  severityOfAdvisory,
  type Advisory,
} from './advisories.js';

const fixedIn = (advisory: Advisory | undefined, ecosystem: string) =>
  advisory?.affected
    .find((entry) => entry.package.ecosystem === ecosystem)
    ?.ranges[0]?.events.flatMap((event) => ('fixed' in event ? [event.fixed] : []));

const byId = (id: string) => loadAdvisories().find((advisory) => advisory.id === id);

describe('the advisories kept with swr-local', () => {
  it('when the folder is loaded, then every file is a valid advisory with a CVE and its sources', () => {
    const advisories = loadAdvisories();
    expect(advisories.length).toBeGreaterThanOrEqual(8);
    expect(new Set(advisories.map((advisory) => advisory.id)).size).toBe(advisories.length);
    for (const advisory of advisories) {
      expect(advisory.aliases.some((alias) => alias.startsWith('CVE-'))).toBe(true);
      const urls = advisory.references.map((reference) => reference.url);
      expect(urls).toContain(`https://osv.dev/vulnerability/${advisory.id}`);
      expect(severityOfAdvisory(advisory).vector).toMatch(/^CVSS:3\.1\//);
    }
  });

  it('when loaded twice, then the folder is read once', () => {
    expect(loadAdvisories()).toBe(loadAdvisories());
  });

  it('when the published fixes are looked up, then they are the distributions\u2019 own', () => {
    expect(fixedIn(byId('DSA-5514-1'), 'Debian:12')).toEqual(['2.36-9+deb12u3']);
    expect(fixedIn(byId('DSA-5514-1'), 'Debian:11')).toEqual(['2.31-13+deb11u7']);
    expect(fixedIn(byId('DSA-5218-1'), 'Debian:11')).toEqual(['1:1.2.11.dfsg-2+deb11u2']);
    expect(fixedIn(byId('DSA-5343-1'), 'Debian:11')).toEqual(['1.1.1n-0+deb11u4']);
    expect(fixedIn(byId('DSA-5532-1'), 'Debian:12')).toEqual(['3.0.11-1~deb12u2']);
    expect(fixedIn(byId('DEBIAN-CVE-2023-38545'), 'Debian:12')).toEqual(['7.88.1-10+deb12u4']);
    expect(fixedIn(byId('ALPINE-CVE-2022-37434'), 'Alpine:v3.16')).toEqual(['1.2.12-r2']);
    expect(fixedIn(byId('ALPINE-CVE-2023-0286'), 'Alpine:v3.17')).toEqual(['3.0.8-r0']);
    expect(fixedIn(byId('ALPINE-CVE-2023-38545'), 'Alpine:v3.18')).toEqual(['8.4.0-r0']);
    expect(fixedIn(byId('ALPINE-CVE-2023-5363'), 'Alpine:v3.18')).toEqual(['3.1.4-r0']);
  });

  it('when severities are computed from the vectors, then they are NVD\u2019s ratings', () => {
    expect(severityOfAdvisory(byId('DSA-5514-1')!)).toMatchObject({ severity: 'High', score: 7.8 });
    expect(severityOfAdvisory(byId('DSA-5218-1')!)).toMatchObject({
      severity: 'Critical',
      score: 9.8,
    });
    expect(severityOfAdvisory(byId('ALPINE-CVE-2023-0286')!)).toMatchObject({
      severity: 'High',
      score: 7.4,
    });
  });
});

const minimal = {
  id: 'TEST-2024-0001',
  modified: '2024-01-01T00:00:00Z',
  affected: [
    {
      package: { ecosystem: 'Debian:12', name: 'glibc' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.36-9+deb12u3' }] }],
    },
  ],
};

const parse = (value: unknown, file = 'TEST-2024-0001.json') =>
  parseAdvisory(JSON.stringify(value), file);

describe('advisory files', () => {
  it('when a file has only the required fields, then the rest default', () => {
    expect(parse(minimal)).toMatchObject({
      aliases: [],
      summary: '',
      details: '',
      references: [],
      severity: [],
    });
  });

  it.each([
    ['not JSON', '{ "id": ', /not JSON/],
    ['no id', JSON.stringify({ ...minimal, id: undefined }), /id/],
    ['no affected package', JSON.stringify({ ...minimal, affected: [] }), /affected/],
    [
      'an ecosystem the scanner cannot compare',
      JSON.stringify({
        ...minimal,
        affected: [{ ...minimal.affected[0], package: { ecosystem: 'Debian 12', name: 'x' } }],
      }),
      /ecosystem/,
    ],
    [
      'a range without "introduced"',
      JSON.stringify({
        ...minimal,
        affected: [
          {
            package: minimal.affected[0]!.package,
            ranges: [{ type: 'ECOSYSTEM', events: [{ fixed: '1' }] }],
          },
        ],
      }),
      /introduced/,
    ],
    [
      'an event with two versions',
      JSON.stringify({
        ...minimal,
        affected: [
          {
            package: minimal.affected[0]!.package,
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0', fixed: '1' }] }],
          },
        ],
      }),
      /events/,
    ],
    [
      'a broken CVSS vector',
      JSON.stringify({ ...minimal, severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N' }] }),
      /CVSS/,
    ],
    [
      'a modified date that is no date',
      JSON.stringify({ ...minimal, modified: 'yesterday' }),
      /modified/,
    ],
  ])('when a file has %s, then loading it is an error naming the file', (_, text, message) => {
    expect(() => parseAdvisory(text, 'advisories/TEST-2024-0001.json')).toThrow(AdvisoryError);
    expect(() => parseAdvisory(text, 'advisories/TEST-2024-0001.json')).toThrow(
      /^advisories\/TEST-2024-0001\.json: /,
    );
    expect(() => parseAdvisory(text, 'advisories/TEST-2024-0001.json')).toThrow(message);
  });

  it('when a file is not named by its id, then it is an error', () => {
    expect(() => parse(minimal, 'OTHER.json')).toThrow(/named by its id/);
  });

  describe('a folder with a bad file', () => {
    let dir: string;
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('when the folder is loaded, then the load fails naming the bad file', () => {
      dir = mkdtempSync(path.join(tmpdir(), 'advisories-'));
      writeFileSync(path.join(dir, 'TEST-2024-0001.json'), JSON.stringify(minimal));
      writeFileSync(path.join(dir, 'TEST-2024-0002.json'), '{"id": "TEST-2024-0002"}');
      writeFileSync(path.join(dir, 'README.md'), '# not an advisory');
      expect(() => loadAdvisories(dir)).toThrow(/TEST-2024-0002\.json/);
    });
  });
});

describe('severity without a vector', () => {
  it('when an advisory has only database_specific.severity, then that word is its severity', () => {
    expect(
      severityOfAdvisory(parse({ ...minimal, database_specific: { severity: 'MEDIUM' } })),
    ).toEqual({
      severity: 'Medium',
    });
  });

  it('when it has neither, or only a vector of another kind, then it is Unknown', () => {
    expect(severityOfAdvisory(parse(minimal))).toEqual({ severity: 'Unknown' });
    const v2 = { ...minimal, severity: [{ type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' }] };
    expect(severityOfAdvisory(parse(v2))).toEqual({ severity: 'Unknown' });
  });
});
