import { Typography } from './typography/Typography';

/**
 * What an empty table says. antd draws it in its disabled grey, below WCAG's 4.5:1; it is a
 * message to read, so it takes the secondary text colour.
 */
export function EmptyText({ children }: { children: string }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
