import { Flex, Spin } from 'antd';
import { useT } from '../shared/i18n';

export function PageLoading() {
  const t = useT();
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin aria-label={t('common.loading')} />
    </Flex>
  );
}
