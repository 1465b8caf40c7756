/**
 * Cold and warm start of `setu serve --demo` on the embedded database, and sign-in latency.
 * Cold: an empty data folder (migrations, reference import, demo seed). Warm: the same folder again.
 * Run: npm run bench:startup   (figures go to bench/README.md by hand)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SETU = path.resolve('bin/setu.js');
const LOGINS = Number(process.env.BENCH_LOGINS ?? 50);

async function start(dataDir: string): Promise<{ ms: number; url: string; stop: () => Promise<void> }> {
  const began = performance.now();
  // The per-address sign-in rate limit would stop a benchmark that signs in from one address many times.
  const env = { ...process.env, SETU_LOGIN_RATE_LIMIT: '100000' };
  const child = spawn(process.execPath, [SETU, 'serve', '--demo', '--port', '0', '--data-dir', dataDir], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${String(code)}: ${output}`)));
  });
  const ms = performance.now() - began;
  return {
    ms,
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'setu-bench-start-'));
try {
  const cold = await start(dataDir);
  await cold.stop();
  const warm = await start(dataDir);
  const timings: number[] = [];
  for (let i = 0; i < LOGINS + 5; i += 1) {
    const began = performance.now();
    const response = await fetch(`${warm.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: i % 2 ? 'br.patna.ahtu' : 'jh.ranchi.ahtu',
        password: 'Setu-demo-2026!',
      }),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`login answered ${response.status}`);
    if (i >= 5) timings.push(performance.now() - began);
  }
  await warm.stop();
  timings.sort((a, b) => a - b);
  console.log(`cold start (empty data dir → ready): ${(cold.ms / 1000).toFixed(1)} s`);
  console.log(`warm start (existing data dir → ready): ${(warm.ms / 1000).toFixed(1)} s`);
  console.log(
    `sign-in (argon2id + session, ${LOGINS} runs): p50 ${percentile(timings, 50).toFixed(0)} ms, p95 ${percentile(timings, 95).toFixed(0)} ms`,
  );
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
