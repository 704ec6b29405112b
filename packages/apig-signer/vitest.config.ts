import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  test: {
    name: 'apig-signer',
    include: ['src/**/*.test.ts'],
  },
});
