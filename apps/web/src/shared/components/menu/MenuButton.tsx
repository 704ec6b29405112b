import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { useOutsidePress, usePopupPosition, useTypeahead } from '../popup/popup';
import '../popup/popup.css';
import './menu.css';

export interface MenuItem<K extends string> {
  key: K;
  /** Words, so typing their first letter finds the item. */
  label: string;
}

export interface MenuButtonProps<K extends string> {
  items: readonly MenuItem<K>[];
  onSelect: (key: K) => void;
  /** A menu of choices, this one checked (items are menuitemradio); plain items otherwise. */
  checked?: K;
  /** The button's accessible name, when its content does not say it (an icon alone). */
  'aria-label'?: string;
  icon?: ReactNode;
  /** The button's words. */
  children?: ReactNode;
  /** Which edge of the button the menu lines up with. */
  align?: 'start' | 'end';
}

/**
 * A button that opens a menu (WAI-ARIA APG menu button). The menu is drawn into the page's body
 * under the button; focus moves into it on opening (to the checked item, or the first) and back
 * to the button on closing. Arrows, Home, End and first letters move; Enter or Space chooses;
 * Escape closes; Tab closes and moves on from the button.
 */
export function MenuButton<K extends string>({
  items,
  onSelect,
  checked,
  icon,
  children,
  align = 'start',
  'aria-label': label,
}: MenuButtonProps<K>) {
  const buttonId = useId();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [focused, setFocused] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const typeahead = useTypeahead();
  usePopupPosition(open, button, menu, { align });
  useOutsidePress(open, [button, menu], () => setOpen(false));

  // While open, the focused item has the page's focus.
  useLayoutEffect(() => {
    if (open) (menu.current?.children[focused] as HTMLElement | undefined)?.focus();
  }, [open, focused]);

  const radio = checked !== undefined;
  const openAt = (index: number) => {
    setFocused(Math.max(0, index));
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (key: K) => {
    close();
    onSelect(key);
  };
  const start = () =>
    Math.max(
      0,
      items.findIndex((item) => item.key === checked),
    );

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    // Enter and Space click the button, which opens the menu.
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? start() : items.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const { key } = event;
    const count = items.length;
    const move = (to: number | undefined) => {
      event.preventDefault();
      if (to !== undefined) setFocused(to);
    };
    if (key === 'ArrowDown') move((focused + 1) % count);
    else if (key === 'ArrowUp') move((focused - 1 + count) % count);
    else if (key === 'Home') move(0);
    else if (key === 'End') move(count - 1);
    else if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      const item = items[focused];
      if (item) choose(item.key);
    } else if (key === 'Escape') {
      // Closes the menu only, not a dialog the button is in.
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (key === 'Tab') {
      // Back on the button, the browser moves focus on from there.
      close();
    } else if (key.length === 1 && !event.altKey && !event.ctrlKey && !event.metaKey) {
      move(
        typeahead.find(
          key,
          items.map((item) => item.label),
          focused,
        ),
      );
    }
  };

  // Focus leaving for somewhere else on the page closes the menu.
  const onMenuBlur = (event: FocusEvent<HTMLUListElement>) => {
    const to = event.relatedTarget;
    if (to instanceof Node && !menu.current?.contains(to) && to !== button.current) setOpen(false);
  };

  return (
    <>
      <button
        ref={button}
        id={buttonId}
        type="button"
        className={`console-button${children ? '' : ' console-button-icon'}`}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : openAt(start()))}
        onKeyDown={onButtonKeyDown}
      >
        {icon}
        {children}
      </button>
      {open
        ? createPortal(
            <ul
              ref={menu}
              id={menuId}
              role="menu"
              aria-labelledby={buttonId}
              className="console-popup console-menu"
              onKeyDown={onMenuKeyDown}
              onBlur={onMenuBlur}
            >
              {items.map((item, index) => (
                <li
                  key={item.key}
                  role={radio ? 'menuitemradio' : 'menuitem'}
                  aria-checked={radio ? item.key === checked : undefined}
                  tabIndex={-1}
                  className="console-menu-item"
                  onMouseMove={() => {
                    if (index !== focused) setFocused(index);
                  }}
                  onClick={() => choose(item.key)}
                >
                  {item.label}
                </li>
              ))}
            </ul>,
            document.body,
          )
        : null}
    </>
  );
}
