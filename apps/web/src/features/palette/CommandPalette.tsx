import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../shared/i18n';
import { namespaceListQuery } from '../../shared/queries/namespaces';
import { repositorySearchQuery } from '../../shared/queries/repositories';
import { repositoryFromUrl, repositoryToUrl } from '../../shared/region';
import type { Session } from '../../shared/session';

/** How many repositories a search shows; more is a job for the repositories page's filter. */
const FOUND = 8;
const PAUSE_MS = 200;

/**
 * A modal dialog of the browser's own (`<dialog>` with showModal: focus kept inside, Escape
 * closes, the page behind inert). antd's Modal here would split the first page's shared chunks.
 */
function Dialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="console-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      // A click on the backdrop (the dialog element itself, outside its box) closes it.
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <h2 id={titleId} className="console-dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

interface Entry {
  key: string;
  group: string;
  label: string;
  to: string;
}

/** The text after a pause in typing, so the API is searched once per word, not per key. */
function useSettled(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

function matches(entry: Entry, words: string[]): boolean {
  const label = entry.label.toLowerCase();
  return words.every((word) => label.includes(word));
}

/**
 * Ctrl+K / ⌘K: go to any page, region, organization or repository (searched through the API as
 * it is typed), or start a common action, by keyboard alone. A combobox with a list of options:
 * arrows move, Enter opens, Escape closes.
 */
export function CommandPalette({
  onClose,
  session,
  region,
}: {
  onClose: () => void;
  session: Session;
  region: string;
}) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const settled = useSettled(text.trim());
  const namespaces = useQuery(namespaceListQuery(region));
  const found = useQuery(repositorySearchQuery(region, settled, FOUND));

  // On a repository's page, actions about that repository come first.
  const [, , page, namespace, repository] = location.pathname.split('/');
  const here =
    page === 'repositories' && namespace && repository
      ? { namespace, name: repositoryFromUrl(repository) }
      : undefined;

  const entries = useMemo(() => {
    const base = `/${region}`;
    const pages: Entry[] = [
      ['overview', t('shell.nav.overview')],
      ['namespaces', t('shell.nav.namespaces')],
      ['repositories', t('shell.nav.repositories')],
      ['shared-with-me', t('shell.nav.sharedWithMe')],
      ['enterprise', t('shell.nav.enterprise')],
      ['login-command', t('shell.nav.loginCommand')],
      ['help', t('shell.nav.help')],
    ].map(([key, label]) => ({
      key: `page:${key}`,
      group: t('palette.group.pages'),
      label: label!,
      to: `${base}/${key}`,
    }));
    const actions: Entry[] = [
      ...(here
        ? [
            {
              key: 'action:sync',
              group: t('palette.group.actions'),
              label: t('palette.action.sync', { name: `${here.namespace}/${here.name}` }),
              to: `${base}/repositories/${here.namespace}/${repositoryToUrl(here.name)}/sync`,
            },
          ]
        : []),
      {
        key: 'action:create-repository',
        group: t('palette.group.actions'),
        label: t('palette.action.createRepository'),
        to: `${base}/repositories?create=1`,
      },
      ...(session.user.admin
        ? [
            {
              key: 'action:create-namespace',
              group: t('palette.group.actions'),
              label: t('palette.action.createNamespace'),
              to: `${base}/namespaces?create=1`,
            },
          ]
        : []),
      {
        key: 'action:login',
        group: t('palette.group.actions'),
        label: t('palette.action.login'),
        to: `${base}/login-command`,
      },
    ];
    const regions: Entry[] = session.regions
      .filter((r) => r.id !== region)
      .map((r) => ({
        key: `region:${r.id}`,
        group: t('palette.group.regions'),
        label: t('palette.region', { region: r.id }),
        to: `/${r.id}/${page ?? 'namespaces'}`,
      }));
    const organizations: Entry[] = (namespaces.data ?? []).map((ns) => ({
      key: `namespace:${ns.name}`,
      group: t('palette.group.namespaces'),
      label: ns.name,
      to: `${base}/namespaces/${ns.name}`,
    }));
    const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const repositories: Entry[] =
      words.length > 0 && settled.length > 0
        ? (found.data ?? []).map((repo) => ({
            key: `repository:${repo.namespace}/${repo.name}`,
            group: t('palette.group.repositories'),
            label: `${repo.namespace}/${repo.name}`,
            to: `${base}/repositories/${repo.namespace}/${repositoryToUrl(repo.name)}`,
          }))
        : [];
    const fixed = [...actions, ...pages, ...regions, ...organizations];
    return words.length === 0
      ? [...actions, ...pages, ...regions]
      : [...repositories, ...fixed.filter((entry) => matches(entry, words))];
  }, [t, region, here, session, page, namespaces.data, found.data, text, settled]);

  const shown = Math.min(active, Math.max(0, entries.length - 1));
  const go = (entry: Entry | undefined) => {
    if (!entry) return;
    onClose();
    void navigate(entry.to);
  };

  return (
    <Dialog title={t('palette.title')} onClose={onClose}>
      {/* A plain input: antd's Input here would split the first page's shared chunks further. */}
      <input
        ref={input}
        autoFocus
        role="combobox"
        aria-label={t('palette.search')}
        aria-expanded
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={entries[shown] ? `${listId}-${shown}` : undefined}
        placeholder={t('palette.placeholder')}
        spellCheck={false}
        autoComplete="off"
        style={{
          boxSizing: 'border-box',
          width: '100%',
          padding: '6px 11px',
          fontSize: 16,
          border: '1px solid var(--console-border)',
          borderRadius: 6,
          background: 'var(--console-surface)',
          color: 'var(--console-text)',
        }}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((shown + step + entries.length) % Math.max(1, entries.length));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            go(entries[shown]);
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('palette.results')}
        style={{
          listStyle: 'none',
          margin: '8px 0 0',
          padding: 0,
          maxHeight: 360,
          overflow: 'auto',
        }}
      >
        {entries.map((entry, i) => (
          <li
            key={entry.key}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === shown}
            onMouseEnter={() => setActive(i)}
            onClick={() => go(entry)}
            style={{
              display: 'flex',
              justifyContent: 'space-between',
              gap: 12,
              padding: '6px 10px',
              borderRadius: 6,
              cursor: 'pointer',
              overflowWrap: 'anywhere',
              background: i === shown ? 'var(--console-focus)' : undefined,
            }}
          >
            <span>{entry.label}</span>
            <span style={{ flexShrink: 0, color: 'var(--console-text-secondary)' }}>
              {entry.group}
            </span>
          </li>
        ))}
      </ul>
      {entries.length === 0 ? (
        <p role="status" style={{ margin: '8px 0 0', color: 'var(--console-text-secondary)' }}>
          {found.isFetching ? t('common.loading') : t('palette.nothing')}
        </p>
      ) : null}
    </Dialog>
  );
}

/** `?`: the keyboard shortcuts, in a dialog. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const rows: [string, string][] = [
    ['Ctrl K / ⌘ K', t('shortcuts.palette')],
    ['?', t('shortcuts.help')],
    ['↑ ↓', t('shortcuts.move')],
    ['Enter', t('shortcuts.open')],
    ['Esc', t('shortcuts.close')],
  ];
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose}>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '8px 16px' }}>
        {rows.map(([keys, what]) => (
          <div key={keys} style={{ display: 'contents' }}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd style={{ margin: 0 }}>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="console-dialog-close" onClick={onClose}>
        {t('common.close')}
      </button>
    </Dialog>
  );
}
