import { lazy } from 'react';

// What a page shows only when something is wrong loads only then: the 404 page with its
// illustration, and the error alert with antd (which the entry does not load).

export const NotFoundLater = lazy(async () => ({ default: (await import('./NotFound')).NotFound }));

export const RouteErrorAlertLater = lazy(async () => ({
  default: (await import('./RouteErrorAlert')).RouteErrorAlert,
}));
