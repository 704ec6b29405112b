import { fromSwr, swrClientOf, type RegionUpstream } from '../auth/clients.js';
import { HttpProblem, titleOf } from '../problem.js';

/** A bounded map that forgets what was used least recently. */
export class Kept<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly size: number) {}
  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: T): void {
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** A temporary docker login of the user for the region's registry (SWR's `utils/secret`). */
export async function temporaryLogin(upstream: RegionUpstream, durationSeconds?: number) {
  const answer = await fromSwr(
    swrClientOf(upstream).request('CreateSecret', {
      query: {
        projectname: upstream.region.id,
        ...(durationSeconds ? { duration_seconds: durationSeconds } : {}),
      },
    }),
  );
  // Only the headers carry the login.
  const match = / -u (\S+) -p (\S+)/.exec(answer.headers.get('x-swr-dockerlogin') ?? '');
  if (!match?.[1] || !match[2])
    throw new HttpProblem(502, titleOf(502), 'SWR did not issue a login.', { code: 'NO_LOGIN' });
  return {
    username: match[1],
    password: match[2],
    expiresAt: answer.headers.get('x-swr-expireat') ?? undefined,
  };
}
