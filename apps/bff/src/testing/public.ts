/** What the BFF offers the project's benchmarks (`@swr-console/bff/testing`): its fuzzer. */
export { fuzzRequests, sandboxNames, type FuzzSession } from './fuzz.js';
export { judge, sendRaw } from './raw.js';
