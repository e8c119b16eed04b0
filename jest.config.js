// One jest run, five projects: pure rules, functions against the emulator,
// React components, native mini-program components under miniprogram-simulate,
// and browser journeys on the H5 build (chromium via playwright-core).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2020',
    },
    module: { type: 'commonjs' },
  },
]
const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/dist-h5/', '/build/'],
}

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'functions',
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/test/functions/helpers/timeouts.ts'],
      globalSetup: '<rootDir>/test/functions/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/test/functions/helpers/global-teardown.ts',
      testMatch: ['<rootDir>/test/functions/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/ui/**/*.test.tsx'],
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/test/ui/host-components.tsx',
        '^@tarojs/taro$': '<rootDir>/test/ui/taro-stub.ts',
        '\\.css$': '<rootDir>/test/ui/style-stub.ts',
      },
    },
    {
      ...base,
      displayName: 'native',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/native/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
    },
  ],
}
