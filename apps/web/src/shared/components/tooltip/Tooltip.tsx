import {
  cloneElement,
  isValidElement,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import './tooltip.css';

/** Space between the anchor and the tip, and the least between the tip and the window's edge. */
const GAP = 6;

/**
 * A short text over an element while the pointer rests on it or it has the focus; Escape hides
 * it. The element is described by the tip while it shows. A disabled button inside still shows
 * its tip (the reason it is disabled). antd's tooltip brought its trigger, motion and form
 * context (through its context isolator) to every page.
 */
export function Tooltip({
  title,
  children,
  open: shown,
  onOpenChange,
}: {
  title: ReactNode;
  children: ReactNode;
  /** Controlled: whether the tip shows. */
  open?: boolean | undefined;
  onOpenChange?: ((open: boolean) => void) | undefined;
}) {
  const id = useId();
  const [own, setOwn] = useState(false);
  const open = (shown ?? own) && title !== undefined && title !== null && title !== '';
  const anchor = useRef<HTMLSpanElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const change = (next: boolean) => {
    if (shown === undefined) setOwn(next);
    onOpenChange?.(next);
  };

  useLayoutEffect(() => {
    if (!open) return;
    const from = anchor.current?.getBoundingClientRect();
    const box = tip.current;
    if (!from || !box) return;
    const { width, height } = box.getBoundingClientRect();
    const above = from.top - height - GAP;
    const top = above >= GAP ? above : from.bottom + GAP;
    const left = Math.min(
      Math.max(GAP, from.left + from.width / 2 - width / 2),
      window.innerWidth - width - GAP,
    );
    box.style.top = `${top}px`;
    box.style.left = `${left}px`;
    box.dataset.placement = above >= GAP ? 'top' : 'bottom';
  }, [open]);

  const child = isValidElement<{ 'aria-describedby'?: string }>(children)
    ? cloneElement(children as ReactElement<{ 'aria-describedby'?: string }>, {
        'aria-describedby': open ? id : children.props['aria-describedby'],
      })
    : children;
  return (
    <span
      ref={anchor}
      className="console-tooltip-anchor"
      onMouseEnter={() => change(true)}
      onMouseLeave={() => change(false)}
      onFocus={() => change(true)}
      onBlur={() => change(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          // The tip goes first; a dialog around it closes on the next Escape.
          event.stopPropagation();
          change(false);
        }
      }}
    >
      {child}
      {open
        ? createPortal(
            <div ref={tip} id={id} role="tooltip" className="console-tooltip">
              {title}
            </div>,
            document.body,
          )
        : null}
    </span>
  );
}
