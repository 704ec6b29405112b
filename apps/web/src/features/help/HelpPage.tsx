import { useEffect, type ReactNode } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { HelpTopic } from '../../shared/help';
import { interpolate, useLocale } from '../../shared/i18n';
import { helpMessages } from './content';
import { helpMessagesZh } from './content.zh';

type HelpKey = keyof typeof helpMessages;

/** The help's own words in the language shown (they are not in the console's catalogs). */
function useHelpText() {
  const [locale] = useLocale();
  const words: Record<HelpKey, string> = locale === 'zh-CN' ? helpMessagesZh : helpMessages;
  return (key: string, values?: Record<string, string | number>) =>
    interpolate(words[key as HelpKey] ?? key, values);
}
import { repositoryToUrl, useRegion } from '../../shared/region';
import { useSession } from '../../shared/session';

/** The answers, by the anchor other pages link to (`/{region}/help#sync-admin`). */
const TOPICS: readonly (readonly [HelpTopic, string])[] = [
  ['x509', 'x509'],
  ['denied', 'denied'],
  ['sync-admin', 'syncAdmin'],
  ['sync-existing', 'syncExisting'],
  ['expired', 'expired'],
  ['not-empty', 'notEmpty'],
  ['undo', 'undo'],
];

function SyncAdminFacts() {
  const t = useHelpText();
  const session = useSession();
  if (!session) return null;
  return (
    <p className="console-help-note">
      <strong>
        {t('help.syncAdmin.you', { user: session.user.name, account: session.account.name })}
      </strong>{' '}
      {t(session.user.admin ? 'help.syncAdmin.admin' : 'help.syncAdmin.notAdmin')}
    </p>
  );
}

function CopyExisting({ repository }: { repository: string }) {
  const t = useHelpText();
  const region = useRegion();
  const [namespace = '', ...rest] = repository.split('/');
  const name = rest.join('/');
  if (!namespace || !name) return null;
  return (
    <Link
      className="console-help-action"
      to={`/${region}/repositories/${namespace}/${repositoryToUrl(name)}/sync?now=1`}
    >
      {t('help.syncExisting.copy', { repository })}
    </Link>
  );
}

/**
 * One place for the questions SWR's users ask and the errors the console explains: searchable
 * (the words are in the address), each answer at an anchor other pages link to.
 */
export function HelpPage() {
  const t = useHelpText();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const repository = params.get('repository') ?? '';
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);

  const shown = TOPICS.filter(([, key]) => {
    const text = `${t(`help.${key}.title`)} ${t(`help.${key}.body`)}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });

  // A link to one answer scrolls to it.
  useEffect(() => {
    const id = location.hash.slice(1);
    if (id) document.getElementById(id)?.scrollIntoView();
  }, [location.hash]);

  const extras: Partial<Record<HelpTopic, ReactNode>> = {
    'sync-admin': <SyncAdminFacts />,
    'sync-existing': repository ? <CopyExisting repository={repository} /> : null,
  };

  return (
    <>
      {/*
       * Plain elements, not antd's nor PageHeader: a route of its own that shares a part of a
       * first-page chunk makes Rollup split that chunk, and the first page pays for the split.
       */}
      <div className="console-help">
        <h2 className="console-help-title">{t('help.title')}</h2>
        <p className="console-help-intro">{t('help.intro')}</p>
        <form
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            const value = String(new FormData(event.currentTarget).get('q') ?? '').trim();
            const next = new URLSearchParams(params);
            if (value) next.set('q', value);
            else next.delete('q');
            setParams(next, { replace: true });
          }}
        >
          <input
            type="search"
            name="q"
            aria-label={t('help.search')}
            placeholder={t('help.search')}
            defaultValue={query}
            className="console-help-search"
          />
        </form>
        {shown.length === 0 ? <p role="status">{t('help.nothing')}</p> : null}
        {shown.map(([id, key]) => (
          <section key={id} aria-labelledby={`${id}-title`}>
            <h3 id={`${id}-title`}>
              <span id={id}>{t(`help.${key}.title`)}</span>
            </h3>
            {t(`help.${key}.body`)
              .split('\n\n')
              .map((paragraph) => (
                <p key={paragraph}>{paragraph}</p>
              ))}
            {extras[id] ?? null}
          </section>
        ))}
      </div>
    </>
  );
}
