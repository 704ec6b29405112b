import { KeyedMutex } from '../domain/mutex.js';

/**
 * Work on one artifact's signatures takes turns: signing reads the `.sig` manifest, adds a layer
 * and writes it back, and deleting an artifact removes that manifest. Two signings at once would
 * lose a signature; a deletion during a signing would leave one behind.
 */
export const signatureTurns = new KeyedMutex();

export const turnOf = (instanceId: string, repository: string, digest: string) =>
  `${instanceId}/${repository}@${digest}`;
