import {
  callsAsCurl,
  callsAsJson,
  callsAsKooCli,
  callsAsSdk,
  SDK_PACKAGE,
  SDK_VERSION,
  type CallTarget,
  type SwrCall,
} from '@swr-console/swr-api';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { interpolate, useLocale } from '../../i18n';
import { useSession } from '../../session';
import { requestWords } from './words';
import './request.css';

const FORMS = ['JSON', 'curl', 'KooCLI', 'SDK'] as const;
type Form = (typeof FORMS)[number];

function textOf(form: Form, calls: SwrCall[], target: CallTarget, words: Words): string {
  if (form === 'JSON') return callsAsJson(calls);
  if (form === 'curl') return callsAsCurl(calls, target);
  if (form === 'KooCLI') return callsAsKooCli(calls, target);
  const sdk = callsAsSdk(calls, target);
  if ('snippet' in sdk) return sdk.snippet;
  const template = sdk.missing === 'operation' ? words.sdkMissingOperation : words.sdkMissingField;
  return `// ${interpolate(template, { sdk: `${SDK_PACKAGE} ${SDK_VERSION}`, name: sdk.name })}`;
}

type Words = (typeof requestWords)[keyof typeof requestWords];

/**
 * The request forms of "API request", drawn with plain elements (antd pieces in a lazy chunk
 * would split the first page's shared chunks): tabs that arrow keys move between, the text, and
 * a copy button that says when it copied.
 */
export function RequestPanel({
  region,
  calls,
  note,
}: {
  region: string;
  calls: () => SwrCall[];
  /** What the calls leave out, said under them. */
  note?: string;
}) {
  const [locale] = useLocale();
  const words = requestWords[locale];
  const session = useSession();
  const [form, setForm] = useState<Form>('JSON');
  // What was copied (so "Copied" goes when the text changes), or that copying failed.
  const [copied, setCopied] = useState<string | undefined>();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const id = useId();

  const known = session?.regions.find((r) => r.id === region);
  if (!known) return null;
  const target: CallTarget = {
    region,
    api: known.api,
    kms: known.kms,
    projectId: known.projectId,
  };
  // A form not filled in enough to say (a path parameter still empty, say) shows no text.
  let made: SwrCall[] = [];
  let text: string | undefined;
  try {
    made = calls();
    text = made.length > 0 ? textOf(form, made, target, words) : undefined;
  } catch {
    text = undefined;
  }

  const move = (event: KeyboardEvent, index: number) => {
    const to = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: FORMS.length - 1,
    }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = (to + FORMS.length) % FORMS.length;
    setForm(FORMS[next]!);
    setCopied(undefined);
    tabs.current[next]?.focus();
  };

  return (
    <div className="show-request-panel">
      <p className="show-request-intro">{words.intro}</p>
      {text === undefined ? (
        <p>{words.incomplete}</p>
      ) : (
        <>
          {made.length > 1 ? <p>{interpolate(words.many, { count: made.length })}</p> : null}
          {note ? <p>{note}</p> : null}
          <div className="show-request-bar">
            <div role="tablist" aria-label={words.tabs} className="show-request-tabs">
              {FORMS.map((name, index) => (
                <button
                  key={name}
                  ref={(element) => {
                    tabs.current[index] = element;
                  }}
                  type="button"
                  role="tab"
                  id={`${id}-${name}`}
                  aria-selected={form === name}
                  aria-controls={`${id}-text`}
                  tabIndex={form === name ? 0 : -1}
                  onClick={() => {
                    setForm(name);
                    setCopied(undefined);
                  }}
                  onKeyDown={(event) => move(event, index)}
                >
                  {name}
                </button>
              ))}
            </div>
            <button
              type="button"
              className="show-request-copy"
              onClick={() => {
                // No clipboard outside a secure context (plain http): say so, do not throw.
                const copying = navigator.clipboard
                  ? navigator.clipboard.writeText(text)
                  : Promise.reject(new Error('no clipboard'));
                copying.then(
                  () => setCopied(text),
                  () => setCopied('failed'),
                );
              }}
            >
              {words.copy}
            </button>
            <span role="status" className="show-request-status">
              {copied === 'failed' ? words.copyFailed : copied === text ? words.copied : ''}
            </span>
          </div>
          <pre
            id={`${id}-text`}
            role="tabpanel"
            aria-labelledby={`${id}-${form}`}
            tabIndex={0}
            className="show-request-text"
            data-form={form}
          >
            {text}
          </pre>
        </>
      )}
    </div>
  );
}
