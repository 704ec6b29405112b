import type { QueryKey } from '@tanstack/react-query';
import { Flex } from 'antd';
import { Typography } from './typography/Typography';
import type { ReactNode } from 'react';
import { RefreshButton } from './RefreshButton';

export function PageHeader({
  title,
  extra,
  refresh,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  /** What the page shows, by query key: a refresh control reads it again. */
  refresh?: readonly QueryKey[];
  children?: ReactNode;
}) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {title}
        </Typography.Title>
        {extra || refresh ? (
          <Flex gap={8} wrap align="center">
            {refresh ? <RefreshButton queryKeys={refresh} /> : null}
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {children}
    </div>
  );
}
