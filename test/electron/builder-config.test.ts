import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** electron-builder.yml is JSON-compatible YAML: drop the comment lines and it is JSON. */
function readBuilderConfig(): Record<string, unknown> {
  const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  return JSON.parse(text.split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n')) as Record<string, unknown>;
}

/** The subset of glob syntax the config uses: "dir/**" and exact paths. */
function covered(file: string, patterns: string[]): boolean {
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const matches = (p: string) => (p.endsWith('/**') ? file.startsWith(p.slice(0, -2)) : p === file || (p.startsWith('**/*.') && file.endsWith(p.slice(4))));
  return include.some(matches) && !exclude.some(matches);
}

describe('electron-builder.yml', () => {
  const config = readBuilderConfig();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string>; dependencies: Record<string, string> };
  const files = config.files as string[];

  it('names the app and its outputs', () => {
    expect(config.appId).toBe('org.steward.app');
    expect(config.productName).toBe('Steward');
    expect(config.asar).toBe(true);
    expect(config.directories).toMatchObject({ output: 'dist' });
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
  });

  it('keeps buildResources out of build/, which holds the app itself', () => {
    const dir = (config.directories as { buildResources?: string }).buildResources;
    expect(dir).toBeDefined();
    expect(dir).not.toBe('build');
  });

  it('packs the entry point, the preload and the renderer', () => {
    expect(pkg.main).toBe('build/electron/main.cjs');
    for (const f of [pkg.main, 'build/electron/preload.cjs', 'build/web/index.html', 'build/web/assets/index.js', 'package.json']) {
      expect(covered(f, files), f).toBe(true);
    }
    expect(covered('build/electron/main.cjs.map', files)).toBe(false);
    expect(covered('renderer/App.tsx', files)).toBe(false);
    expect(covered('test/e2e/run.mjs', files)).toBe(false);
  });

  it('ships the demo workbook folder and the documentation as resources where main.ts looks for them', () => {
    expect(config.extraResources).toEqual([
      { from: 'fixtures/demo', to: 'demo', filter: ['**/*'] },
      { from: 'docs', to: 'docs', filter: ['**/*.md', '**/*.png'] },
    ]);
    const main = readFileSync(join(root, 'electron', 'main.ts'), 'utf8');
    expect(main).toContain("path.join(process.resourcesPath, 'demo')");
    expect(main).toContain("path.join(process.resourcesPath, 'docs')");
  });

  it('associates .steward files with the app (double-click opens them), with a MIME type for Linux', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'steward', name: 'Steward project', mimeType: 'application/x-steward', role: 'Editor' })]);
    // main.ts handles both ways a double-click arrives.
    const main = readFileSync(join(root, 'electron', 'main.ts'), 'utf8');
    expect(main).toContain("app.on('open-file'");
    expect(main).toContain("app.on('second-instance'");
    expect(main).toContain('fileFromArgv(process.argv');
  });

  it('keeps Electron, the renderer libraries and the build tools out of the production dependencies', () => {
    for (const name of ['electron', 'electron-builder', 'react', 'react-dom', 'chart.js', 'react-chartjs-2', 'zustand', 'vite', 'esbuild', 'playwright-core']) {
      expect(pkg.dependencies[name], name).toBeUndefined();
    }
  });

  it('gives every target the icon: a square PNG of at least 512 px, from which electron-builder makes .icns and .ico', () => {
    for (const platform of ['mac', 'win', 'linux']) expect((config[platform] as { icon?: string }).icon, platform).toBe('build-resources/icon.png');
    const png = readFileSync(join(root, 'build-resources', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
  });

  it('passes electron-builder\'s own schema check (the one `electron-builder` runs first), which rejects a misspelt key', async () => {
    // The Electron binary cannot be downloaded here, so nothing is built; the schema is checked as a build would.
    const req = createRequire(join(root, 'package.json'));
    const { getConfig, validateConfiguration } = req('app-builder-lib/out/util/config/config.js') as {
      getConfig: (dir: string, path: string, extra: null) => Promise<Record<string, unknown>>;
      validateConfiguration: (c: Record<string, unknown>, log: unknown) => Promise<void>;
    };
    const { DebugLogger } = req('builder-util/out/DebugLogger.js') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await getConfig(root, 'electron-builder.yml', null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...loaded, linux: { ...(loaded.linux as object), targt: ['deb'] } }, new DebugLogger(false))).rejects.toThrow(/configuration/i);
  }, 60_000);

  it('builds what it packs before packing (npm run dist)', () => {
    expect(pkg.scripts.dist).toMatch(/build:electron.*build:web.*electron-builder --config electron-builder\.yml/);
    expect(existsSync(join(root, 'electron', 'build.mjs'))).toBe(true);
  });
});
