import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A value from another process is read through a schema, not typed with `as`. This searches the
// apps and packages for casts on parsed JSON, request parts and upstream answers; the few that stay are listed,
// with the reason, in docs/changes.md ("Values from outside").
const CASTS = [
  /JSON\.parse\([^;]*?\)\)? as (?!unknown\b)/,
  /\.json\(\)\)? as /,
  /\.json<[^>]+>\(\)/,
  /\b(req|request)\.(body|query|params|headers)\b[^;]*? as (?!const\b)/,
  /\b(envelope|payload|answer|response|parsed|entries)\)? as (?!const\b|unknown\b)/,
  /readJson\([^;]*?\)\)? as /,
  /\.(resource_detail|key_spec|metadata|definition|rules)\)? as (?!const\b|unknown\b)/,
  /\b(body|data|payload|json)\)? as (?!const\b|unknown\b)/,
];

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!['testing', 'node_modules', 'dist'].includes(name)) yield* sources(full);
    } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield full;
  }
}

function found(): { file: string; line: string }[] {
  const hits: { file: string; line: string }[] = [];
  const roots = ['apps', 'packages'].flatMap((dir) =>
    readdirSync(dir).map((name) => path.join(dir, name, 'src')),
  );
  for (const root of roots)
    for (const file of sources(root))
      for (const line of readFileSync(file, 'utf8').split('\n'))
        if (!/^\s*(\/\/|\*|\/\*)/.test(line) && CASTS.some((cast) => cast.test(line)))
          hits.push({ file, line: line.trim() });
  return hits;
}

function documented(): { file: string; cast: string }[] {
  const doc = readFileSync('docs/changes.md', 'utf8');
  const section = doc.slice(doc.indexOf('## Values from outside'));
  return [...section.matchAll(/^\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|/gm)].map(([, file, cast]) => ({
    file: file!,
    cast: cast!,
  }));
}

describe('values from outside', () => {
  it('when a cast on a value from another process is found, then it is one the docs list and explain', () => {
    const allowed = documented();
    const unexplained = found().filter(
      (hit) => !allowed.some((a) => a.file === hit.file && hit.line.includes(a.cast)),
    );
    expect(unexplained).toEqual([]);
  });

  it('when the docs list a cast, then it is still there', () => {
    const hits = found();
    const stale = documented().filter(
      (a) => !hits.some((hit) => hit.file === a.file && hit.line.includes(a.cast)),
    );
    expect(stale).toEqual([]);
  });

  it('when a boundary cast is written, then the search finds it; a cast of the page’s own values it leaves', () => {
    const finds = (line: string) => CASTS.some((cast) => cast.test(line));
    expect(finds('const session = JSON.parse(text) as Session;')).toBe(true);
    expect(finds('const input = req.body as Input;')).toBe(true);
    expect(finds('return (await response.json()) as Answer;')).toBe(true);
    expect(finds('const kind = event.target.value as Kind;')).toBe(false);
  });
});
