import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { antdStyles, cutSheet } from './antd-styles';

const require = createRequire(import.meta.url);
const sheet = readFileSync(require.resolve('antd/dist/antd.css'), 'utf8');
/** Every declaration block of a stylesheet, wherever it sits. */
const declarations = (css: string) => css.match(/\{[^{}]*\}/g) ?? [];

describe("antd's stylesheet cut along its components", () => {
  const parts = cutSheet(sheet);

  it('when the sheet is cut, then every rule is in exactly one part and nothing is added', () => {
    const whole = declarations(sheet).sort();
    const cut = [...parts.values()].flatMap(declarations).sort();
    expect(cut).toEqual(whole);
  });

  it('when a rule names a component, then it goes with that component, the longest name winning', () => {
    expect(parts.get('btn')).toContain('.ant-btn');
    expect(parts.get('input-number')).toContain('.ant-input-number');
    expect(parts.get('input')).not.toContain('.ant-input-number{');
    expect(parts.get('table')).toContain('.ant-table-wrapper');
    expect(parts.get('base')).toMatch(/@keyframes/);
    expect(parts.get('base')).toContain('.ant-slide-up-enter');
  });

  it('when a module imports antd components, then it imports their styles and those of what they render', () => {
    const plugin = antdStyles();
    const transform = plugin.transform as (code: string, id: string) => string | undefined;
    const code = "import { Table, type TableProps } from 'antd';\nexport const x = Table;\n";
    const out = transform.call({}, code, '/app/src/x.tsx')!;
    for (const family of ['table', 'pagination', 'spin', 'checkbox', 'dropdown'])
      expect(out).toContain(`import 'virtual:antd-style/${family}.css';`);
    expect(out).not.toContain('virtual:antd-style/picker.css');
    expect(out.endsWith(code)).toBe(true);
    expect(transform.call({}, "import type { ButtonProps } from 'antd';\n", '/app/src/y.ts')).toBe(
      undefined,
    );
  });

  it('when a module imports the sheet and components, then the base comes first and the sheet goes', () => {
    const plugin = antdStyles();
    const transform = plugin.transform as (code: string, id: string) => string | undefined;
    const code = "import 'antd/dist/antd.css';\nimport { Button } from 'antd';\n";
    const out = transform.call({}, code, '/app/src/themed.tsx')!;
    const lines = out.split('\n');
    expect(lines[0]).toBe("import 'virtual:antd-style/base.css';");
    expect(lines.slice(1)).toContain("import 'virtual:antd-style/btn.css';");
    expect(out).not.toContain('antd/dist/antd.css');
    expect(out).toContain("import { Button } from 'antd';");
  });

  it('when a module imports antd’s message or notification API, then it imports their styles', () => {
    const plugin = antdStyles();
    const transform = plugin.transform as (code: string, id: string) => string | undefined;
    const out = transform.call({}, "import { message, theme } from 'antd';\n", '/app/src/t.tsx')!;
    expect(out).toContain("import 'virtual:antd-style/message.css';");
    expect(out).not.toContain('virtual:antd-style/theme.css');
  });
});
