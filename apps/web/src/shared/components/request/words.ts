/** The panel's own words (they load with it, not with the console's catalogs). */
export const requestWords = {
  'en-US': {
    tabs: 'Request as',
    intro:
      'What the console will send to the SWR API when you confirm; nothing has been sent. No credentials are shown: sign with your own AK/SK, or let the CLI or the SDK do it.',
    many: '{count} requests, one per item.',
    incomplete: 'Fill in the form to see its request.',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'The browser did not allow copying; select the text and copy it yourself.',
    sdkMissingOperation:
      'The official Node SDK ({sdk}) has no call for {name}; use curl or KooCLI for it.',
    sdkMissingField:
      'The official Node SDK ({sdk}) has no field "{name}" for this request; use curl or KooCLI for it.',
  },
  'zh-CN': {
    tabs: '请求形式',
    intro:
      '确认后控制台将向 SWR API 发送的请求；现在还没有发送。这里不显示任何凭证：请用您自己的 AK/SK 签名，或交给 CLI、SDK 完成。',
    many: '共 {count} 个请求，每项一个。',
    incomplete: '填写表单后即可看到对应的请求。',
    copy: '复制',
    copied: '已复制',
    copyFailed: '浏览器不允许复制；请选中文本自行复制。',
    sdkMissingOperation: '官方 Node SDK（{sdk}）没有 {name} 的调用；请使用 curl 或 KooCLI。',
    sdkMissingField: '官方 Node SDK（{sdk}）的此请求没有字段“{name}”；请使用 curl 或 KooCLI。',
  },
} as const;
