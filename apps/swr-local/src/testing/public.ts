/**
 * What swr-local offers the project's end-to-end tests and benchmarks (`@swr-console/swr-local/testing`):
 * a sandbox in-process, registry users, images to push, waiting, and its fuzzers.
 */
export { buildImage, buildIndex, writeOciLayout } from '../images/build.js';
export { apiCalls, frontCalls, frontToken, send, type Sent } from './fuzz.js';
export { ociImage, ociIndex } from './images.js';
export {
  loginKey,
  registryUser,
  skopeo,
  startSandbox,
  type RegistryUser,
  type Sandbox,
  type SandboxUser,
} from './sandbox.js';
export { waitFor } from './wait.js';
