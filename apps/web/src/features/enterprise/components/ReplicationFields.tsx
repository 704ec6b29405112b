import { useId, type ReactNode } from 'react';
import { Choices, Field } from '../../../shared/components/form/Field';
import { TextInput } from '../../../shared/components/input/TextInput';
import type { Translate } from '../../../shared/i18n';

/**
 * The plain fields of the replication dialogs: a labelled text box whose help turns into its
 * problem (announced through aria-invalid and its description), and radio choices.
 */

/** A problem code of replication-rules in words: the contract's own text, or a message. */
export const problemText = (t: Translate, code: string | undefined) =>
  code === undefined
    ? undefined
    : code.startsWith('text:')
      ? code.slice('text:'.length)
      : t(`repl.problem.${code}`);

export function TextField({
  label,
  help,
  problem,
  value,
  onChange,
  onBlur,
  type = 'text',
  placeholder,
  autoComplete = 'off',
}: {
  label: ReactNode;
  help?: ReactNode;
  /** Shown in place of the help, and marks the box invalid. */
  problem?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'password' | 'url';
  placeholder?: string | undefined;
  autoComplete?: string;
}) {
  const id = useId();
  const shown = problem ?? help;
  return (
    <Field id={id} label={label} help={shown} error={problem !== undefined}>
      <TextInput
        id={id}
        type={type}
        value={value}
        spellCheck={false}
        autoComplete={autoComplete}
        placeholder={placeholder}
        aria-invalid={problem !== undefined}
        aria-describedby={shown === undefined ? undefined : `${id}-help`}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}

export function RadioChoices<V extends string>({
  legend,
  value,
  options,
  onChange,
}: {
  legend: ReactNode;
  value: V;
  options: readonly { value: V; label: ReactNode; disabled?: boolean }[];
  onChange: (value: V) => void;
}) {
  const name = useId();
  return (
    <Choices legend={legend}>
      {options.map((option) => (
        <label key={option.value} className="console-choice">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            disabled={option.disabled}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </Choices>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="console-choice">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
