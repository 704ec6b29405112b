/**
 * Fills a path template. Values are percent-encoded per segment, except `$`, which SWR expects raw
 * in repository names; a repository's `/` is written as `$`.
 */
export function buildPath(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{([a-z_]+)(?::[^}]+)?\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '')
      throw new TypeError(`missing path parameter "${name}"`);
    const text = name === 'repository' ? String(value).replaceAll('/', '$') : String(value);
    return encodeURIComponent(text).replaceAll('%24', '$');
  });
}
