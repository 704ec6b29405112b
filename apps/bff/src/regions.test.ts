import { describe, expect, it } from 'vitest';
import { huaweiCloudRegion } from './regions.js';

describe('the regions of Huawei Cloud', () => {
  it('when a region is named, then SWR, its registry and its key service have their addresses', () => {
    expect(huaweiCloudRegion('cn-north-4')).toEqual({
      id: 'cn-north-4',
      api: 'https://swr-api.cn-north-4.myhuaweicloud.com',
      registry: 'swr.cn-north-4.myhuaweicloud.com',
      kms: 'https://kms.cn-north-4.myhuaweicloud.com',
    });
    expect(huaweiCloudRegion('eu-west-101').kms).toBe('https://kms.eu-west-101.myhuaweicloud.eu');
  });
});
