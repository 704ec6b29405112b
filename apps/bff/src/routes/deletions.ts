import { bffOperations } from '@swr-console/contracts/bff/schemas';
import { Router } from 'express';
import { UndoRefused, viewOf, type Deletions } from '../deletions/deletions.js';
import { HttpProblem, titleOf } from '../problem.js';
import { requestState } from '../request-state.js';
import { requireSignIn, signedIn } from '../security.js';
import { storeDown, within } from '../session/store.js';
import { checked, reply, serve } from './contract.js';

/** The store being away is an outage to report (503); an undo it refused stays itself. */
async function stored<T>(operation: Promise<T>): Promise<T> {
  try {
    return await within(operation);
  } catch (error) {
    if (error instanceof UndoRefused) throw error;
    throw storeDown('Held deletions cannot be read just now; try again shortly.', error);
  }
}

/**
 * `GET /api/deletions`: the account's held deletions (anyone of the account sees what is about to
 * go); `POST /api/deletions/{id}/undo`: by whoever asked, or an administrator.
 */
export function deletionRoutes(deletions: Deletions): Router {
  const router = Router();
  serve(router, 'ListDeletions', requireSignIn(), async (req, res) => {
    const { region } = checked(bffOperations.ListDeletions.query, req.query, {
      prefix: 'query.',
    });
    const { identity } = signedIn(res);
    const records = await stored(deletions.list(identity.accountId));
    reply(res, 'ListDeletions', {
      deletions: records
        .filter((record) => region === undefined || record.region === region)
        .map(viewOf),
    });
  });

  serve(router, 'UndoDeletion', requireSignIn(), async (req, res) => {
    const { id } = checked(bffOperations.UndoDeletion.params, req.params, { prefix: 'path.' });
    const { identity } = signedIn(res);
    requestState(res).audit = { action: 'UndoDeletion', target: id };
    try {
      const record = await stored(deletions.undo(id, identity));
      requestState(res).audit = {
        action: `${record.operation}.undone`,
        target: `${record.region}${record.path.split('?')[0]}`,
      };
      reply(res, 'UndoDeletion', { deletion: viewOf(record) });
    } catch (error) {
      if (!(error instanceof UndoRefused)) throw error;
      if (error.reason === 'not-found')
        throw new HttpProblem(404, titleOf(404), 'There is no such held deletion.', {
          code: 'DELETION_NOT_FOUND',
        });
      if (error.reason === 'forbidden')
        throw new HttpProblem(
          403,
          titleOf(403),
          'Only who asked for this deletion, or an administrator, can undo it.',
          { code: 'FORBIDDEN' },
        );
      throw new HttpProblem(
        409,
        titleOf(409),
        'Too late to undo: the deletion has already been sent to SWR.',
        { code: 'DELETION_STARTED' },
      );
    }
  });
  return router;
}
