import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './tabs.css';

export interface TabItem {
  key: string;
  label: ReactNode;
  children: ReactNode;
  disabled?: boolean | undefined;
}

/**
 * Tabs over one panel (WAI-ARIA tabs with manual activation: the arrow keys, Home and End move
 * between tabs, Enter or Space opens one, so a tab whose panel loads code or data is opened only
 * when asked for). Only the open tab's panel is rendered.
 */
export function Tabs({
  items,
  activeKey,
  defaultActiveKey,
  onChange,
  'aria-label': label,
}: {
  items: TabItem[];
  activeKey?: string | undefined;
  defaultActiveKey?: string | undefined;
  onChange?: ((key: string) => void) | undefined;
  'aria-label'?: string | undefined;
}) {
  const id = useId();
  const [own, setOwn] = useState(defaultActiveKey ?? items[0]?.key);
  const active = items.find((item) => item.key === (activeKey ?? own)) ?? items[0];
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const open = (key: string) => {
    if (activeKey === undefined) setOwn(key);
    if (key !== active?.key) onChange?.(key);
  };

  const move = (event: KeyboardEvent, index: number) => {
    const enabled = items.flatMap((item, i) => (item.disabled ? [] : [i]));
    const at = enabled.indexOf(index);
    const to = {
      ArrowRight: enabled[(at + 1) % enabled.length],
      ArrowLeft: enabled[(at - 1 + enabled.length) % enabled.length],
      Home: enabled[0],
      End: enabled[enabled.length - 1],
    }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    tabs.current[to]?.focus();
  };

  const tabId = (key: string) => `${id}-tab-${key}`;
  const panelId = `${id}-panel`;
  return (
    <div className="console-tabs">
      <div role="tablist" aria-label={label} className="console-tabs-list">
        {items.map((item, index) => {
          const selected = item.key === active?.key;
          return (
            <button
              key={item.key}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={tabId(item.key)}
              aria-selected={selected}
              aria-controls={selected ? panelId : undefined}
              tabIndex={selected ? 0 : -1}
              disabled={item.disabled}
              className="console-tabs-tab"
              onClick={() => open(item.key)}
              onKeyDown={(event) => move(event, index)}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {active ? (
        <div
          role="tabpanel"
          id={panelId}
          aria-labelledby={tabId(active.key)}
          className="console-tabs-panel"
        >
          {active.children}
        </div>
      ) : null}
    </div>
  );
}
