import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  test: {
    name: 'bff',
    include: ['src/**/*.test.ts'],
  },
});
