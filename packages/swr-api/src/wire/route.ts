import { endpoints, type Endpoint, type EndpointId } from './endpoints.js';

type Segment =
  { kind: 'literal'; value: string } | { kind: 'param'; name: string; pattern?: RegExp };

interface CompiledRoute {
  id: EndpointId;
  endpoint: Endpoint;
  segments: Segment[];
}

export interface MatchedOperation {
  id: EndpointId;
  endpoint: Endpoint;
  /** Path parameters, percent-decoded once (a repository keeps its `$` separators). */
  params: Record<string, string>;
}

function compile(path: string): Segment[] {
  return splitPath(path).map((segment) => {
    const param = /^\{([a-z_]+)(?::(.+))?\}$/.exec(segment);
    if (!param) return { kind: 'literal', value: segment };
    const [, name, pattern] = param as unknown as [string, string, string | undefined];
    return pattern === undefined
      ? { kind: 'param', name }
      : { kind: 'param', name, pattern: new RegExp(`^(?:${pattern})$`) };
  });
}

function splitPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed === '/' ? [] : trimmed.slice(1).split('/');
}

/** Literal segments win over constrained parameters, which win over free ones, left to right. */
function rank(segment: Segment): number {
  if (segment.kind === 'literal') return 0;
  return segment.pattern ? 1 : 2;
}

function bySpecificity(a: CompiledRoute, b: CompiledRoute): number {
  const length = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i++) {
    const diff = rank(a.segments[i]!) - rank(b.segments[i]!);
    if (diff !== 0) return diff;
  }
  return 0;
}

const routes: CompiledRoute[] = (Object.entries(endpoints) as [EndpointId, Endpoint][])
  .map(([id, endpoint]) => ({ id, endpoint, segments: compile(endpoint.path) }))
  .sort(bySpecificity);

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Finds the operation a method and raw request path (as on the wire, without query) belong to.
 * It matches structure only: parameter values are checked by the operation's schemas afterwards,
 * so a malformed name becomes a 400 rather than an unknown path.
 */
export function matchOperation(method: string, rawPath: string): MatchedOperation | undefined {
  const wanted = method.toUpperCase();
  const segments = splitPath(rawPath);
  for (const route of routes) {
    if (route.endpoint.method !== wanted || route.segments.length !== segments.length) continue;
    const params = matchSegments(route.segments, segments);
    if (params) return { id: route.id, endpoint: route.endpoint, params };
  }
  return undefined;
}

function matchSegments(pattern: Segment[], segments: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const value = decode(segments[i]!);
    if (value === undefined || value === '') return undefined;
    if (expected.kind === 'literal') {
      if (value !== expected.value) return undefined;
    } else {
      if (expected.pattern && !expected.pattern.test(value)) return undefined;
      params[expected.name] = value;
    }
  }
  return params;
}

/** Whether any operation lives at this path, whatever the method (405 rather than 404). */
export function pathExists(rawPath: string): Endpoint['method'][] {
  const segments = splitPath(rawPath);
  return routes
    .filter((r) => r.segments.length === segments.length && matchSegments(r.segments, segments))
    .map((r) => r.endpoint.method);
}
