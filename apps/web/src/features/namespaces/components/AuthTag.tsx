import { Tag } from 'antd';
import { useT } from '../../../shared/i18n';

/** What the signed-in user may do in an organization, as a coloured tag. */
export function AuthTag({ auth }: { auth: number }) {
  const t = useT();
  return (
    <Tag color={auth === 7 ? 'red' : auth === 3 ? 'blue' : 'default'}>
      {t(`namespaces.auth.${auth}`)}
    </Tag>
  );
}
