import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useOutsidePress } from '../popup/popup';
import '../popup/popup.css';
import './popover.css';

export interface PopoverProps {
  /** The panel: a non-modal dialog of this name. */
  title: string;
  children: ReactNode;
  /** The button's accessible name, when its words do not say it. */
  'aria-label'?: string;
  icon?: ReactNode;
  /** The button's words. */
  trigger?: ReactNode;
  /** Which edge of the button the panel lines up with. */
  align?: 'start' | 'end';
  disabled?: boolean;
}

/**
 * A button that shows a panel under it (a disclosure of a non-modal dialog): focus moves into
 * the panel on opening; Escape, the button again, or a press outside closes it, and focus goes
 * back to the button; tabbing out of it closes it too. The panel follows the button in the page,
 * so Tab reaches its content next.
 */
export function Popover({
  title,
  children,
  icon,
  trigger,
  align = 'end',
  disabled = false,
  'aria-label': label,
}: PopoverProps) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  useOutsidePress(open, [root], () => {
    const hadFocus = root.current?.contains(document.activeElement) ?? false;
    setOpen(false);
    // Focus in the panel would be lost with it: back to the button, unless the press put it
    // somewhere else.
    if (hadFocus)
      setTimeout(() => {
        if (document.activeElement === document.body || !document.activeElement)
          button.current?.focus();
      });
  });

  return (
    <div
      ref={root}
      className="console-popover"
      onKeyDown={(event) => {
        if (open && event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      }}
      onBlur={(event) => {
        const to = event.relatedTarget;
        if (to instanceof Node && !root.current?.contains(to)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={`console-button${trigger ? '' : ' console-button-icon'}`}
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        {icon}
        {trigger}
      </button>
      {open && !disabled ? (
        <div
          ref={panel}
          id={panelId}
          role="dialog"
          aria-label={title}
          tabIndex={-1}
          className={`console-popup console-popover-panel console-popover-${align}`}
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}
