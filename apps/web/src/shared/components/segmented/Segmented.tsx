import { useId, type ReactNode } from 'react';
import './segmented.css';

/**
 * A choice of one view among a few, drawn as joined buttons: a radio group underneath, so the
 * arrow keys move the choice and a screen reader says "2 of 3". antd's segmented brought its
 * tooltip and, through it, the form library.
 */
export function Segmented<V extends string>({
  value,
  options,
  onChange,
  'aria-labelledby': labelledBy,
}: {
  value: V;
  options: readonly { value: V; label: ReactNode }[];
  onChange: (value: V) => void;
  'aria-labelledby'?: string | undefined;
}) {
  const name = useId();
  return (
    <div role="radiogroup" aria-labelledby={labelledBy} className="console-segmented">
      {options.map((option) => (
        <label key={option.value} className="console-segmented-item">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
