import type { CSSProperties, ReactNode } from 'react';
import './card.css';

/**
 * A bordered surface with an optional head (title and actions), drawn like antd's card. antd's
 * card carried its tabbed variant (tabs, their overflow menu and dropdown) into every page with
 * a card.
 */
export function Card({
  title,
  extra,
  size = 'default',
  style,
  children,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  size?: 'default' | 'small' | undefined;
  style?: CSSProperties | undefined;
  children?: ReactNode;
}) {
  return (
    <div className={`console-card console-card-${size}`} style={style}>
      {title !== undefined || extra !== undefined ? (
        <div className="console-card-head">
          <div className="console-card-title">{title}</div>
          {extra !== undefined ? <div className="console-card-extra">{extra}</div> : null}
        </div>
      ) : null}
      <div className="console-card-body">{children}</div>
    </div>
  );
}
