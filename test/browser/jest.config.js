/**
 * The dashboard in a real browser (Debian's chromium driven by playwright-core): not part of
 * `npm test`, which needs no browser. Run by .ci/browser.sh, or `npx jest -c test/browser/jest.config.js`
 * after `npm run build` (the tests start the built server on demo data).
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.ts'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }] },
  transformIgnorePatterns: ['/node_modules/(?!(jose|uuid)/)'],
  // One server and one browser at a time: the machine's cores are shared.
  maxWorkers: 1,
  // Start-up seeds the demo data (about half a minute on PGlite).
  testTimeout: 240000,
  forceExit: true,
};
