import { Alert, Collapse, Flex } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { helpLink } from '../../../shared/help';
import { useT } from '../../../shared/i18n';

const X509 = 'x509: certificate signed by unknown authority';
const DENIED = 'denied: you do not have the permission';

function Snippet({ children }: { children: string }) {
  return (
    <pre
      style={{
        margin: '4px 0 8px',
        padding: '6px 10px',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
        fontSize: 13,
        background: 'rgba(128, 128, 128, 0.12)',
        borderRadius: 6,
      }}
    >
      <code>{children}</code>
    </pre>
  );
}

function Heading({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={4} style={{ fontSize: 15, marginTop: 8 }}>
      {children}
    </Typography.Title>
  );
}

function CertificateHelp({ registry, local }: { registry: string; local: boolean }) {
  const t = useT();
  const host = registry || '<registry-host>';
  return (
    <div>
      {local ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('loginCommand.x509.local.title')}
          description={t('loginCommand.x509.local.text', { registry: host })}
        />
      ) : null}
      <Heading>{t('loginCommand.trouble.causes')}</Heading>
      <ul>
        <li>{t('loginCommand.x509.cause.privateCa')}</li>
        <li>{t('loginCommand.x509.cause.proxy')}</li>
        <li>{t('loginCommand.x509.cause.host')}</li>
      </ul>
      <Heading>{t('loginCommand.trouble.fixes')}</Heading>
      <ol>
        <li>
          {t('loginCommand.x509.fix.ca')}
          <Snippet>{`sudo mkdir -p /etc/docker/certs.d/${host}\nsudo cp ca.crt /etc/docker/certs.d/${host}/ca.crt`}</Snippet>
          {t('loginCommand.x509.fix.ca.os')}
        </li>
        <li>
          {t('loginCommand.x509.fix.containerd', {
            path: `/etc/containerd/certs.d/${host}/hosts.toml`,
          })}
          <Snippet>{`server = "https://${host}"\n\n[host."https://${host}"]\n  ca = "/etc/containerd/certs.d/${host}/ca.crt"`}</Snippet>
          {t('loginCommand.x509.fix.containerd.ctr')}
        </li>
        <li>
          {t('loginCommand.x509.fix.insecure')}
          <Snippet>{`# /etc/docker/daemon.json\n{ "insecure-registries": ["${host}"] }\n\nsudo systemctl restart docker`}</Snippet>
          {t('loginCommand.x509.fix.insecure.others')}
        </li>
        <li>{t('loginCommand.x509.fix.host', { registry: host })}</li>
      </ol>
    </div>
  );
}

function DeniedHelp({ region, registry }: { region: string; registry: string }) {
  const t = useT();
  const host = registry || '<registry-host>';
  const cases: { key: string; cause: string; fix: ReactNode }[] = [
    {
      key: 'taken',
      cause: t('loginCommand.denied.taken'),
      fix: (
        <>
          {t('loginCommand.denied.taken.fix')}{' '}
          <Link to={`/${region}/namespaces`}>{t('loginCommand.denied.openNamespaces')}</Link>
          <Snippet>{`docker tag my-app:1.0 ${host}/<your-organization>/my-app:1.0`}</Snippet>
        </>
      ),
    },
    {
      key: 'quota',
      cause: t('loginCommand.denied.quota'),
      fix: (
        <>
          {t('loginCommand.denied.quota.fix')}{' '}
          <Link to={`/${region}/namespaces`}>{t('loginCommand.denied.openNamespaces')}</Link>
        </>
      ),
    },
    {
      key: 'grant',
      cause: t('loginCommand.denied.grant'),
      fix: t('loginCommand.denied.grant.fix'),
    },
    {
      key: 'region',
      cause: t('loginCommand.denied.region'),
      fix: t('loginCommand.denied.region.fix', { region, registry: host }),
    },
  ];
  return (
    <div>
      <Typography.Paragraph>{t('loginCommand.denied.intro')}</Typography.Paragraph>
      <ol>
        {cases.map((item) => (
          <li key={item.key} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{item.cause}</Typography.Text>
            <div>
              {t('loginCommand.trouble.fix')} {item.fix}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The two failures people hit right after a login, in their own words, with causes and fixes. */
export function Troubleshooting({
  region,
  registry,
  local,
}: {
  region: string;
  registry: string;
  local: boolean;
}) {
  const t = useT();
  const titleId = useId();
  const label = (error: string, summary: string) => (
    <Flex vertical gap={2}>
      <Typography.Text code>{error}</Typography.Text>
      <span>{summary}</span>
    </Flex>
  );
  return (
    <section aria-labelledby={titleId}>
      <Typography.Title level={3} id={titleId} style={{ fontSize: 18 }}>
        {t('loginCommand.trouble.title')}
      </Typography.Title>
      <Collapse
        items={[
          {
            key: 'x509',
            label: label(X509, t('loginCommand.x509.summary')),
            children: <CertificateHelp registry={registry} local={local} />,
          },
          {
            key: 'denied',
            label: label(DENIED, t('loginCommand.denied.summary')),
            children: <DeniedHelp region={region} registry={registry} />,
          },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 12 }}>
        <Link to={helpLink(region, 'x509')}>{t('loginCommand.trouble.more')}</Link>
      </Typography.Paragraph>
    </section>
  );
}
