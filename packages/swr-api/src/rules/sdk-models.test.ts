import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { readSdkModels, sdkModelsSource } from '../testing/sdk-models.js';
import { SDK_VERSION, sdkModels } from './sdk-models.js';

const require = createRequire(import.meta.url);
const installed = (
  JSON.parse(
    readFileSync(require.resolve('@huaweicloud/huaweicloud-sdk-swr/package.json'), 'utf8'),
  ) as { version: string }
).version;

describe('the SDK model table', () => {
  it('when the installed official SDK is read, then the table says what its models say', async () => {
    const read = readSdkModels();
    if (process.env.UPDATE_SDK_MODELS) {
      const path = fileURLToPath(new URL('./sdk-models.ts', import.meta.url));
      const text = await format(sdkModelsSource(read, installed), {
        ...(await resolveConfig(path)),
        filepath: path,
      });
      writeFileSync(path, text);
      return;
    }
    expect(SDK_VERSION).toBe(installed);
    expect(sdkModels).toEqual(read);
  });

  it('when a request model is looked up, then its body setter names the body model', () => {
    expect(sdkModels.CreateRepoRequest).toEqual({
      namespace: 'withNamespace',
      body: 'withBody:CreateRepoRequestBody',
    });
    expect(sdkModels.CreateRepoRequestBody!.is_public).toBe('withIsPublic');
  });
});
