import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  MinusCircleOutlined,
} from '@ant-design/icons';
import { Flex, Tag, theme } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';

export interface DeleteResult {
  tag: string;
  /** `held`: the BFF holds it for the undo window; it goes when the window is over. */
  status: 'deleted' | 'held' | 'failed' | 'skipped';
  message?: string;
  code?: string;
}

/** One line per tag, so a partly failed batch says exactly which tags are still there and why. */
export function DeleteTagsReport({ results }: { results: DeleteResult[] }) {
  const t = useT();
  const { token } = theme.useToken();
  // Plain tags with coloured icons: antd's green and red tag text is below WCAG AA contrast.
  const icons = {
    deleted: <CheckCircleFilled style={{ color: token.colorSuccess }} />,
    held: <ClockCircleOutlined />,
    failed: <CloseCircleFilled style={{ color: token.colorError }} />,
    skipped: <MinusCircleOutlined />,
  };
  return (
    <div
      tabIndex={0}
      role="group"
      aria-label={t('tags.delete.report')}
      style={{ maxHeight: 320, overflow: 'auto' }}
    >
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {results.map((result) => (
          <li key={result.tag} style={{ padding: '4px 0' }}>
            <Flex gap={8} align="baseline" wrap>
              <Tag icon={icons[result.status]}>{t(`tags.delete.status.${result.status}`)}</Tag>
              <Typography.Text strong style={{ wordBreak: 'break-all' }}>
                {result.tag}
              </Typography.Text>
              {result.message ? <Typography.Text>{result.message}</Typography.Text> : null}
              {result.code ? (
                <Typography.Text>
                  {t('error.code')}: <Typography.Text code>{result.code}</Typography.Text>
                </Typography.Text>
              ) : null}
            </Flex>
          </li>
        ))}
      </ul>
    </div>
  );
}
