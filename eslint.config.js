// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import playwright from 'eslint-plugin-playwright';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { noImportCycle } from './eslint-rules/no-import-cycle.js';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * Layering (docs/architecture.md §1, which also lists what these blocks do not catch): app → features → api/ui/lib;
 * features never import each other; only tests see the simulator. Cross-layer imports go through `@/`, so relative
 * paths may not climb out of a layer. One block per layer, because a later `no-restricted-imports` replaces an earlier
 * one for the same file.
 */
const TEST_ONLY = ['@/mocks/*', '@/test/*'];
/** The simulator and test helpers by a relative path, from anywhere under src/ (two or three folders deep). */
const TEST_ONLY_RELATIVE = [
  '../mocks/*',
  '../test/*',
  '../../mocks/*',
  '../../test/*',
  '../../../mocks/*',
  '../../../test/*',
];
/** One rule for every source file; a block that sets `no-restricted-syntax` again must repeat it. */
const NO_INNER_HTML = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Render text; never inject HTML.',
};
const layer = (files, groups, message, syntax = []) => ({
  files,
  ignores: ['src/**/*.test.{ts,tsx}'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
    ...(syntax.length > 0 ? { 'no-restricted-syntax': ['error', NO_INNER_HTML, ...syntax] } : {}),
  },
});
const FEATURE_RULE =
  'A feature imports api, ui and lib, never another feature or the app; move shared needs down a layer.';
const layering = [
  layer(
    ['src/app/**'],
    [...TEST_ONLY, ...TEST_ONLY_RELATIVE],
    'The app does not import the simulator or test helpers.',
  ),
  layer(
    ['src/api/**'],
    ['@/app/*', '@/features/*', '@/ui/*', '@/lib/*', '../*', ...TEST_ONLY],
    'src/api knows only the wire.',
  ),
  layer(
    ['src/lib/**', 'src/ui/**'],
    ['@/app/*', '@/features/*', '@/api/*', '../*', ...TEST_ONLY],
    'lib and ui sit below the API.',
  ),
  ...features.flatMap((feature) => {
    const groups = ['@/app/*', '@/features/*', `!@/features/${feature}/*`, '../../*', ...TEST_ONLY];
    // import() too, which no-restricted-imports does not see: another feature's or the app's code, loaded lazily.
    const lazy = {
      selector: `ImportExpression[source.value=/^@\\/(app\\/|features\\/(?!${feature}\\/))/]`,
      message: FEATURE_RULE,
    };
    return [
      layer([`src/features/${feature}/**`], groups, FEATURE_RULE, [lazy]),
      // A file at the top of the feature's folder: `../` already leaves the feature.
      layer([`src/features/${feature}/*.{ts,tsx}`], [...groups, '../*'], FEATURE_RULE, [lazy]),
    ];
  }),
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'public/', 'bench/results*'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // React Router loaders throw `redirect()` Responses by design.
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'lib', name: 'Response' }] }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(true)}` is the idiom for event handlers; returning void from a shorthand is harmless.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Vite's `import.meta.env` and zod's inferred types make this rule noisy without finding bugs.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      'no-restricted-syntax': ['error', NO_INNER_HTML],
    },
  },
  { files: ['**/*.{js,mjs}'], extends: [tseslint.configs.disableTypeChecked] },
  { files: ['src/**/*.{ts,tsx}'], ignores: ['src/mocks/**'], ...reactHooks.configs.flat['recommended-latest'] },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  ...pluginQuery.configs['flat/recommended'],
  ...layering,
  // docs/architecture.md §1: no module imports one that imports it back.
  {
    files: ['src/**/*.{ts,tsx}', 'build/**/*.ts'],
    plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: { 'local/no-import-cycle': 'error' },
  },
  { files: ['e2e/**'], ...playwright.configs['flat/recommended'] },
);
