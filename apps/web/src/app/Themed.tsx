// antd's sheet: the build keeps only its base here (reset of antd's own elements, icons, motions,
// theme variables); each component's styles go with the chunk that uses it
// (build/antd-styles.ts). Pages without antd (the sign-in page) never load it.
import 'antd/dist/antd.css';
import './antd-overrides.css';
import { ConfigProvider, theme as antTheme } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { useAntdLocale } from '../shared/i18n';
import { useTheme } from '../shared/theme';

/** The class antd's theme variables are declared on. */
const ANTD_VARS = 'console-antd';

/** Whether an ancestor already provides the theme: a nested `Themed` adds nothing. */
const ThemedAbove = createContext(false);

/**
 * antd with the console's theme, in the language shown. Only what uses antd is wrapped in it
 * (the shell and its pages, the error and not-found pages), so the entry and the sign-in page
 * load neither antd nor its styles.
 */
export function Themed({ children }: { children: ReactNode }) {
  const above = useContext(ThemedAbove);
  const antdLocale = useAntdLocale();
  const { dark, reducedMotion } = useTheme();
  if (above) return children;
  return (
    <ThemedAbove value={true}>
      <ConfigProvider
        // antd speaks English unless told otherwise.
        locale={antdLocale}
        // antd spaces out two-character Chinese labels ("登 录"); screen readers then read them apart.
        button={{ autoInsertSpace: false }}
        theme={{
          // Component styles come from antd's prebuilt stylesheet (cut per component by the build,
          // build/antd-styles.ts) rather than being generated in the page at run time; only the
          // theme's variables are computed here.
          zeroRuntime: true,
          // The theme's variables hang on this class: the wrapper below carries it, so the
          // console's own components (tables, tabs, inputs) read them as antd's do.
          cssVar: { key: ANTD_VARS },
          algorithm: dark ? antTheme.darkAlgorithm : antTheme.defaultAlgorithm,
          // antd's secondary and tertiary text fall short of WCAG's 4.5:1; these reach it.
          token: {
            motion: !reducedMotion,
            ...(dark
              ? {
                  colorPrimary: '#e8454e',
                  colorLink: '#69b1ff',
                  colorError: '#ff7875',
                  colorTextDescription: 'rgba(255,255,255,0.72)',
                  colorTextTertiary: 'rgba(255,255,255,0.72)',
                }
              : {
                  colorPrimary: '#c7000b',
                  colorLink: '#0958d9',
                  colorError: '#c41d1f',
                  colorTextDescription: 'rgba(0,0,0,0.68)',
                  colorTextTertiary: 'rgba(0,0,0,0.68)',
                }),
          },
          // The dark algorithm darkens the primary colour, so the selected tab's red falls short of
          // 4.5:1 on the black layout: tabs take a lighter red there. A danger button's light red
          // (readable as text on black) is too light behind white words: they are dark there.
          components: dark
            ? {
                Tabs: { itemSelectedColor: '#ff7875', itemActiveColor: '#ff7875' },
                Button: { dangerColor: 'rgba(0,0,0,0.88)' },
              }
            : undefined,
        }}
      >
        <div className={ANTD_VARS} style={{ display: 'contents' }}>
          {children}
        </div>
      </ConfigProvider>
    </ThemedAbove>
  );
}
