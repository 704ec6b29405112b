import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../shared/i18n';
import { Themed } from './Themed';

/** The 404 page; `standalone` when it is not inside the shell (which already has a <main>). */
export function NotFound({ standalone = false }: { standalone?: boolean }) {
  const t = useT();
  const result = (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('shell.notFound.title')}</h1>}
      subTitle={t('shell.notFound.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('shell.notFound.home')}</Button>
        </Link>
      }
    />
  );
  return <Themed>{standalone ? <main>{result}</main> : result}</Themed>;
}

/** The 404 page outside the shell. */
export function StandaloneNotFound() {
  return <NotFound standalone />;
}
