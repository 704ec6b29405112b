import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  test: {
    name: 'swr-local',
    include: ['src/**/*.test.ts'],
  },
});
