import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../i18n';
import { scrollIntoList, useOutsidePress, usePopupPosition, useTypeahead } from '../popup/popup';
import './select.css';

export interface SelectOption<V extends string | number> {
  value: V;
  label: ReactNode;
  disabled?: boolean;
}

interface CommonProps<V extends string | number> {
  value?: V;
  options: readonly SelectOption<V>[];
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'aria-describedby'?: string;
  /** The combobox's id. */
  id?: string;
  /** What shows while no option is chosen. */
  placeholder?: ReactNode;
  disabled?: boolean;
  style?: CSSProperties;
  className?: string;
  /** 32 px high (default), or 24 px. */
  size?: 'small' | 'middle';
}

export type SelectProps<V extends string | number> = CommonProps<V> &
  (
    | { allowClear?: false; onChange: (value: V) => void }
    /** A clear button beside the choice: choosing nothing is a value of its own. */
    | { allowClear: true; onChange: (value: V | undefined) => void }
  );

/** Rows a Page Up or Page Down moves past. */
const PAGE = 10;

/** The text of an option that type-ahead looks for. */
function textOf(option: SelectOption<string | number>): string {
  const { label, value } = option;
  return typeof label === 'string' || typeof label === 'number' ? String(label) : String(value);
}

function Chevron() {
  return (
    <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden>
      <path d="m2 4.25 4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.3" />
    </svg>
  );
}

/**
 * The console's select of one value: a select-only combobox (WAI-ARIA APG) whose list opens
 * under it, drawn into the page's body. Focus stays on the combobox; the option moved to by the
 * arrows, Home, End, Page Up, Page Down or by typing its first letters is its active descendant.
 * It replaces antd's select, which brought select, virtual list and trigger to the shell.
 */
export function Select<V extends string | number>(props: SelectProps<V>) {
  const {
    value,
    options,
    id,
    placeholder,
    disabled = false,
    style,
    className,
    size = 'middle',
    'aria-label': label,
    'aria-labelledby': labelledBy,
    'aria-describedby': describedBy,
  } = props;
  const t = useT();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const typeahead = useTypeahead();
  usePopupPosition(open, box, list, { matchWidth: true });
  useOutsidePress(open, [box, list], () => setOpen(false));

  const selected = options.findIndex((option) => option.value === value);
  const enabled = (index: number) => index >= 0 && !options[index]?.disabled;
  /** The first option that can be chosen from `index` on, going `step` (1 or -1). */
  const nearest = (index: number, step: 1 | -1): number | undefined => {
    for (let at = index; at >= 0 && at < options.length; at += step) if (enabled(at)) return at;
    return undefined;
  };
  const first = () => nearest(0, 1) ?? -1;
  const last = () => nearest(options.length - 1, -1) ?? -1;
  const optionId = (index: number) => `${listId}-${index}`;

  // The active option stays in view as the keyboard moves it.
  useLayoutEffect(() => {
    if (open && active >= 0)
      scrollIntoList(list.current, list.current?.children[active] as HTMLElement | null);
  }, [open, active]);

  const show = (at: number) => {
    if (options.length === 0) return;
    setOpen(true);
    setActive(at);
  };
  const choose = (index: number) => {
    setOpen(false);
    const option = options[index];
    if (option && !option.disabled && option.value !== value) props.onChange(option.value);
  };
  const clear = () => {
    if (props.allowClear) props.onChange(undefined);
    box.current?.focus();
  };
  /** The option typed characters lead to from `from`, if any. */
  const typed = (char: string, from: number) =>
    typeahead.find(char, options.map(textOf), from, (index) => !enabled(index));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (disabled) return;
    const { key, altKey, ctrlKey, metaKey } = event;
    const printable = key.length === 1 && !altKey && !ctrlKey && !metaKey;
    // A space while typing a search is part of the search, not a choice.
    const searching = printable && (key !== ' ' || typeahead.typing());
    const handled = () => event.preventDefault();
    if (!open) {
      if (searching) {
        handled();
        show(typed(key, selected) ?? (enabled(selected) ? selected : first()));
      } else if (['ArrowDown', 'ArrowUp', 'Enter', ' '].includes(key)) {
        handled();
        show(enabled(selected) ? selected : first());
      } else if (key === 'Home' || key === 'End') {
        handled();
        show(key === 'Home' ? first() : last());
      }
      return;
    }
    const move = (to: number | undefined) => {
      handled();
      if (to !== undefined && to >= 0) setActive(to);
    };
    if (searching) move(typed(key, active));
    else if (key === 'ArrowUp' && altKey) {
      handled();
      choose(active);
    } else if (key === 'ArrowDown' && !altKey) move(nearest(active + 1, 1));
    else if (key === 'ArrowUp') move(nearest(active - 1, -1));
    else if (key === 'Home') move(first());
    else if (key === 'End') move(last());
    else if (key === 'PageDown') {
      const to = Math.min(active + PAGE, options.length - 1);
      move(nearest(to, -1) ?? nearest(to, 1));
    } else if (key === 'PageUp') {
      const to = Math.max(active - PAGE, 0);
      move(nearest(to, 1) ?? nearest(to, -1));
    } else if (key === 'Enter' || key === ' ') {
      handled();
      choose(active);
    } else if (key === 'Escape') {
      // Closes the list only, not a dialog the select is in.
      handled();
      event.stopPropagation();
      setOpen(false);
    } else if (key === 'Tab') {
      // The browser then moves focus on as usual.
      choose(active);
    }
  };

  const clearable = props.allowClear === true && !disabled && selected >= 0;
  return (
    <div
      className={`console-select console-select-${size}${className ? ` ${className}` : ''}`}
      style={style}
      data-clearable={clearable || undefined}
    >
      <div
        ref={box}
        id={id}
        role="combobox"
        className="console-select-box"
        tabIndex={disabled ? undefined : 0}
        aria-label={label}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-disabled={disabled || undefined}
        onClick={() => {
          if (disabled) return;
          if (open) setOpen(false);
          else show(enabled(selected) ? selected : first());
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      >
        <span className="console-select-value">
          {selected >= 0 ? (
            options[selected]!.label
          ) : (
            <span className="console-select-placeholder">{placeholder}</span>
          )}
        </span>
        <span className="console-select-arrow">
          <Chevron />
        </span>
      </div>
      {clearable ? (
        <button
          type="button"
          className="console-select-clear"
          aria-label={t('select.clear')}
          onClick={clear}
        >
          <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden>
            <circle cx="6" cy="6" r="6" fill="currentColor" />
            <path d="m4 4 4 4m0-4-4 4" stroke="var(--console-surface)" strokeWidth="1.3" />
          </svg>
        </button>
      ) : null}
      {open
        ? createPortal(
            <ul
              ref={list}
              id={listId}
              role="listbox"
              className="console-select-list"
              aria-label={label}
              aria-labelledby={labelledBy}
              // Pressing on the list keeps focus on the combobox.
              onMouseDown={(event) => event.preventDefault()}
            >
              {options.map((option, index) => (
                <li
                  key={option.value}
                  id={optionId(index)}
                  role="option"
                  className="console-select-option"
                  aria-selected={index === selected}
                  aria-disabled={option.disabled || undefined}
                  title={typeof option.label === 'string' ? option.label : undefined}
                  data-active={index === active || undefined}
                  onMouseMove={() => {
                    if (index !== active && enabled(index)) setActive(index);
                  }}
                  onClick={() => {
                    if (enabled(index)) choose(index);
                  }}
                >
                  {option.label}
                </li>
              ))}
            </ul>,
            document.body,
          )
        : null}
    </div>
  );
}
