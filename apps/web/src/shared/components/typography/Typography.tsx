import type { CSSProperties, ReactNode } from 'react';
import { CopyButton } from '../CopyButton';
import './typography.css';

/**
 * The console's text: headings, paragraphs and inline text in the theme's colours. antd's
 * typography carried its editable mode (an input, a text area and antd's form) into every page
 * that showed a heading; these are plain elements with the same props the pages use.
 */

type Tone = 'secondary' | 'success' | 'warning' | 'danger';

interface TextProps {
  children?: ReactNode;
  type?: Tone | undefined;
  strong?: boolean | undefined;
  disabled?: boolean | undefined;
  code?: boolean | undefined;
  /** A copy button after the text: the text itself, or `{ text }` when it differs. */
  copyable?: boolean | { text: string; what?: string } | undefined;
  id?: string | undefined;
  className?: string | undefined;
  style?: CSSProperties | undefined;
  title?: string | undefined;
  role?: string | undefined;
  'aria-label'?: string | undefined;
  'aria-live'?: 'polite' | 'assertive' | 'off' | undefined;
}

function classes(base: string, { type, strong, disabled, className }: TextProps): string {
  return [
    base,
    type && `console-text-${type}`,
    strong && 'console-text-strong',
    disabled && 'console-text-disabled',
    className,
  ]
    .filter(Boolean)
    .join(' ');
}

/** The text a copy button copies: a string child as it is, otherwise nothing to copy. */
function copyButton(copyable: TextProps['copyable'], children: ReactNode): ReactNode {
  if (!copyable) return null;
  const text =
    typeof copyable === 'object'
      ? copyable.text
      : typeof children === 'string' || typeof children === 'number'
        ? String(children)
        : undefined;
  if (text === undefined) return null;
  const what = typeof copyable === 'object' && copyable.what ? copyable.what : text;
  return <CopyButton value={text} what={what} />;
}

function Text({ children, code, copyable, type, strong, disabled, className, ...rest }: TextProps) {
  return (
    <span {...rest} className={classes('console-text', { type, strong, disabled, className })}>
      {code ? <code className="console-code">{children}</code> : children}
      {copyButton(copyable, children)}
    </span>
  );
}

function Paragraph({
  children,
  code,
  copyable,
  type,
  strong,
  disabled,
  className,
  ...rest
}: TextProps) {
  return (
    <div {...rest} className={classes('console-paragraph', { type, strong, disabled, className })}>
      {code ? <code className="console-code">{children}</code> : children}
      {copyButton(copyable, children)}
    </div>
  );
}

interface TitleProps extends Omit<TextProps, 'code' | 'copyable' | 'disabled'> {
  level?: 1 | 2 | 3 | 4 | 5 | undefined;
}

function Title({ level = 1, children, type, strong, className, ...rest }: TitleProps) {
  const Heading = `h${level}` as const;
  return (
    <Heading
      {...rest}
      className={classes(`console-title console-h${level}`, { type, strong, className })}
    >
      {children}
    </Heading>
  );
}

export const Typography = { Text, Paragraph, Title };
