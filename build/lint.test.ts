import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { noImportCycle } from '../eslint-rules/no-import-cycle.js';

const ROOT = join(import.meta.dirname, '..');

/** ESLint with only the cycle rule, run in a project laid out in a temporary folder. */
async function lintProject(files: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'cycle-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(cwd, path, '..'), { recursive: true });
    writeFileSync(join(cwd, path), text);
  }
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{ts,tsx}'],
        languageOptions: { parser: tseslint.parser },
        plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
        rules: { 'local/no-import-cycle': 'error' },
      },
    ],
  });
  const results = await eslint.lintFiles(['src/**/*.ts']);
  return Object.fromEntries(
    results.map((result) => [result.filePath.slice(cwd.length + 1), result.messages.map((m) => m.message)]),
  );
}

describe('npm run lint', () => {
  it('fails on an import cycle, direct, through the @/ alias or through a third module, type-only imports included', async () => {
    const found = await lintProject({
      'src/ui/table.ts': "import { Row } from './row.ts';\nexport const table = Row;\n",
      'src/ui/row.ts':
        "import type { Column } from './table-types.ts';\nimport { helper } from '@/lib/helper.ts';\nexport const Row = (c: Column) => helper(c);\n",
      'src/ui/table-types.ts': "import type { table } from './table.ts';\nexport type Column = typeof table;\n",
      'src/lib/helper.ts': 'export const helper = (value: unknown) => value;\n',
      'src/lib/alone.ts': "import { helper } from './helper.ts';\nexport default helper;\n",
    });
    expect(found['src/ui/table.ts']).toEqual([
      'Import cycle: src/ui/table.ts → src/ui/row.ts → src/ui/table-types.ts → src/ui/table.ts. Move what both need into a third module.',
    ]);
    expect(found['src/ui/row.ts']).toHaveLength(1);
    expect(found['src/lib/helper.ts']).toEqual([]);
    expect(found['src/lib/alone.ts']).toEqual([]);
  });

  it("runs the cycle rule on the app's and the build's code", async () => {
    const eslint = new ESLint({ cwd: ROOT });
    for (const file of [
      'src/ui/data-table.tsx',
      'src/features/secrets/secrets-page.tsx',
      'build/plugins/chunk-plan.ts',
    ]) {
      const config = (await eslint.calculateConfigForFile(file)) as { rules: Record<string, unknown> };
      expect(config.rules['local/no-import-cycle'], file).toEqual([2]);
    }
  });

  it('fails on a file Prettier would change', async () => {
    const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
      .scripts.lint;
    expect(script).toMatch(/\bprettier --check \.(\s|$)/);
    const options = await prettier.resolveConfig(join(ROOT, 'src/main.tsx'));
    const file = { ...options, filepath: join(ROOT, 'src/lib/sample.ts') };
    expect(await prettier.check('export const sample = {a:1,\n  b: "two"}\n', file)).toBe(false);
    expect(await prettier.check("export const sample = { a: 1, b: 'two' };\n", file)).toBe(true);
  });
});
