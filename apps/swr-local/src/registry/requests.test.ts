import { describe, expect, it } from 'vitest';
import { imagePathOf } from './requests.js';

describe('the image paths of the registry API', () => {
  it.each([
    ['/v2/team/app/manifests/v1', 'team/app', 'manifests', '/v1'],
    ['/v2/team/app/blobs/sha256:ab', 'team/app', 'blobs', '/sha256:ab'],
    ['/v2/team/app/blobs/uploads/', 'team/app', 'blobs', '/uploads/'],
    ['/v2/team/app/blobs/uploads/5f0e-1', 'team/app', 'blobs', '/uploads/5f0e-1'],
    ['/v2/team/app/tags/list', 'team/app', 'tags', '/list'],
    // Repositories named as the routes are: the name is the longest that leaves a route.
    ['/v2/team/tags/blobs/sha256:ab', 'team/tags', 'blobs', '/sha256:ab'],
    ['/v2/team/blobs/manifests/v1', 'team/blobs', 'manifests', '/v1'],
    ['/v2/team/manifests/tags/list', 'team/manifests', 'tags', '/list'],
    // …and tags named so are still tags.
    ['/v2/team/app/manifests/blobs', 'team/app', 'manifests', '/blobs'],
    ['/v2/team/app/manifests/tags', 'team/app', 'manifests', '/tags'],
    ['/v2/team/app/manifests/', 'team/app', 'manifests', '/'],
  ])('when a client asks for %s, then it names %s, %s, %s', (path, name, kind, rest) => {
    expect(imagePathOf(path)).toEqual({ name, kind, rest });
  });

  it.each([
    '/v2/',
    '/v2/team/app',
    '/v2/team/app/tags',
    '/v2/team/app/blobs/a/b',
    '/v3/a/manifests/v1',
  ])('when a client asks for %s, then it is no image path', (path) => {
    expect(imagePathOf(path)).toBeUndefined();
  });
});
