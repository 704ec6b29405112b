/**
 * Fills a path template. Values are percent-encoded per segment, except `$`, which SWR expects raw
 * in repository names; a repository's `/` is written as `$`. The Enterprise edition instead wants
 * its `repository_name` encoded twice (`team/app` travels as `team%252Fapp`).
 */
/** A repository name as SWR's paths write it: its `/` as `$` (`team/app` → `team$app`). */
export function repositoryInPath(name: string): string {
  return name.replaceAll('/', '$');
}

export function buildPath(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{([a-z_]+)(?::[^}]+)?\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '')
      throw new TypeError(`missing path parameter "${name}"`);
    if (name === 'repository_name') return encodeURIComponent(encodeURIComponent(String(value)));
    const text = name === 'repository' ? repositoryInPath(String(value)) : String(value);
    return encodeURIComponent(text).replaceAll('%24', '$');
  });
}
