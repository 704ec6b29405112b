import type { SwrCall } from '@swr-console/swr-api';
import { Form, type FormInstance } from 'antd';
import { ShowRequest } from './ShowRequest';

/** `ShowRequest` under an antd form: the calls follow its values as they are typed. */
export function FormRequest<Values>({
  region,
  form,
  calls,
}: {
  region: string;
  form: FormInstance<Values>;
  calls: (values: Partial<Values>) => SwrCall[];
}) {
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  return <ShowRequest region={region} calls={() => calls(values ?? {})} />;
}
