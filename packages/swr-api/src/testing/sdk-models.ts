import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Reads the official Node SDK's request models: for each class reachable from an operation's
 * `…Request`, which `with…` setter writes which wire field, and which model class the setter
 * takes. `rules/sdk-models.ts` is this table written out, so a browser can write SDK snippets
 * without the SDK; a test fails when the two differ.
 */
export function readSdkModels(): Record<string, Record<string, string>> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@huaweicloud/huaweicloud-sdk-swr/v2/SwrClient.js'));
  const clientText = readFileSync(join(root, 'SwrClient.js'), 'utf8');
  const operations = [...clientText.matchAll(/^ {4}(\w+)\((\w+)Request\) \{$/gm)].map(
    (match) => `${match[1]![0]!.toUpperCase()}${match[1]!.slice(1)}Request`,
  );

  const table: Record<string, Record<string, string>> = {};
  const pending = [...new Set(operations)];
  while (pending.length > 0) {
    const name = pending.shift()!;
    if (table[name]) continue;
    const script = readFileSync(join(root, 'model', `${name}.js`), 'utf8');
    const types = readFileSync(join(root, 'model', `${name}.d.ts`), 'utf8');
    const fields: Record<string, string> = {};
    for (const [, setter, argument] of script.matchAll(/^ {4}(with\w+)\((\w+)\) \{$/gm)) {
      const wire = new RegExp(`^ {8}this\\['([^']+)'\\] = ${argument!};$`, 'm');
      const assigned = script.slice(script.indexOf(`${setter!}(${argument!}) {`)).match(wire);
      if (!assigned || assigned[1] === 'Content-Type') continue;
      const declared = types.match(new RegExp(`${setter!}\\(\\w+: ([^)]+)\\): ${name};`));
      const model = declared?.[1]!.match(/^(?:Array<)?([A-Z]\w*)>?$/);
      const isModel = model && !model[1]!.endsWith('Enum');
      if (isModel) pending.push(model[1]!);
      const type = isModel ? `:${model[1]!}${declared![1]!.startsWith('Array<') ? '[]' : ''}` : '';
      fields[assigned[1]!] = `${setter!}${type}`;
    }
    table[name] = fields;
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
}

/** The source of `rules/sdk-models.ts` for a table (the formatter then lays it out). */
export function sdkModelsSource(table: Record<string, Record<string, string>>, version: string) {
  return `// Written by \`UPDATE_SDK_MODELS=1 npx vitest run sdk-models\` from the official Node SDK's
// models; a test fails when they differ. Per model class: wire field → the \`with…\` setter that
// writes it, and after a colon the model class the setter takes (\`[]\` for an array of them).
export const SDK_PACKAGE = '@huaweicloud/huaweicloud-sdk-swr';
export const SDK_VERSION = '${version}';

export const sdkModels: Readonly<Record<string, Readonly<Record<string, string>>>> = ${JSON.stringify(table, null, 2)};
`;
}
