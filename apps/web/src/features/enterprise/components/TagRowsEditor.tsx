import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { RESOURCE_TAG_LIMITS } from '@swr-console/swr-api';
import { Alert, Button, Flex, Input, Progress, Space } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';
import { lengthCount } from '../../../shared/names';
import { tagProblems, type TagRow } from '../tag-edits';

/**
 * A namespace's resource tags as rows of key and value, checked as typed (each row says what is
 * wrong with it), with the count against the limit shown before it is reached.
 */
export function TagRowsEditor({
  rows: editing,
  onChange: setRows,
  disabled = false,
}: {
  rows: TagRow[];
  onChange: (rows: TagRow[]) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const problems = tagProblems(editing);
  const limit = RESOURCE_TAG_LIMITS.perNamespace;
  const full = editing.length >= limit;
  const set = (index: number, change: Partial<TagRow>) =>
    setRows(editing.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <>
      <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
        <Progress
          percent={Math.round((editing.length / limit) * 100)}
          showInfo={false}
          status={full ? 'exception' : 'normal'}
          aria-label={t('ent.tags.count', { count: editing.length, limit })}
          style={{ maxWidth: 240 }}
        />
        <Typography.Text>{t('ent.tags.count', { count: editing.length, limit })}</Typography.Text>
      </Flex>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {editing.map((row, index) => {
          const problem = problems[index];
          return (
            <div key={index}>
              <Flex gap={8} align="start">
                <Input
                  aria-label={t('ent.tags.key', { n: index + 1 })}
                  placeholder={t('ent.tags.keyPlaceholder')}
                  value={row.key}
                  count={lengthCount(RESOURCE_TAG_LIMITS.keyLength)}
                  status={problem && problem.startsWith('key') ? 'error' : undefined}
                  onChange={(e) => set(index, { key: e.target.value })}
                />
                <Input
                  aria-label={t('ent.tags.value', { n: index + 1 })}
                  placeholder={t('ent.tags.valuePlaceholder')}
                  value={row.value}
                  count={lengthCount(RESOURCE_TAG_LIMITS.valueLength)}
                  status={problem === 'valueLong' ? 'error' : undefined}
                  onChange={(e) => set(index, { value: e.target.value })}
                />
                <Button
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('ent.tags.remove', { key: row.key || String(index + 1) })}
                  onClick={() => setRows(editing.filter((_, i) => i !== index))}
                />
              </Flex>
              {problem ? (
                <Typography.Text type="danger" role="alert">
                  {t(`ent.tags.problem.${problem}`)}
                </Typography.Text>
              ) : null}
            </div>
          );
        })}
      </Space>
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 12 }}
        disabled={full || disabled}
        onClick={() => setRows([...editing, { key: '', value: '' }])}
      >
        {t('ent.tags.add')}
      </Button>
      {full ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={t('ent.tags.full', { limit })}
        />
      ) : null}
    </>
  );
}
