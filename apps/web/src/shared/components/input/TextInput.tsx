import type { CSSProperties, InputHTMLAttributes } from 'react';
import './input.css';

/** A one-line text box in the theme, drawn as antd's input (without antd's form library). */
export function TextInput({
  style,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'style'> & {
  style?: CSSProperties | undefined;
}) {
  return (
    <span className="console-input" style={style}>
      <input type="text" {...input} />
    </span>
  );
}
