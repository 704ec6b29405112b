import {
  AppstoreOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  ShareAltOutlined,
  MoonOutlined,
  SunOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Descriptions,
  Dropdown,
  Flex,
  Layout,
  Menu,
  Popover,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { CopyButton } from '../shared/components/CopyButton';
import { bff, setCsrfToken } from '../shared/http';
import { LOCALES, useLocale, useT } from '../shared/i18n';
import { useRegion } from '../shared/region';
import type { Session } from '../shared/session';
import { useTheme, type ThemeMode } from '../shared/theme';
import { PageLoading } from '../shared/components/Loading';
import { trackDeletionsIn, useMyDeletions } from '../shared/deletions';

import { HeldDeletions } from '../shared/components/HeldDeletions';

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
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
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

function AccountMenu({ session, region }: { session: Session; region: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const signOut = useMutation({
    mutationFn: () => bff.call('SignOut'),
    onSettled: () => {
      setCsrfToken(undefined);
      queryClient.clear();
      void navigate('/sign-in', { replace: true });
    },
  });
  const projectId = session.regions.find((r) => r.id === region)?.projectId ?? '';
  const row = (label: string, value: string) => (
    <Space size={4}>
      <Typography.Text code>{value}</Typography.Text>
      <CopyButton value={value} what={label} />
    </Space>
  );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      content={
        <div style={{ maxWidth: 460 }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'account',
                label: t('shell.account.account'),
                children: row(t('shell.account.account'), session.account.name),
              },
              {
                key: 'user',
                label: t('shell.account.user'),
                children: row(t('shell.account.user'), session.user.name),
              },
              {
                key: 'userId',
                label: t('shell.account.userId'),
                children: row(t('shell.account.userId'), session.user.id),
              },
              {
                key: 'project',
                label: t('shell.account.projectId', { region }),
                children: row(t('shell.account.projectId', { region }), projectId),
              },
            ]}
          />
          <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
            {session.user.admin ? <Tag>{t('shell.account.admin')}</Tag> : <span />}
            <Button danger onClick={() => signOut.mutate()} loading={signOut.isPending}>
              {t('shell.account.signOut')}
            </Button>
          </Flex>
        </div>
      }
    >
      <Button icon={<UserOutlined />} aria-label={t('shell.account')} aria-haspopup="dialog">
        {session.user.name}
      </Button>
    </Popover>
  );
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
  const themeIcon = theme.dark ? <MoonOutlined /> : <SunOutlined />;
  const [dialog, setDialog] = useState<'palette' | 'shortcuts'>();
  useShortcuts(setDialog);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        width={220}
        theme={theme.dark ? 'dark' : 'light'}
      >
        <div style={{ padding: '18px 20px' }}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {t('shell.product')}
          </Typography.Text>
        </div>
        <nav aria-label={t('shell.nav')}>
          <Menu
            mode="inline"
            theme={theme.dark ? 'dark' : 'light'}
            selectedKeys={[section]}
            items={[
              {
                key: 'overview',
                icon: <DashboardOutlined />,
                label: <Link to={`/${region}/overview`}>{t('shell.nav.overview')}</Link>,
              },
              {
                key: 'namespaces',
                icon: <AppstoreOutlined />,
                label: <Link to={`/${region}/namespaces`}>{t('shell.nav.namespaces')}</Link>,
              },
              {
                key: 'repositories',
                icon: <DatabaseOutlined />,
                label: <Link to={`/${region}/repositories`}>{t('shell.nav.repositories')}</Link>,
              },
              {
                key: 'shared-with-me',
                icon: <ShareAltOutlined />,
                label: <Link to={`/${region}/shared-with-me`}>{t('shell.nav.sharedWithMe')}</Link>,
              },
              {
                key: 'enterprise',
                icon: <SafetyCertificateOutlined />,
                label: <Link to={`/${region}/enterprise`}>{t('shell.nav.enterprise')}</Link>,
              },
              {
                key: 'login-command',
                icon: <KeyOutlined />,
                label: <Link to={`/${region}/login-command`}>{t('shell.nav.loginCommand')}</Link>,
              },
              {
                key: 'help',
                label: <Link to={`/${region}/help`}>{t('shell.nav.help')}</Link>,
              },
            ]}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <Flex justify="flex-end" align="center" gap={8} style={{ height: '100%' }} wrap>
            <Button aria-keyshortcuts="Control+K Meta+K" onClick={() => setDialog('palette')}>
              {t('palette.open')} <kbd style={{ opacity: 0.7 }}>Ctrl K</kbd>
            </Button>
            <Select
              aria-label={t('shell.region')}
              value={region}
              style={{ minWidth: 170 }}
              options={session.regions.map((r) => ({ value: r.id, label: r.id }))}
              onChange={(next: string) => {
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
            <Dropdown
              menu={{
                selectable: true,
                selectedKeys: [theme.mode],
                items: (['light', 'dark', 'system'] as ThemeMode[]).map((mode) => ({
                  key: mode,
                  label: t(`shell.theme.${mode}`),
                })),
                onClick: ({ key }) => theme.setMode(key as ThemeMode),
              }}
            >
              <Button
                icon={themeIcon}
                aria-label={`${t('shell.theme')}: ${t(`shell.theme.${theme.mode}`)}`}
              />
            </Dropdown>
            <AccountMenu session={session} region={region} />
          </Flex>
        </Layout.Header>
        <Layout.Content className="console-content">
          {/* antd's Content is the page's <main>. */}
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
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
      </Layout>
    </Layout>
  );
}
