import { CloseCircleFilled, SearchOutlined } from '@ant-design/icons';
import { useRef, useState, type CSSProperties } from 'react';
import { useT } from '../../i18n';
import './input.css';

/**
 * A filter box: the search runs on Enter or the search button, and clearing runs it with nothing.
 * Controlled (`value` + `onChange`) or not (`defaultValue`). A plain input in the theme, where
 * antd's brought its form library to every list page.
 */
export function SearchInput({
  value,
  defaultValue,
  onChange,
  onSearch,
  placeholder,
  id,
  maxLength,
  allowClear,
  style,
  'aria-label': label,
}: {
  value?: string | undefined;
  defaultValue?: string | undefined;
  onChange?: ((value: string) => void) | undefined;
  onSearch: (value: string) => void;
  placeholder?: string | undefined;
  id?: string | undefined;
  maxLength?: number | undefined;
  allowClear?: boolean | undefined;
  style?: CSSProperties | undefined;
  'aria-label'?: string | undefined;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [own, setOwn] = useState(defaultValue ?? '');
  const text = value ?? own;
  const change = (next: string) => {
    if (value === undefined) setOwn(next);
    onChange?.(next);
  };
  const what = label ?? placeholder ?? '';
  return (
    <span className="console-search" style={style}>
      <span className="console-input console-input-affixed">
        <input
          ref={input}
          id={id}
          type="search"
          value={text}
          placeholder={placeholder}
          maxLength={maxLength}
          aria-label={label}
          autoComplete="off"
          onChange={(event) => change(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onSearch(text);
            else if (event.key === 'Escape' && text !== '') {
              event.preventDefault();
              change('');
              onSearch('');
            }
          }}
        />
        {allowClear && text !== '' ? (
          <button
            type="button"
            className="console-input-clear"
            aria-label={t('common.clear', { what })}
            onClick={() => {
              change('');
              onSearch('');
              input.current?.focus();
            }}
          >
            <CloseCircleFilled aria-hidden />
          </button>
        ) : null}
      </span>
      <button
        type="button"
        className="console-search-button"
        aria-label={t('common.search')}
        onClick={() => onSearch(text)}
      >
        <SearchOutlined aria-hidden />
      </button>
    </span>
  );
}
