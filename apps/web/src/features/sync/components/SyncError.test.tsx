import { screen } from '@testing-library/react';
import { ApiError } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { renderAt } from '../../../testing/render';
import { SyncError } from './SyncError';

const at = (error: unknown) => renderAt('/', [{ path: '/', element: <SyncError error={error} /> }]);

describe('SyncError', () => {
  it('when SWR refuses sync with a 403, then the user is told who may set it up, and SWR’s code stays visible', () => {
    at(
      new ApiError({
        status: 403,
        code: 'SVCSTG.SWR.4030000',
        message: 'Only administrators can set up image sync',
      }),
    );
    expect(screen.getByText(/Only the account itself and its administrators/)).toBeVisible();
    expect(screen.getByText('Only administrators can set up image sync')).toBeVisible();
    expect(screen.getByText('SVCSTG.SWR.4030000')).toBeVisible();
  });

  it('when sync fails otherwise, then only the error is shown', () => {
    at(new ApiError({ status: 500, code: 'SVCSTG.SWR.5000000', message: 'Internal error' }));
    expect(screen.queryByText(/Only the account itself and its administrators/)).toBeNull();
    expect(screen.getByText('Internal error')).toBeVisible();
  });
});
