/**
 * What a held deletion takes away, where its path does not say: the body fields that tell one
 * sync task or one permission from another, so the console can mark that row ("Deleting in 8 s")
 * and name it in the undo bar. Only short scalar values of the operations below are read;
 * anything else in a body stays out of the record's view.
 */
export function bodySubject(operation: string, body: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = body === '' ? undefined : JSON.parse(body);
  } catch {
    return {};
  }
  const short = (value: unknown): value is string =>
    typeof value === 'string' && value.length > 0 && value.length <= 128;
  if (operation === 'DeleteImageSyncRepo' && typeof parsed === 'object' && parsed !== null) {
    const region: unknown = Reflect.get(parsed, 'remoteRegionId');
    const namespace: unknown = Reflect.get(parsed, 'remoteNamespace');
    return short(region) && short(namespace)
      ? { remoteRegionId: region, remoteNamespace: namespace }
      : {};
  }
  if (
    (operation === 'DeleteUserRepositoryAuth' || operation === 'DeleteNamespaceAuth') &&
    Array.isArray(parsed) &&
    parsed.length === 1 &&
    short(parsed[0])
  )
    return { user_id: parsed[0] };
  return {};
}
