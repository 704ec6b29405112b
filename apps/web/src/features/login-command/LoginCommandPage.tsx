import { useQuery } from '@tanstack/react-query';
import { Flex } from 'antd';
import { Card } from '../../shared/components/card/Card';
import { Typography } from '../../shared/components/typography/Typography';
import { useState } from 'react';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { PageHeader } from '../../shared/components/PageHeader';
import { useT } from '../../shared/i18n';
import { useRegion } from '../../shared/region';
import { configQuery, useSession, type SessionRegion } from '../../shared/session';
import { DEFAULT_DURATION, toRequest, type LoginCommandInput } from './command';
import { LoginCommandForm } from './components/LoginCommandForm';
import { LoginCommandResult } from './components/LoginCommandResult';
import { Troubleshooting } from './components/Troubleshooting';
import { useIssueLoginCommand } from './mutations';

/**
 * The page itself, given what it needs from the session. A login is issued only on the explicit
 * click and is never cached: it lives in a mutation that is dropped as soon as an input changes
 * or the page is left.
 */
export function LoginCommandView({
  initialRegion,
  regions,
  method,
  local,
}: {
  initialRegion: string;
  regions: readonly SessionRegion[];
  method: 'aksk' | 'password';
  local: boolean;
}) {
  const t = useT();
  const [input, setInput] = useState<LoginCommandInput>({
    region: initialRegion,
    kind: 'temporary',
    durationSeconds: DEFAULT_DURATION,
  });
  const issue = useIssueLoginCommand();
  const registry = regions.find((region) => region.id === input.region)?.registry ?? '';
  return (
    <>
      <PageHeader title={t('loginCommand.title')}>
        <Typography.Paragraph>{t('loginCommand.intro')}</Typography.Paragraph>
      </PageHeader>
      <Flex vertical gap={24}>
        <Card size="small">
          <LoginCommandForm
            value={input}
            onChange={(next) => {
              issue.reset();
              setInput(next);
            }}
            regions={regions}
            method={method}
            pending={issue.isPending}
            onSubmit={() => issue.mutate(toRequest(input, method))}
          />
        </Card>
        {issue.error ? <ErrorAlert error={issue.error} /> : null}
        {issue.data ? <LoginCommandResult key={issue.submittedAt} login={issue.data} /> : null}
        <Troubleshooting region={input.region} registry={registry} local={local} />
      </Flex>
    </>
  );
}

export function LoginCommandPage() {
  const region = useRegion();
  const session = useSession();
  const config = useQuery(configQuery);
  if (!session) return null;
  return (
    <LoginCommandView
      // A region switch in the shell starts over, with the new region picked.
      key={region}
      initialRegion={region}
      regions={session.regions}
      method={session.method}
      local={config.data?.profile === 'local'}
    />
  );
}
