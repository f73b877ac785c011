import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface Preview {
  url: string;
  stop: () => Promise<void>;
}

/** A port the OS says is free now (the bench must not collide with the e2e server on 4174 or someone's dev server). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/__sim/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`vite preview did not answer ${url}/__sim/health within ${timeoutMs / 1000} s`);
}

/**
 * `vite preview` of `outDir` with the built-in simulator, exactly as `npm run preview` serves the console (strict
 * CSP included), seeded through the simulator's environment variables.
 */
export async function startPreview(outDir: string, env: Record<string, string>): Promise<Preview> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', outDir], {
    // SIM_CONTROL: the bench makes databases of its own through the test-only control API.
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DCOS_URL: '', SIM_CONTROL: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    await waitForHealth(url, child, 120_000);
  } catch (error) {
    child.kill();
    throw new Error(`${String(error)}\n${stderr}`);
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
