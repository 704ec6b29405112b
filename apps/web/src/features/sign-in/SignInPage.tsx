import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@swr-console/swr-api';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Spinner } from '../../shared/components/Loading';
import { useT } from '../../shared/i18n';
import { configQuery } from '../../shared/session';
import type { SignInRequest } from './api';
import {
  Alert,
  Field,
  MethodTabs,
  PlainError,
  type FieldDefinition,
  type Method,
} from './controls';
import { useSignIn } from './mutations';
import './sign-in.css';

// The first page of a visit, so it is built from plain elements and its own small stylesheet:
// it loads no antd (the rest of the console does, after sign-in).

/** Only same-site paths: `next` must not send the user elsewhere after signing in. */
export function safeNext(next: string | null): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

function useFields(method: Method): FieldDefinition[] {
  const t = useT();
  return method === 'aksk'
    ? [
        {
          name: 'accessKey',
          label: t('signIn.accessKey'),
          required: true,
          autoComplete: 'username',
          spellCheck: false,
        },
        {
          name: 'secretKey',
          label: t('signIn.secretKey'),
          required: true,
          secret: true,
          autoComplete: 'current-password',
        },
        {
          name: 'projectId',
          label: t('signIn.projectId'),
          required: false,
          spellCheck: false,
          help: t('signIn.projectId.help'),
        },
      ]
    : [
        {
          name: 'accountName',
          label: t('signIn.accountName'),
          required: true,
          autoComplete: 'organization',
        },
        { name: 'userName', label: t('signIn.userName'), required: true, autoComplete: 'username' },
        {
          name: 'password',
          label: t('signIn.password'),
          required: true,
          secret: true,
          autoComplete: 'current-password',
        },
      ];
}

function request(method: Method, values: Record<string, string>): SignInRequest {
  const value = (name: string) => values[name] ?? '';
  if (method === 'aksk') {
    const projectId = value('projectId').trim();
    return {
      method,
      accessKey: value('accessKey').trim(),
      secretKey: value('secretKey'),
      ...(projectId ? { projectId } : {}),
    };
  }
  return {
    method,
    accountName: value('accountName').trim(),
    userName: value('userName').trim(),
    password: value('password'),
  };
}

export function SignInPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const config = useQuery(configQuery);
  const [method, setMethod] = useState<Method>('aksk');
  const [values, setValues] = useState<Record<string, string>>({});
  // What the server said about a field, until that field is edited.
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const fields = useFields(method);
  const form = useRef<HTMLFormElement>(null);
  const mutation = useSignIn();

  const missing = (field: FieldDefinition) => field.required && !values[field.name]?.trim();
  // Once the user has tried to sign in, each field says at once whether it is still missing.
  const errorOf = (field: FieldDefinition): string | undefined =>
    tried && missing(field) ? t('signIn.required', { field: field.label }) : refused[field.name];

  const send = (body: SignInRequest) =>
    mutation.mutate(body, {
      onSuccess: (session) =>
        void navigate(
          safeNext(params.get('next')) ?? `/${session.regions[0]?.id ?? ''}/namespaces`,
          { replace: true },
        ),
      onError: (error) => {
        if (error instanceof ApiError)
          setRefused(Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message])));
      },
    });

  const change = (field: FieldDefinition, value: string) => {
    setValues((before) => ({ ...before, [field.name]: value }));
    setRefused(({ [field.name]: _, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const first = fields.find(missing);
    if (first) {
      form.current?.querySelector<HTMLInputElement>(`[name="${first.name}"]`)?.focus();
      return;
    }
    send(request(method, values));
  };

  const switchTo = (next: Method) => {
    setMethod(next);
    setValues({});
    setRefused({});
    setTried(false);
    mutation.reset();
  };

  const apiError = mutation.error instanceof ApiError ? mutation.error : undefined;
  const failure =
    apiError?.status === 401
      ? t('signIn.failed')
      : apiError?.status === 429
        ? t('signIn.limited')
        : undefined;
  const otherError =
    mutation.error && !failure && !apiError?.fieldErrors.length ? mutation.error : undefined;

  const sandboxUsers = config.data?.profile === 'local' ? config.data.sandboxUsers : [];

  return (
    <div className="sign-in">
      <main className="sign-in-cards">
        <section className="sign-in-card sign-in-main" aria-labelledby="sign-in-title">
          <h1 id="sign-in-title" className="sign-in-title">
            {t('signIn.title')}
          </h1>
          <p className="sign-in-secondary">{t('signIn.subtitle')}</p>
          <MethodTabs method={method} onChange={switchTo} />
          <div id="sign-in-form" role="tabpanel" aria-labelledby={`sign-in-tab-${method}`}>
            <form ref={form} noValidate onSubmit={submit}>
              {fields.map((field) => (
                <Field
                  key={`${method}-${field.name}`}
                  field={field}
                  value={values[field.name] ?? ''}
                  error={errorOf(field)}
                  onChange={(value) => change(field, value)}
                />
              ))}
              {failure ? <Alert>{failure}</Alert> : null}
              {otherError ? <PlainError error={otherError} /> : null}
              <button
                type="submit"
                className="sign-in-button sign-in-primary"
                disabled={mutation.isPending}
                aria-busy={mutation.isPending}
              >
                {mutation.isPending ? <Spinner size={14} /> : null}
                {t('signIn.submit')}
              </button>
            </form>
          </div>
        </section>
        {sandboxUsers.length > 0 ? (
          <section className="sign-in-card sign-in-sandbox" aria-labelledby="sign-in-sandbox">
            <h2 id="sign-in-sandbox" className="sign-in-subtitle">
              {t('signIn.sandbox.title')}
            </h2>
            <p className="sign-in-secondary">{t('signIn.sandbox.text')}</p>
            <div className="sign-in-stack">
              {sandboxUsers.map((user) => (
                <button
                  type="button"
                  className="sign-in-button"
                  key={`${user.account}/${user.name}`}
                  disabled={mutation.isPending}
                  onClick={() =>
                    send({ method: 'sandbox', account: user.account, userName: user.name })
                  }
                >
                  {t('signIn.sandbox.as', { user: `${user.account} / ${user.name}` })} ·{' '}
                  {user.admin ? t('signIn.sandbox.admin') : t('signIn.sandbox.member')}
                </button>
              ))}
            </div>
          </section>
        ) : null}
      </main>
    </div>
  );
}
