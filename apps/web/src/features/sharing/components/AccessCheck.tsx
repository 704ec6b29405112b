import { Alert, Button, Flex } from 'antd';
import { TextInput } from '../../../shared/components/input/TextInput';
import { useId, useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import type { RepositoryRef } from '../api';
import { isExpired } from '../deadline';
import { useCheckShare } from '../mutations';

/** "Can this account pull it?" answered by SWR's own check, without changing anything. */
export function AccessCheck({ target }: { target: RepositoryRef }) {
  const t = useT();
  const id = useId();
  const [account, setAccount] = useState('');
  const check = useCheckShare(target);
  const result = check.data;
  const name = check.variables ?? '';
  const answer = !result
    ? undefined
    : !result.exist
      ? t('sharing.check.no', { account: name })
      : result.deadline && isExpired(result.deadline, new Date())
        ? t('sharing.check.expired', { account: name })
        : result.deadline === 'forever'
          ? t('sharing.check.forever', { account: name })
          : t('sharing.check.until', {
              account: name,
              day: (result.deadline ?? '').slice(0, 10),
            });
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <label htmlFor={id}>{t('sharing.check.label')}</label>
        <TextInput
          id={id}
          value={account}
          onChange={(event) => setAccount(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && account.trim()) check.mutate(account.trim());
          }}
          style={{ width: 220 }}
          autoComplete="off"
        />
        <Button
          disabled={!account.trim()}
          loading={check.isPending}
          onClick={() => check.mutate(account.trim())}
        >
          {t('sharing.check.button')}
        </Button>
      </Flex>
      {check.error ? <ErrorAlert error={check.error} /> : null}
      {answer ? (
        <Alert role="status" type={result?.exist ? 'info' : 'warning'} showIcon title={answer} />
      ) : null}
    </Flex>
  );
}
