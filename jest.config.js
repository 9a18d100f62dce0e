/** Jest 29 + ts-jest 29 (jest 30 breaks `npm ci` on npm 11, see DESIGN.md). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // jose and uuid ship ESM only; jest's module system needs them as CommonJS.
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }] },
  transformIgnorePatterns: ['/node_modules/(?!(jose|uuid)/)'],
  // PGlite cannot start inside a test VM: the embedded database lives in globalSetup.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // One database connection for PGlite; the suites share it one after another.
  maxWorkers: 1,
  testTimeout: 30000,
  // A suite whose set-up failed can leave a server or socket open; CI must end all the same.
  forceExit: true,
};
