/** How long a share lasts, as the form holds it. */
export type Validity = { kind: 'forever' } | { kind: 'until'; day: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** SWR's deadline for a validity: `forever`, or the UTC midnight that starts the last day. */
export function toDeadline(validity: Validity): string {
  return validity.kind === 'forever' ? 'forever' : `${validity.day}T00:00:00Z`;
}

export function fromDeadline(deadline: string): Validity {
  return deadline === 'forever'
    ? { kind: 'forever' }
    : { kind: 'until', day: deadline.slice(0, 10) };
}

/** The share holds through its last day (UTC) and ends at the following midnight. */
export function isExpired(deadline: string, now: Date): boolean {
  if (deadline === 'forever') return false;
  const end = Date.parse(`${deadline.slice(0, 10)}T00:00:00Z`) + 86_400_000;
  return Number.isFinite(end) && end <= now.getTime();
}

/** Today's date in UTC, `YYYY-MM-DD`: the earliest last day a share can have. */
export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export type ValidityProblem = 'required' | 'invalid' | 'past';

export function validityProblem(validity: Validity, now: Date): ValidityProblem | undefined {
  if (validity.kind === 'forever') return undefined;
  if (!validity.day) return 'required';
  if (!DAY.test(validity.day) || Number.isNaN(Date.parse(`${validity.day}T00:00:00Z`)))
    return 'invalid';
  return validity.day < todayUtc(now) ? 'past' : undefined;
}

export type AccountProblem = 'required' | 'tooLong' | 'spaces' | 'self';

/** An account name to share with: SWR checks that it exists; the console checks the form. */
export function accountProblem(name: string, ownAccount: string): AccountProblem | undefined {
  if (name.trim() === '') return 'required';
  if (name.length > 64) return 'tooLong';
  if (/\s/.test(name)) return 'spaces';
  return name === ownAccount ? 'self' : undefined;
}
