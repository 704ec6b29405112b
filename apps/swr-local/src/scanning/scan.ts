import type { Advisory } from './advisories.js';
import { readInventory, type InventoryLimits, type LayerBlob } from './inventory.js';
import { findVulnerabilities } from './match.js';
import { buildReport, type ScanArtifact, type VulnerabilityReport } from './report.js';

/**
 * Scans an image: reads what its layers install, matches that against the advisories, and
 * reports it in Harbor's format. An image of an unsupported distribution gets an empty report;
 * layers that cannot be read reject with `InventoryError`.
 */
export async function scanLayers(
  layers: Iterable<LayerBlob> | AsyncIterable<LayerBlob>,
  advisories: readonly Advisory[],
  artifact: ScanArtifact,
  now: Date = new Date(),
  limits?: InventoryLimits,
): Promise<VulnerabilityReport> {
  const inventory = await readInventory(layers, limits);
  return buildReport(findVulnerabilities(inventory, advisories), artifact, now);
}
