import {
  AppstoreOutlined,
  DashboardOutlined,
  DiffOutlined,
  ClearOutlined,
  PieChartOutlined,
  DatabaseOutlined,
  KeyOutlined,
  MenuOutlined,
  MoonOutlined,
  QuestionCircleOutlined,
  SafetyCertificateOutlined,
  ShareAltOutlined,
  SunOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { onlineManager, useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Tag } from 'antd';
import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
  type FocusEvent as ReactFocusEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { CopyButton } from '../shared/components/CopyButton';
import { HeldDeletions } from '../shared/components/HeldDeletions';
import { PageLoading } from '../shared/components/Loading';
import { MenuButton } from '../shared/components/menu/MenuButton';
import { Popover } from '../shared/components/popover/Popover';
import { useOutsidePress } from '../shared/components/popup/popup';
import { Select } from '../shared/components/select/Select';
import { trackDeletionsIn, useMyDeletions } from '../shared/deletions';
import { bff, setCsrfToken } from '../shared/http';
import { LOCALES, useLocale, useT } from '../shared/i18n';
import { useRegion } from '../shared/region';
import type { Session } from '../shared/session';
import { useTheme, type ThemeMode } from '../shared/theme';
import './shell.css';

// The palette and the shortcuts list load when first asked for.
const CommandPalette = lazy(async () => ({
  default: (await import('../features/palette/routes')).CommandPalette,
}));
const ShortcutsDialog = lazy(async () => ({
  default: (await import('../features/palette/routes')).ShortcutsDialog,
}));

/** Where typing goes to the page, not to the console's shortcuts. */
function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
      // A select's first letters find its options.
      target.getAttribute('role') === 'combobox')
  );
}

/** Ctrl+K / ⌘K opens the palette anywhere; `?` lists the shortcuts when nothing is being typed. */
function useShortcuts(open: (what: 'palette' | 'shortcuts') => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        open('palette');
      } else if (event.key === '?' && !event.ctrlKey && !event.metaKey && !typingIn(event.target)) {
        event.preventDefault();
        open('shortcuts');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}

/** The undo bar, once this tab has asked for a deletion. */
function UndoBar() {
  const queryClient = useQueryClient();
  useEffect(() => trackDeletionsIn(queryClient), [queryClient]);
  return useMyDeletions().length > 0 ? <HeldDeletions /> : null;
}

const LANGUAGE_NAMES = { 'en-US': 'English', 'zh-CN': '简体中文' } as const;
const THEME_MODES: ThemeMode[] = ['light', 'dark', 'system'];

/** The sections of the navigation: the address's second part, its name, and its icon. */
const SECTIONS: { key: string; message: string; icon: ReactNode }[] = [
  { key: 'overview', message: 'shell.nav.overview', icon: <DashboardOutlined /> },
  { key: 'namespaces', message: 'shell.nav.namespaces', icon: <AppstoreOutlined /> },
  { key: 'repositories', message: 'shell.nav.repositories', icon: <DatabaseOutlined /> },
  { key: 'shared-with-me', message: 'shell.nav.sharedWithMe', icon: <ShareAltOutlined /> },
  { key: 'regions-compare', message: 'shell.nav.regions', icon: <DiffOutlined /> },
  { key: 'retention-plans', message: 'shell.nav.plans', icon: <ClearOutlined /> },
  { key: 'storage', message: 'shell.nav.storage', icon: <PieChartOutlined /> },
  { key: 'enterprise', message: 'shell.nav.enterprise', icon: <SafetyCertificateOutlined /> },
  { key: 'login-command', message: 'shell.nav.loginCommand', icon: <KeyOutlined /> },
  { key: 'help', message: 'shell.nav.help', icon: <QuestionCircleOutlined /> },
];

function AccountMenu({ session, region }: { session: Session; region: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: async () => {
      // Once the session ends, the page must ask for nothing more (each call would be a 401):
      // queries pause as they do offline, and those in flight are cancelled.
      onlineManager.setOnline(false);
      await queryClient.cancelQueries();
      await bff.call('SignOut');
    },
    onSettled: async () => {
      setCsrfToken(undefined);
      // The page stays until the sign-in page is loaded; only then is the cache emptied and the
      // pause lifted.
      await navigate('/sign-in', { replace: true });
      queryClient.clear();
      onlineManager.setOnline(true);
    },
  });
  const projectId = session.regions.find((r) => r.id === region)?.projectId ?? '';
  const rows: [label: string, value: string][] = [
    [t('shell.account.account'), session.account.name],
    [t('shell.account.user'), session.user.name],
    [t('shell.account.userId'), session.user.id],
    [t('shell.account.projectId', { region }), projectId],
  ];
  return (
    <Popover
      aria-label={t('shell.account')}
      title={t('shell.account.details')}
      icon={<UserOutlined />}
      trigger={<span className="console-account-name">{session.user.name}</span>}
    >
      <dl className="console-account">
        {rows.map(([label, value]) => (
          <div key={label} className="console-account-row">
            <dt>{label}</dt>
            <dd>
              <code>{value}</code>
              <CopyButton value={value} what={label} />
            </dd>
          </div>
        ))}
      </dl>
      <div className="console-account-actions">
        {session.user.admin ? <Tag>{t('shell.account.admin')}</Tag> : <span />}
        <Button danger onClick={() => signOut.mutate()} loading={signOut.isPending}>
          {t('shell.account.signOut')}
        </Button>
      </div>
    </Popover>
  );
}

/**
 * The side navigation: always shown from 992 px up; below, it folds away behind a button in the
 * header and opens over the page, with focus on its current section. Escape, a press outside it,
 * or focus leaving it folds it again.
 */
function useFoldingNav() {
  const [open, setOpen] = useState(false);
  const nav = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useOutsidePress(open, [nav, toggle], () => setOpen(false));
  useEffect(() => {
    if (!open) return;
    const links = nav.current;
    (
      links?.querySelector<HTMLElement>('[aria-current="page"]') ?? links?.querySelector('a')
    )?.focus();
  }, [open]);
  const inside = (node: EventTarget | null) =>
    node instanceof Node && (nav.current?.contains(node) || toggle.current?.contains(node));
  return {
    open,
    setOpen,
    nav,
    toggle,
    /** For both the navigation and its button: focus moving elsewhere on the page folds it. */
    onBlur: (event: ReactFocusEvent) => {
      if (event.relatedTarget && !inside(event.relatedTarget)) setOpen(false);
    },
    onKeyDown: (event: ReactKeyboardEvent) => {
      if (open && event.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    },
  };
}

/** The frame of every signed-in page: navigation, region, language, theme and the account. */
export function Shell({ session }: { session: Session }) {
  const t = useT();
  const region = useRegion();
  const navigate = useNavigate();
  const location = useLocation();
  const [locale, setLocale] = useLocale();
  const theme = useTheme();
  const section = location.pathname.split('/')[2] ?? 'namespaces';
  const [dialog, setDialog] = useState<'palette' | 'shortcuts'>();
  useShortcuts(setDialog);
  const fold = useFoldingNav();
  const navId = useId();

  return (
    <div className="console-shell" data-nav-open={fold.open || undefined}>
      <div
        ref={fold.nav}
        id={navId}
        className="console-sider"
        onKeyDown={fold.onKeyDown}
        onBlur={fold.onBlur}
      >
        <div className="console-product">{t('shell.product')}</div>
        <nav aria-label={t('shell.nav')}>
          <ul className="console-nav">
            {SECTIONS.map(({ key, message, icon }) => (
              <li key={key}>
                <Link
                  to={`/${region}/${key}`}
                  className="console-nav-link"
                  aria-current={key === section ? 'page' : undefined}
                  onClick={() => fold.setOpen(false)}
                >
                  <span className="console-nav-icon" aria-hidden>
                    {icon}
                  </span>
                  <span>{t(message)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div className="console-main">
        <header className="console-header">
          <button
            ref={fold.toggle}
            type="button"
            className="console-button console-button-icon console-nav-toggle"
            aria-label={t('shell.nav.toggle')}
            aria-expanded={fold.open}
            aria-controls={navId}
            onClick={() => fold.setOpen(!fold.open)}
            onKeyDown={fold.onKeyDown}
            onBlur={fold.onBlur}
          >
            <MenuOutlined />
          </button>
          <div className="console-header-tools">
            <Button aria-keyshortcuts="Control+K Meta+K" onClick={() => setDialog('palette')}>
              {t('palette.open')} <kbd style={{ opacity: 0.7 }}>Ctrl K</kbd>
            </Button>
            <Select
              aria-label={t('shell.region')}
              value={region}
              style={{ minWidth: 170 }}
              options={session.regions.map((r) => ({ value: r.id, label: r.id }))}
              onChange={(next) => {
                // Same page in the other region; filters of this region do not carry over.
                void navigate(`/${next}/${section}`);
              }}
            />
            <Select
              aria-label={t('shell.language')}
              value={locale}
              style={{ width: 120 }}
              options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
              onChange={setLocale}
            />
            <MenuButton
              aria-label={`${t('shell.theme')}: ${t(`shell.theme.${theme.mode}`)}`}
              icon={theme.dark ? <MoonOutlined /> : <SunOutlined />}
              align="end"
              items={THEME_MODES.map((mode) => ({ key: mode, label: t(`shell.theme.${mode}`) }))}
              checked={theme.mode}
              onSelect={theme.setMode}
            />
            <AccountMenu session={session} region={region} />
          </div>
        </header>
        <main className="console-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </main>
        <UndoBar />
        {dialog === 'palette' ? (
          <Suspense fallback={null}>
            <CommandPalette
              onClose={() => setDialog(undefined)}
              session={session}
              region={region}
            />
          </Suspense>
        ) : null}
        {dialog === 'shortcuts' ? (
          <Suspense fallback={null}>
            <ShortcutsDialog onClose={() => setDialog(undefined)} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
