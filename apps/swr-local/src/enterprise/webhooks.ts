import { randomUUID } from 'node:crypto';
import { selectedTags, signedDigestOf, type WebhookBody } from '@swr-console/swr-api';
import { z } from 'zod';
import type { Services } from '../services.js';
import { isPublic } from './records.js';
import type { RecordedPush } from './registry.js';
import {
  deliver,
  jobDetail,
  pushArtifactPayload,
  retryDelayMs,
  shouldRetry,
  WEBHOOK_ATTEMPTS,
  type DeliveryOutcome,
} from './webhook-delivery.js';

/**
 * Webhooks at work. A push of a tag stores, in one transaction, one job per target of every
 * enabled webhook that selects it, each Pending with the exact body to send, and a durable job
 * per delivery. The runner sends it (webhook-delivery.ts) and settles it: Succeed, Pending again
 * with a later durable job when another attempt may help, or Failed saying why. A delivery cut
 * short by a stop is left InProgress and sent again at start, with the same `X-Swr-Delivery`.
 */

export const WEBHOOK_JOB = 'ent-webhook';
export const MAX_WEBHOOKS_PER_NAMESPACE = 10;

export interface WebhookRow {
  id: number;
  namespace_id: number;
  definition: string;
  creator: string;
  created_at: string;
  updated_at: string;
}

export interface WebhookJobRow {
  id: number;
  policy_id: number;
  event_type: string;
  notify_type: string;
  address: string;
  payload: string;
  status: 'Pending' | 'InProgress' | 'Succeed' | 'Failed' | 'Stopped';
  status_text: string;
  job_detail: string;
  attempts: number;
  created_at: string;
  updated_at: string;
}

/** What a webhook stores: the body as given, secrets included (the API masks them). */
export const definitionOf = (row: Pick<WebhookRow, 'definition'>) =>
  JSON.parse(row.definition) as WebhookBody;

/**
 * The durable job of one attempt. `attempt` lets a job that a crash left behind after its
 * successor was stored see that it is stale; `deliveryId` is the same on every attempt of an event.
 */
const jobPayload = z.object({
  jobId: z.int(),
  attempt: z.int().min(1),
  deliveryId: z.string().min(1),
});
type JobPayload = z.infer<typeof jobPayload>;

/** After a push: the deliveries of every enabled webhook of the namespace that selects the tag. */
export function webhooksOnPush(services: Services, push: RecordedPush): void {
  const { tag } = push;
  if (tag === undefined || push.artifact.type === 'SIGNATURE' || signedDigestOf(tag)) return;
  try {
    queueDeliveries(services, push, tag);
  } catch (error) {
    // A webhook must never fail the push that triggered it.
    services.log.warn({ err: error, tag }, 'webhook deliveries not queued');
  }
}

function queueDeliveries(services: Services, push: RecordedPush, tag: string): void {
  const { db, clock, jobs, identity, instances } = services;
  const rows = db
    .prepare('SELECT * FROM ent_webhooks WHERE namespace_id = ? ORDER BY id')
    .all(push.namespace.id) as WebhookRow[];
  const chosen = rows
    .map((row) => ({ row, definition: definitionOf(row) }))
    .filter(
      ({ definition }) =>
        definition.enabled &&
        definition.event_types.includes('PUSH_ARTIFACT') &&
        selectedTags(definition.scope_rules, { repository: push.repository.name, tags: [tag] }),
    );
  if (chosen.length === 0) return;
  const now = clock();
  const at = now.toISOString();
  const host = instances.get(push.instance.id)?.host ?? '';
  const body = JSON.stringify(
    pushArtifactPayload({
      occurredAt: now,
      operator: (push.pusher && identity.userById(push.pusher)?.name) ?? push.pusher ?? '',
      namespace: push.namespace.name,
      repository: push.repository.name,
      tag,
      digest: push.artifact.digest,
      resourceUrl: `${host}/${push.namespace.name}/${push.repository.name}:${tag}`,
      repoType: isPublic(push.namespace) ? 'public' : 'private',
      repositoryCreatedAt: new Date(push.repository.created_at),
    }),
  );
  const deliveryId = randomUUID();
  const insert = db.prepare(
    `INSERT INTO ent_webhook_jobs (policy_id, event_type, notify_type, address, payload, status, created_at, updated_at)
     VALUES (?, 'PUSH_ARTIFACT', 'http', ?, ?, 'Pending', ?, ?)`,
  );
  db.transaction(() => {
    for (const { row, definition } of chosen)
      for (const target of definition.targets) {
        const jobId = Number(insert.run(row.id, target.address, body, at, at).lastInsertRowid);
        const payload: JobPayload = { jobId, attempt: 1, deliveryId };
        jobs.enqueue(WEBHOOK_JOB, payload, now, false);
      }
  })();
  jobs.wake();
}

/** What went wrong in an attempt, as the job's status text says it. */
function failureOf(outcome: DeliveryOutcome): string {
  if (outcome.statusCode === undefined) return outcome.error ?? 'no response';
  return outcome.error
    ? `HTTP ${outcome.statusCode}: ${outcome.error}`
    : `HTTP ${outcome.statusCode}`;
}

const inWords = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

/** The job: one attempt of one delivery, settled. Does nothing for a job gone, done or stale. */
export async function runWebhookJob(
  services: Services,
  raw: unknown,
  shutdown?: AbortSignal,
): Promise<void> {
  const parsed = jobPayload.safeParse(raw);
  if (!parsed.success) return;
  const { jobId, attempt, deliveryId } = parsed.data;
  const { db, clock, jobs } = services;
  const job = db
    .prepare(
      `SELECT j.*, w.definition FROM ent_webhook_jobs j JOIN ent_webhooks w ON w.id = j.policy_id
       WHERE j.id = ?`,
    )
    .get(jobId) as (WebhookJobRow & { definition: string }) | undefined;
  // Gone with its webhook, settled already, or a copy a crash left of an earlier attempt.
  if (!job || !['Pending', 'InProgress'].includes(job.status) || attempt !== job.attempts + 1)
    return;
  const settle = (status: WebhookJobRow['status'], text: string, detail = job.job_detail) =>
    db
      .prepare(
        'UPDATE ent_webhook_jobs SET status = ?, status_text = ?, job_detail = ?, attempts = ?, updated_at = ? WHERE id = ?',
      )
      .run(status, text, detail, attempt, clock().toISOString(), jobId).changes > 0;

  const definition = definitionOf(job);
  if (!definition.enabled) {
    settle('Stopped', 'The webhook was disabled before this delivery.');
    return;
  }
  const target = definition.targets.find((candidate) => candidate.address === job.address);
  if (!target) {
    settle('Stopped', 'The target was removed from the webhook before this delivery.');
    return;
  }
  db.prepare("UPDATE ent_webhook_jobs SET status = 'InProgress', updated_at = ? WHERE id = ?").run(
    clock().toISOString(),
    jobId,
  );
  const outcome = await deliver(target, job.payload, {
    event: job.event_type,
    deliveryId,
    now: clock(),
    signal: shutdown,
  });
  // Cut short by a stop of swr-local: left InProgress, sent again at the next start.
  if (shutdown?.aborted && !outcome.ok)
    throw new Error('swr-local stopped during the delivery; it is sent again at the next start');
  const detail = jobDetail(outcome, attempt, job.payload);
  if (outcome.ok) {
    settle('Succeed', `HTTP ${outcome.statusCode}`, detail);
    return;
  }
  const failure = failureOf(outcome);
  if (!shouldRetry(outcome)) {
    const refused = (outcome.statusCode ?? 0) >= 400;
    settle(
      'Failed',
      `${failure}${refused ? ' (not retried: the receiver refused it)' : ''}`,
      detail,
    );
    return;
  }
  if (attempt >= WEBHOOK_ATTEMPTS) {
    settle('Failed', `${failure} after ${attempt} attempts`, detail);
    return;
  }
  const delay = (services.webhookRetryDelayMs ?? retryDelayMs)(attempt);
  const next: JobPayload = { jobId, attempt: attempt + 1, deliveryId };
  db.transaction(() => {
    const text = `${failure}; attempt ${attempt + 1} of ${WEBHOOK_ATTEMPTS} in ${inWords(delay)}`;
    // Deleted meanwhile: nothing left to retry.
    if (settle('Pending', text, detail))
      jobs.enqueue(WEBHOOK_JOB, next, new Date(clock().getTime() + delay), false);
  })();
  jobs.wake();
}
