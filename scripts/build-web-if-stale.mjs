#!/usr/bin/env node
// Builds the web app (web/ → web/dist) only when it is missing or older than its sources, so
// `npm start` is quick when nothing changed. Prints one line. Exit code 1 when a needed build fails.
import console from 'node:console';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'web');
const distIndex = path.join(webDir, 'dist', 'index.html');
const SKIP = new Set(['dist', 'node_modules', '.vite']);

/** The newest modification time of any file under dir, ignoring build output. */
function newestMtime(dir) {
  let newest = 0;
  let newestFile = '';
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = newestMtime(full);
      if (inner.mtime > newest) ({ mtime: newest, file: newestFile } = inner);
    } else if (entry.isFile()) {
      const mtime = fs.statSync(full).mtimeMs;
      if (mtime > newest) {
        newest = mtime;
        newestFile = full;
      }
    }
  }
  return { mtime: newest, file: newestFile };
}

function staleReason() {
  if (!fs.existsSync(distIndex)) return 'web/dist is missing';
  const built = fs.statSync(distIndex).mtimeMs;
  const sources = newestMtime(webDir);
  if (sources.mtime > built) return `${path.relative(root, sources.file)} changed`;
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(lock) && fs.statSync(lock).mtimeMs > built) return 'package-lock.json changed';
  return undefined;
}

const reason = staleReason();
if (!reason) {
  console.log('web: up to date (web/dist)');
  process.exit(0);
}

let vite;
try {
  vite = await import('vite');
} catch {
  // A production install without dev dependencies: serve the existing build if there is one.
  if (fs.existsSync(distIndex)) {
    console.log(
      `web: ${reason}, but vite is not installed (npm install --include=dev); serving the existing build`,
    );
    process.exit(0);
  }
  console.error(
    'web: web/dist is missing and vite is not installed: run `npm install` (with dev dependencies)',
  );
  process.exit(1);
}

const started = performance.now();
try {
  await vite.build({ configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'error' });
} catch (error) {
  console.error(`web: build failed (${reason}): ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`web: built web/dist in ${seconds} s (${reason})`);
