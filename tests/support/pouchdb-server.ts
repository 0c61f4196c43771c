/**
 * A real CouchDB-protocol server for tests: `pouchdb-server` (in memory) in a
 * child process on a free loopback port, with an admin account, stopped by the
 * caller. The port is probed (bind to port 0, read it, release it), never fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ADMIN = { username: 'admin', password: 'admin-pass-1' };

export interface TestServer {
  url: string;
  /** Stops the process and removes its folder. */
  stop(): Promise<void>;
  /** Sends a request as the admin and returns the parsed JSON. */
  admin(path: string, init?: RequestInit): Promise<unknown>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

const BIN = resolve(import.meta.dirname, '../../node_modules/pouchdb-server/bin/pouchdb-server');

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited (${child.exitCode}): ${output()}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pouchdb-server did not start: ${output()}`);
}

export async function startServer(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-pouchdb-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ admins: { [ADMIN.username]: ADMIN.password }, log: { file: join(dir, 'log.txt') } }));
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [BIN, '-p', String(port), '-o', '127.0.0.1', '-m', '-n', '-d', dir, '-c', join(dir, 'config.json')], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout?.on('data', (chunk) => (log += chunk));
    child.stderr?.on('data', (chunk) => (log += chunk));
    try {
      await waitUntilUp(url, child, () => log);
    } catch (error) {
      child.kill();
      // Another process took the probed port in between: probe again.
      if (attempt < 3 && /EADDRINUSE/.test(log)) continue;
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    const auth = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
    return {
      url,
      async admin(path, init = {}) {
        const response = await fetch(`${url}${path}`, { ...init, headers: { Authorization: auth, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });
        return response.json();
      },
      stop: () =>
        new Promise<void>((done) => {
          child.once('exit', () => {
            rmSync(dir, { recursive: true, force: true });
            done();
          });
          child.kill();
        }),
    };
  }
}
