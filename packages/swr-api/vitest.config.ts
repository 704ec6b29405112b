import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  test: {
    name: 'swr-api',
    include: ['src/**/*.test.ts'],
  },
});
