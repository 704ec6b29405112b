import { useId, useState, type CSSProperties } from 'react';
import { useT } from '../../i18n';
import './input.css';

/** What ends one value and starts the next while typing or pasting. */
const SEPARATORS = /[\s,]+/;

/**
 * A list of short values typed into one box (tags to keep, name patterns): Enter, a comma or a
 * space adds what was typed, a pasted list is split, Backspace in the empty box takes the last
 * one back, and each value has its own remove button. Suggestions, when given, are the
 * browser's own list under the box. antd's select in its tags mode did this with its select,
 * virtual list and form library.
 */
export function TagsInput({
  id,
  value,
  onChange,
  suggestions,
  style,
  'aria-invalid': invalid,
  'aria-describedby': describedBy,
}: {
  id?: string | undefined;
  value: readonly string[];
  onChange: (value: string[]) => void;
  suggestions?: readonly string[] | undefined;
  style?: CSSProperties | undefined;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
}) {
  const t = useT();
  const listId = useId();
  const [text, setText] = useState('');
  const add = (typed: string) => {
    const fresh = typed
      .split(SEPARATORS)
      .filter((item) => item !== '')
      .filter((item, index, all) => !value.includes(item) && all.indexOf(item) === index);
    if (fresh.length > 0) onChange([...value, ...fresh]);
  };
  const offered = suggestions?.filter((item) => !value.includes(item));
  return (
    <span className="console-input console-tags" style={style}>
      {value.map((item) => (
        <span key={item} className="console-tags-item">
          {item}
          <button
            type="button"
            className="console-tags-remove"
            aria-label={t('common.removeItem', { what: item })}
            onClick={() => onChange(value.filter((other) => other !== item))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        type="text"
        value={text}
        list={offered && offered.length > 0 ? listId : undefined}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          const typed = event.target.value;
          // A separator typed or pasted ends the values before it.
          const cut = typed.search(/[\s,][^\s,]*$/);
          if (cut >= 0) {
            add(typed.slice(0, cut));
            setText(typed.slice(cut).replace(SEPARATORS, ''));
          } else setText(typed);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add(text);
            setText('');
          } else if (event.key === 'Backspace' && text === '' && value.length > 0) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={() => {
          add(text);
          setText('');
        }}
      />
      {offered && offered.length > 0 ? (
        <datalist id={listId}>
          {offered.map((item) => (
            <option key={item} value={item} />
          ))}
        </datalist>
      ) : null}
    </span>
  );
}
