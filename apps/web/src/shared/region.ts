import { useParams } from 'react-router';

/** The region of the current page: the first segment of every signed-in URL. */
export function useRegion(): string {
  const { region } = useParams();
  if (!region) throw new Error('useRegion outside a region route');
  return region;
}

/** Repository names hold "/"; in console URLs (as in SWR's) they travel with "$" instead. */
export function repositoryToUrl(name: string): string {
  return name.replaceAll('/', '$');
}

export function repositoryFromUrl(segment: string): string {
  return segment.replaceAll('$', '/');
}
