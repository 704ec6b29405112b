/** The webhook rules' problems in Chinese, by the names `webhook-problems.ts` finds them under. */
export const problemsZh = {
  addressEmpty: '请输入地址。',
  addressLong: '地址最多 {max} 个字符。',
  addressSpaces: '地址不能包含空格或控制字符。',
  addressInvalid: '这不是有效的地址。',
  addressScheme: '请使用 http:// 或 https:// 地址。',
  addressUser: '地址中不要包含用户名和密码，请通过请求头发送。',
  addressPort: '端口须在 1 到 65535 之间。',
  internalOnly:
    '内网地址必须是私有网络 IP 地址（10.x、172.16–31.x、192.168.x、127.x、::1 或 fc00::/7）。',
  privateIsInternal: '私有网络或环回地址的地址类型必须是“内网”。',
  reserved: '此 IP 地址为保留地址，不能接收 Webhook。',
  headersLong: '请求头最多 {max} 个字符。',
  headersBreaks: '请求头不能包含换行或 NUL 字符。',
  headerForm: '请把“{entry}”写成 名称:值。',
  headerUnnamed: '每个请求头都需要名称：名称:值。',
  headerName: '“{name}”不是请求头名称：只能使用字母、数字和 -。',
  headerReserved: '{name} 请求头由 Webhook 自身设置，不能发送。',
  headerTwice: '{name} 请求头重复了。',
  headerValue: '{name} 的值包含请求头无法携带的字符。',
  headersMany: '最多 {max} 个请求头。',
} as const;
