import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** A free TCP port on loopback, for a server started in another process. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to stderr (start-up failures show here). */
  stderr(): string;
  /** Everything the server wrote to stdout (its log). */
  stdout(): string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL (kill -9): no shutdown, no flush, mid-transaction. */
  kill(): Promise<void>;
}

/**
 * The server in a process of its own, as `npm start` runs it (from `dist/` when `built`, else from the
 * sources), so that a load generator does not share its event loop and a test can kill it outright.
 * `script` runs another server from the sources instead (one that answers /healthz on PORT).
 */
export async function startServerProcess(
  env: Record<string, string>,
  { built = false, script = 'server/src/main.ts' } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  // SERVER_CPU_PROF_DIR: each server started here writes a V8 CPU profile there when it stops (node --cpu-prof).
  const profile = process.env.SERVER_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_CPU_PROF_DIR}`] : [];
  const args = [...profile, ...(built ? [path.join(ROOT, 'dist/server/src/main.js')] : ['-r', 'ts-node/register/transpile-only', script])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', DEMO_DATA: '0', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-20_000)));
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-200_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error(`the server exited at start:\n${errors}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (waited > 120_000) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /healthz within two minutes:\n${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    child,
    stderr: () => errors,
    stdout: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
