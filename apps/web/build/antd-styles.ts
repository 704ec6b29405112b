import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * antd's styles, cut along its components: each module that imports antd components brings the
 * styles of those components (and of the components they render) as CSS of its own chunk, so a
 * page loads the styles it uses instead of the whole prebuilt sheet.
 *
 * antd's prebuilt stylesheet (zero-runtime mode) is one run of rules per component, each rule
 * naming its component's class (`.ant-btn…`, `.ant-table…`). A rule belongs to the component
 * whose class it names first; rules that name none (the reset, icons, theme variables, motion
 * keyframes) are the base every page loads.
 */

const require = createRequire(import.meta.url);
const ANTD_ES = path.join(path.dirname(require.resolve('antd/package.json')), 'es');
const SHEET = path.join(path.dirname(ANTD_ES), 'dist', 'antd.css');
const VIRTUAL = 'virtual:antd-style/';

/** Class families whose names differ from antd's folder for the component. */
const FAMILIES_OF_FOLDER: Record<string, string[]> = {
  button: ['btn'],
  'date-picker': ['picker'],
  'time-picker': ['picker'],
  'float-button': ['float-btn'],
  grid: ['row', 'col'],
  'qr-code': ['qrcode'],
  input: ['input', 'otp'],
};

/** What a folder renders through hooks rather than imports of components (App's message etc.). */
const RENDERS: Record<string, string[]> = { app: ['message', 'notification', 'modal'] };
/** antd's exports in lower case that draw something (the rest, like `theme`, draw nothing). */
const DRAWING_APIS = new Set(['message', 'notification']);

/** antd's shared machinery: imported by most components, rendering none of their own. */
const MACHINERY = new Set(['_util', 'config-provider', 'theme', 'locale', 'style', 'version']);

/** Class families of antd's shared motions and click wave: small, used by most; in the base. */
const MOTION = /^(slide|zoom|fade|move|collapse-motion|wave)(-|$)/;

/** Splits CSS into its top-level blocks (rules and at-rules), strings and nesting respected. */
function blocks(css: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      found.push(css.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  return found;
}

/** The component families of the sheet, longest first, so `input-number` wins over `input`. */
function familiesIn(css: string): string[] {
  const names = new Set<string>();
  for (const folder of readdirSync(ANTD_ES)) {
    if (statSync(path.join(ANTD_ES, folder)).isDirectory())
      for (const family of FAMILIES_OF_FOLDER[folder] ?? [folder]) names.add(family);
  }
  return [...names]
    .filter((name) => css.includes(`.ant-${name}`))
    .sort((a, b) => b.length - a.length);
}

/** The family a rule belongs to: the first antd class it names, matched to a family. */
function familyOf(selector: string, families: string[]): string | undefined {
  const match = /\.ant-([a-z][a-z0-9-]*)/.exec(selector);
  if (!match) return undefined;
  const name = match[1]!;
  if (MOTION.test(name)) return undefined;
  return families.find((family) => name === family || name.startsWith(`${family}-`));
}

/** The sheet cut into the base and one CSS text per family, each in the sheet's order. */
export function cutSheet(css: string): Map<string, string> {
  const families = familiesIn(css);
  const parts = new Map<string, string[]>();
  const add = (family: string, text: string) => {
    const list = parts.get(family) ?? [];
    list.push(text);
    parts.set(family, list);
  };
  for (const block of blocks(css)) {
    const head = block.slice(0, block.indexOf('{')).trim();
    if (/^@(media|supports|container)/.test(head)) {
      // A conditional block holds rules of several components: each goes with its own.
      const inner = blocks(block.slice(block.indexOf('{') + 1, -1));
      const byFamily = new Map<string, string[]>();
      for (const rule of inner) {
        const family = familyOf(rule.slice(0, rule.indexOf('{')), families) ?? 'base';
        byFamily.set(family, [...(byFamily.get(family) ?? []), rule]);
      }
      for (const [family, rules] of byFamily) add(family, `${head}{${rules.join('')}}`);
    } else if (head.startsWith('@')) add('base', block);
    else add(familyOf(head, families) ?? 'base', block);
  }
  return new Map([...parts].map(([family, list]) => [family, list.join('')]));
}

/** antd's folders a folder's code imports, transitively: the components it renders. */
function folderClosure(start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (folder: string) => {
    if (
      seen.has(folder) ||
      MACHINERY.has(folder) ||
      !statSync(path.join(ANTD_ES, folder), { throwIfNoEntry: false })
    )
      return;
    seen.add(folder);
    (RENDERS[folder] ?? []).forEach(visit);
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) {
          if (entry !== 'style' && entry !== 'locale') walk(full);
        } else if (entry.endsWith('.js')) {
          for (const match of readFileSync(full, 'utf8').matchAll(
            /from ['"](\.\.?\/[^'"]+)['"]/g,
          )) {
            const target = path.relative(ANTD_ES, path.resolve(path.dirname(full), match[1]!));
            const [folder = '', ...rest] = target.split(path.sep);
            // A component (`../button`, `../input/TextArea`) is rendered; a helper
            // (`../color-picker/util`) is not, and brings no styles.
            const module = rest.join('/').replace(/\.js$/, '');
            const component =
              rest.length === 0 ||
              (/^(index|[A-Z]\w*)$/.test(module) && !module.endsWith('Context'));
            if (folder && !folder.startsWith('..') && component) visit(folder);
          }
        }
      }
    };
    walk(path.join(ANTD_ES, folder));
  };
  visit(start);
  return seen;
}

/** antd's folder of an exported component: `InputNumber` → `input-number`. */
function folderOf(exported: string): string {
  return exported.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

export function antdStyles(): Plugin {
  let sheet: Map<string, string> | undefined;
  const familiesFor = new Map<string, string[]>();
  const cut = () => (sheet ??= cutSheet(readFileSync(SHEET, 'utf8')));
  /** The families whose styles a component needs: its own and those of what it renders. */
  const needs = (exported: string): string[] => {
    let families = familiesFor.get(exported);
    if (!families) {
      const folders = folderClosure(folderOf(exported));
      families = [...folders]
        .flatMap((folder) => FAMILIES_OF_FOLDER[folder] ?? [folder])
        .filter((family) => cut().has(family))
        .sort();
      familiesFor.set(exported, families);
    }
    return families;
  };
  return {
    name: 'swr-console-antd-styles',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? id : undefined;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return undefined;
      const family = id.slice(VIRTUAL.length, -'.css'.length);
      return cut().get(family) ?? '';
    },
    transform(code, id) {
      if (id.includes('node_modules') || !/\.(tsx?|jsx?)$/.test(id)) return undefined;
      const families = new Set<string>();
      for (const match of code.matchAll(/import\s+\{([^}]*)\}\s+from\s+['"]antd['"]/g)) {
        for (const part of match[1]!.split(',')) {
          const name = part
            .trim()
            .split(/\s+as\s+/)[0]!
            .trim();
          if (name && !name.startsWith('type ') && (/^[A-Z]/.test(name) || DRAWING_APIS.has(name)))
            needs(name).forEach((family) => families.add(family));
        }
      }
      const imports = [...families].map((family) => `import '${VIRTUAL}${family}.css';`);
      // The base goes first, so that component styles come after it in the cascade.
      const withBase = code.replace("import 'antd/dist/antd.css';", '');
      if (withBase !== code) imports.unshift(`import '${VIRTUAL}base.css';`);
      return imports.length > 0 ? `${imports.join('\n')}\n${withBase}` : undefined;
    },
  };
}
