import { ApiError } from '@swr-console/swr-api';
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { explain } from '../../shared/errors';
import { useT } from '../../shared/i18n';

// The sign-in page's controls in plain elements, drawn by sign-in.css.

export type Method = 'aksk' | 'password';

export interface FieldDefinition {
  name: string;
  label: string;
  required: boolean;
  secret?: boolean;
  autoComplete?: string;
  spellCheck?: boolean;
  help?: string;
}

/** Access key or IAM user: tabs as the WAI-ARIA pattern has them (arrows, Home and End move). */
export function MethodTabs({
  method,
  onChange,
}: {
  method: Method;
  onChange: (next: Method) => void;
}) {
  const t = useT();
  const tabs: { key: Method; label: string }[] = [
    { key: 'aksk', label: t('signIn.tab.accessKey') },
    { key: 'password', label: t('signIn.tab.password') },
  ];
  const keyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const at = tabs.findIndex((tab) => tab.key === method);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (at + tabs.length - 1) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : undefined;
    if (to === undefined) return;
    event.preventDefault();
    onChange(tabs[to]!.key);
    document.getElementById(`sign-in-tab-${tabs[to]!.key}`)?.focus();
  };
  return (
    <div className="sign-in-tabs" role="tablist">
      {tabs.map((tab) => (
        <button
          key={tab.key}
          id={`sign-in-tab-${tab.key}`}
          type="button"
          role="tab"
          className="sign-in-tab"
          aria-selected={tab.key === method}
          aria-controls="sign-in-form"
          tabIndex={tab.key === method ? 0 : -1}
          onClick={() => tab.key !== method && onChange(tab.key)}
          onKeyDown={keyDown}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

export function Field({
  field,
  value,
  error,
  onChange,
}: {
  field: FieldDefinition;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const id = useId();
  const [shown, setShown] = useState(false);
  const described = [error ? `${id}-error` : '', field.help ? `${id}-help` : '']
    .filter(Boolean)
    .join(' ');
  const input = (
    <input
      id={id}
      name={field.name}
      className="sign-in-input"
      type={field.secret && !shown ? 'password' : 'text'}
      value={value}
      autoComplete={field.autoComplete}
      spellCheck={field.spellCheck}
      aria-required={field.required || undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={described || undefined}
      onChange={(event) => onChange(event.target.value)}
    />
  );
  return (
    <div className="sign-in-field">
      <label htmlFor={id}>{field.label}</label>
      {field.secret ? (
        <span className="sign-in-secret" data-invalid={error ? true : undefined}>
          {input}
          <button
            type="button"
            className="sign-in-reveal"
            aria-label={shown ? t('signIn.secret.hide') : t('signIn.secret.show')}
            aria-pressed={shown}
            onClick={() => setShown(!shown)}
          >
            <Eye crossed={!shown} />
          </button>
        </span>
      ) : (
        input
      )}
      {error ? (
        <div id={`${id}-error`} className="sign-in-error">
          {error}
        </div>
      ) : null}
      {field.help ? (
        <div id={`${id}-help`} className="sign-in-secondary sign-in-help">
          {field.help}
        </div>
      ) : null}
    </div>
  );
}

/** An eye (shown) or a crossed eye (hidden), as antd's password input draws it. */
function Eye({ crossed }: { crossed: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden focusable="false">
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z"
      />
      <circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" strokeWidth="2" />
      {crossed ? <path stroke="currentColor" strokeWidth="2" d="M3 3l18 18" /> : null}
    </svg>
  );
}

/** An error message of the page, with the red cross in a circle that starts it. */
export function Alert({ children }: { children: ReactNode }) {
  return (
    <div className="sign-in-alert" role="alert">
      <ErrorMark />
      <div>{children}</div>
    </div>
  );
}

function ErrorMark() {
  return (
    <svg
      className="sign-in-mark"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden
      focusable="false"
    >
      <circle cx="8" cy="8" r="8" fill="currentColor" />
      <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="var(--console-surface)" strokeWidth="1.6" />
    </svg>
  );
}

/** An error the user did not cause by what they typed, with SWR's code and the request id. */
export function PlainError({ error }: { error: unknown }) {
  const t = useT();
  const api = error instanceof ApiError ? error : undefined;
  return (
    <Alert>
      <strong>{t('error.title')}</strong>
      <div>{explain(error, t)}</div>
      {api?.code ? (
        <div className="sign-in-secondary">
          {t('error.code')}: <code>{api.code}</code>
        </div>
      ) : null}
      {api?.requestId ? (
        <div className="sign-in-secondary">
          {t('error.requestId')}: <code>{api.requestId}</code>
        </div>
      ) : null}
    </Alert>
  );
}
