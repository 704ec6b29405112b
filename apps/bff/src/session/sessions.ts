import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { requestState } from '../request-state.js';
import type { LoadedSession, SessionRecord } from './record.js';
import { fromStore, type SessionStore } from './store.js';
import type { Credentials, Vault } from './vault.js';

/** `__Host-`: only over a secure origin (HTTPS, or localhost), host-only, path `/`. */
export const SESSION_COOKIE = '__Host-swr-console';
/**
 * Readable by the page, and no secret: only "a session was signed in here". The console asks for
 * its session only when it is there, so a signed-out visit makes no request that must fail (a
 * 401 is an error in the browser's console). Cleared at sign-out and when the session is gone.
 */
export const SIGNED_IN_COOKIE = '__Host-swr-console-signed-in';
/** A session that is not signed in yet (it only carries a CSRF token for the sign-in form). */
const ANONYMOUS_SECONDS = 15 * 60;
/** Refreshing the idle timer costs a write; once a minute is precise enough. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionOptions {
  store: SessionStore;
  vault: Vault;
  idleSeconds: number;
  maxSeconds: number;
  now?: () => number;
}

function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The store not answering is an outage to report (503), not a bug of the request (500). */
function stored<T>(operation: () => Promise<T>): Promise<T> {
  return fromStore(operation(), 'Sessions cannot be read or written just now; try again shortly.');
}

function cookieValue(req: Request, wanted = SESSION_COOKIE): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === wanted) return rest.join('=');
  }
  return undefined;
}

function hasCookie(req: Request, name: string): boolean {
  return cookieValue(req, name) !== undefined;
}

/**
 * Server-side sessions: an opaque 256-bit id in the cookie, everything else in the store, with
 * an idle timeout and an absolute lifetime checked on every request.
 */
export class Sessions {
  private readonly now: () => number;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Loads the request's session into `res.locals.session` (or leaves it undefined). */
  load(): RequestHandler {
    return async (req, res, next) => {
      const id = cookieValue(req);
      if (id && /^[A-Za-z0-9_-]{43}$/.test(id)) {
        const record = await stored(() => this.options.store.get(id));
        if (record && this.alive(record)) {
          requestState(res).session = { id, record } satisfies LoadedSession;
          if (record.identity && this.now() - record.lastSeenAt > TOUCH_EVERY_MS) {
            record.lastSeenAt = this.now();
            await stored(() => this.options.store.set(id, record, this.ttl(record)));
          }
        } else if (record) {
          await stored(() => this.options.store.destroy(id));
        }
      }
      if (!requestState(res).session?.record.identity && hasCookie(req, SIGNED_IN_COOKIE))
        this.clearHint(res);
      next();
    };
  }

  private alive(record: SessionRecord): boolean {
    const now = this.now();
    if (!record.identity) return now - record.createdAt < ANONYMOUS_SECONDS * 1000;
    return (
      now - record.lastSeenAt < this.options.idleSeconds * 1000 &&
      now - record.createdAt < this.options.maxSeconds * 1000
    );
  }

  private ttl(record: SessionRecord): number {
    if (!record.identity) return ANONYMOUS_SECONDS;
    const left = Math.ceil((record.createdAt + this.options.maxSeconds * 1000 - this.now()) / 1000);
    return Math.max(1, Math.min(this.options.idleSeconds, left));
  }

  /** A session for the sign-in form only: it carries nothing but a CSRF token. */
  async anonymous(res: Response): Promise<LoadedSession> {
    const existing = requestState(res).session;
    if (existing) return existing;
    const id = newSessionId();
    const now = this.now();
    const record: SessionRecord = { createdAt: now, lastSeenAt: now, csrf: newCsrfToken() };
    await stored(() => this.options.store.set(id, record, ANONYMOUS_SECONDS));
    this.setCookie(res, id, ANONYMOUS_SECONDS);
    requestState(res).session = { id, record };
    return { id, record };
  }

  /**
   * Signs a session in under a new id (the old one, if any, is destroyed: no fixation), with the
   * credentials sealed to that id and a fresh CSRF token.
   */
  async signIn(
    res: Response,
    identity: NonNullable<SessionRecord['identity']>,
    credentials: Credentials,
  ): Promise<LoadedSession> {
    const previous = requestState(res).session;
    if (previous) await stored(() => this.options.store.destroy(previous.id));
    const id = newSessionId();
    const now = this.now();
    const record: SessionRecord = {
      createdAt: now,
      lastSeenAt: now,
      csrf: newCsrfToken(),
      identity,
      vault: this.options.vault.seal(id, credentials),
    };
    await stored(() => this.options.store.set(id, record, this.ttl(record)));
    this.setCookie(res, id, this.options.maxSeconds);
    res.append(
      'Set-Cookie',
      `${SIGNED_IN_COOKIE}=1; Path=/; Secure; SameSite=Strict; Max-Age=${this.options.maxSeconds}`,
    );
    requestState(res).session = { id, record };
    return { id, record };
  }

  async signOut(res: Response): Promise<void> {
    const session = requestState(res).session;
    if (session) await stored(() => this.options.store.destroy(session.id));
    requestState(res).session = undefined;
    res.append(
      'Set-Cookie',
      `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`,
    );
    this.clearHint(res);
  }

  private clearHint(res: Response): void {
    res.append('Set-Cookie', `${SIGNED_IN_COOKIE}=; Path=/; Secure; SameSite=Strict; Max-Age=0`);
  }

  /** The session's credentials, or undefined when the vault does not open (tampered: fail closed). */
  credentials(session: LoadedSession): Credentials | undefined {
    return session.record.vault
      ? this.options.vault.open(session.id, session.record.vault)
      : undefined;
  }

  private setCookie(res: Response, id: string, maxAgeSeconds: number): void {
    res.append(
      'Set-Cookie',
      `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeSeconds}`,
    );
  }
}
