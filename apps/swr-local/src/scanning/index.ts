/** The scanner as the sandbox's benchmarks use it: advisories shipped as data, and a scan. */
export { loadAdvisories } from './advisories.js';
export { scanLayers } from './scan.js';
