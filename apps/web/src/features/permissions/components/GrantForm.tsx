import { AUTH_LEVELS, type AuthLevel, type SwrCall, type UserAuth } from '@swr-console/swr-api';
import { Button, Flex, Form, Input, Radio, Select, Space } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';
import { lengthCount, lengthRule } from '../../../shared/names';
import type { IamUser } from '../api';
import { LEVELS } from './LevelTag';
import { FormRequest } from '../../../shared/components/FormRequest';

export type TypedUserIdProblem = 'empty' | 'spaces' | 'self' | 'held';

/** What is wrong with a typed user ID: SWR refuses your own, and a second grant to a holder (409). */
export function typedUserIdProblem(
  id: string,
  selfId: string,
  held: ReadonlySet<string>,
): TypedUserIdProblem | undefined {
  if (id.trim() === '') return 'empty';
  if (/\s/.test(id)) return 'spaces';
  if (id === selfId) return 'self';
  if (held.has(id)) return 'held';
  return undefined;
}

/** The users a picker offers: not yourself, and not someone who already holds a permission here. */
export function grantableUsers(
  users: readonly IamUser[],
  selfId: string,
  held: ReadonlySet<string>,
): IamUser[] {
  return users
    .filter((user) => user.id !== selfId && !held.has(user.id))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface GrantValues {
  userIds?: string[];
  userId?: string;
  userName?: string;
  auth: AuthLevel;
}

/** The request body for the form's values: picked users, or the one typed in. */
export function toGrants(values: GrantValues, users: readonly IamUser[] | undefined): UserAuth[] {
  if (users) {
    const byId = new Map(users.map((user) => [user.id, user.name]));
    return (values.userIds ?? []).map((id) => ({
      user_id: id,
      user_name: byId.get(id) ?? id,
      auth: values.auth,
    }));
  }
  return [
    {
      user_id: (values.userId ?? '').trim(),
      user_name: (values.userName ?? '').trim(),
      auth: values.auth,
    },
  ];
}

/**
 * Whom to grant and at which level. With `users` (the IAM list) the grantees are picked; without
 * it (IAM answers only administrators) they are typed in as an ID and a name.
 */
export function GrantForm({
  users,
  loadingUsers = false,
  selfId,
  held,
  pending,
  request,
  onSubmit,
  onCancel,
}: {
  users: readonly IamUser[] | undefined;
  loadingUsers?: boolean;
  selfId: string;
  held: ReadonlySet<string>;
  pending: boolean;
  /** The region and the call a grant makes, to show before it is sent. */
  request?: { region: string; calls: (grants: UserAuth[]) => SwrCall[] };
  onSubmit: (grants: UserAuth[]) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<GrantValues>();
  const options = users ? grantableUsers(users, selfId, held) : [];
  const idMessages: Record<TypedUserIdProblem, string> = {
    empty: t('permissions.grant.userId.required'),
    spaces: t('permissions.grant.userId.spaces'),
    self: t('permissions.grant.self'),
    held: t('permissions.grant.held'),
  };
  return (
    <Form<GrantValues>
      form={form}
      name="grant-permission"
      layout="vertical"
      initialValues={{ auth: AUTH_LEVELS.read }}
      onFinish={(values) => onSubmit(toGrants(values, users))}
    >
      {users ? (
        <Form.Item
          name="userIds"
          label={t('permissions.grant.users')}
          extra={t('permissions.grant.users.help')}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: t('permissions.grant.users.required'),
            },
          ]}
        >
          <Select
            mode="multiple"
            loading={loadingUsers}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={loadingUsers ? t('common.loading') : t('permissions.grant.users.none')}
            options={options.map((user) => ({ value: user.id, label: user.name }))}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name="userId"
            label={t('permissions.grant.userId')}
            extra={t('permissions.grant.userId.help')}
            rules={[
              lengthRule(64, t),
              {
                validator: (_, value: string | undefined) => {
                  const problem = typedUserIdProblem(value ?? '', selfId, held);
                  return problem
                    ? Promise.reject(new Error(idMessages[problem]))
                    : Promise.resolve();
                },
              },
            ]}
          >
            <Input spellCheck={false} autoComplete="off" count={lengthCount(64)} />
          </Form.Item>
          <Form.Item
            name="userName"
            label={t('permissions.grant.userName')}
            extra={t('permissions.grant.userName.help')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('permissions.grant.userName.required'),
              },
              lengthRule(64, t),
            ]}
          >
            <Input spellCheck={false} autoComplete="off" count={lengthCount(64)} />
          </Form.Item>
        </>
      )}
      <Form.Item name="auth" label={t('permissions.level')}>
        <Radio.Group>
          <Space orientation="vertical">
            {LEVELS.map((auth) => (
              <Radio key={auth} value={auth}>
                <Typography.Text strong>{t(`permissions.level.${auth}`)}</Typography.Text>
                {' — '}
                <Typography.Text>{t(`permissions.levelHelp.${auth}`)}</Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {request ? (
        <FormRequest
          region={request.region}
          form={form}
          calls={(values) => {
            const grants = toGrants({ auth: AUTH_LEVELS.read, ...values }, users);
            return grants.length > 0 && grants.every((grant) => grant.user_id !== '')
              ? request.calls(grants)
              : [];
          }}
        />
      ) : null}
      <Flex justify="end" gap={8} style={{ marginTop: 12 }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={pending}>
          {t('permissions.grant.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
