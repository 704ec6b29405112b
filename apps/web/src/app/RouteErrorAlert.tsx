import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Themed } from './Themed';

/** A page's error, with a retry that reloads it. */
export function RouteErrorAlert({ error }: { error: unknown }) {
  return (
    <Themed>
      <div style={{ padding: 24 }}>
        <ErrorAlert error={error} onRetry={() => window.location.reload()} />
      </div>
    </Themed>
  );
}
