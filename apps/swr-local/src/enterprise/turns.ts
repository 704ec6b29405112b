import { KeyedMutex } from '../domain/mutex.js';

/**
 * Work on one artifact's signatures takes turns: signing reads the `.sig` manifest, adds a layer
 * and writes it back, and deleting an artifact removes that manifest. Two signings at once would
 * lose a signature; a deletion during a signing would leave one behind.
 */
export const signatureTurns = new KeyedMutex();

export const turnOf = (instanceId: string, repository: string, digest: string) =>
  `${instanceId}/${repository}@${digest}`;

/**
 * Changes to one repository's manifests take turns: a push through the registry front, a deletion
 * there, and the API's tag, artifact and repository deletions. Untagging deletes a manifest and
 * writes it back under its other tags; a push in between would be undone by it.
 */
export const repositoryTurns = new KeyedMutex();

export const repositoryTurnOf = (instanceId: string, repository: string) =>
  `${instanceId}/${repository}`;
