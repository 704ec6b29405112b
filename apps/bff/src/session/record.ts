/** Who a signed-in session acts for; shown to the user, never a secret. */
export interface Identity {
  method: 'aksk' | 'password';
  accountName: string;
  accountId: string;
  userName: string;
  userId: string;
  admin: boolean;
  /** Project id per region the session may use. */
  projects: Record<string, string>;
  /** The access key id (not the secret), for the long-term login user name. */
  accessKey?: string;
}

/** What the store keeps per session id. */
export interface SessionRecord {
  createdAt: number;
  lastSeenAt: number;
  /** Synchronizer token every state-changing request must echo in X-CSRF-Token. */
  csrf: string;
  identity?: Identity;
  /** The sealed credentials (see Vault). */
  vault?: string;
}

export interface AuditEntry {
  at: string;
  accountId: string;
  userId: string;
  userName: string;
  method: string;
  action: string;
  target: string;
  status: number;
  requestId: string;
  ip: string;
}

/** A session read from the store for the request being served. */
export interface LoadedSession {
  id: string;
  record: SessionRecord;
}
