#!/usr/bin/env node
/* global process, performance, setTimeout, clearTimeout, setInterval, clearInterval, Buffer -- Node */
// Memory of `npm run preview` while its built-in inbox receives one oversized message.
//
//   npm run prepare && node scripts/inbox-memory.mjs [--mb 1024] [--json]
//
// Copies the sample project to a temp folder, starts the compiled preview CLI there as a child
// process (free ports, loopback only), and sends one message of --mb megabytes over SMTP to its inbox
// on 127.0.0.1, honouring TCP back-pressure. The child's resident memory (VmRSS, /proc, Linux) is
// sampled every 20 ms: before the message, at its peak, and after the reply. Expected: the inbox
// reads the message to its end without keeping more than its 10 MB limit, answers 552, and the
// preview's RSS grows by far less than 50 MB. Stops by itself: the whole run is limited to 5 minutes.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: flags } = parseArgs({ options: { mb: { type: 'string', default: '1024' }, json: { type: 'boolean', default: false } } });
const megabytes = Number(flags.mb);
if (!(megabytes > 0)) throw new Error('--mb takes a number of megabytes greater than 0');
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUN_LIMIT_MS = 5 * 60_000;

const root = await mkdtemp(path.join(os.tmpdir(), 'inbox-memory-'));
await cp(path.join(repo, 'articles'), path.join(root, 'articles'), { recursive: true });
await cp(path.join(repo, 'templates'), path.join(root, 'templates'), { recursive: true });

const child = spawn(process.execPath, [path.join(repo, 'dist/cli/preview.js'), '--port', '0', '--smtp-port', '0', '--root', root], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, NO_COLOR: '1' },
});
const guard = setTimeout(() => {
  process.stderr.write(`stopped after ${RUN_LIMIT_MS / 1000} s\n`);
  child.kill('SIGKILL');
  process.exit(2);
}, RUN_LIMIT_MS);
let output = '';
child.stderr.on('data', (chunk) => (output += chunk));

try {
  const smtpPort = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const port = /Built-in inbox\s+smtp:\/\/127\.0\.0\.1:(\d+)/.exec(text)?.[1];
      if (port && /Ctrl-C stops/.test(text)) resolve(Number(port));
    });
    child.once('exit', (code) => reject(new Error(`the preview stopped (exit ${code}): ${output}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, 1000)); // let start-up garbage settle

  const rss = async () => Number(/VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;
  const before = await rss();
  let peak = before;
  const sampler = setInterval(() => void rss().then((value) => (peak = Math.max(peak, value)), () => undefined), 20);

  const startedAt = performance.now();
  const reply = await sendOversized(smtpPort, megabytes * 1024 * 1024);
  const seconds = (performance.now() - startedAt) / 1000;
  clearInterval(sampler);
  const after = await rss();
  const result = {
    messageMB: megabytes,
    reply,
    seconds: Math.round(seconds * 10) / 10,
    throughputMBps: Math.round(megabytes / seconds),
    rssBeforeMB: mb(before),
    rssPeakMB: mb(peak),
    rssAfterMB: mb(after),
    rssGrowthMB: mb(peak - before),
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
    node: process.version,
    cpus: os.cpus().length,
  };
  if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    process.stdout.write(`${megabytes} MB DATA to the preview inbox over loopback: reply "${reply}" after ${result.seconds} s (${result.throughputMBps} MB/s)\n`);
    process.stdout.write(`preview RSS: ${result.rssBeforeMB} MB before, ${result.rssPeakMB} MB at the peak (+${result.rssGrowthMB} MB), ${result.rssAfterMB} MB after\n`);
    process.stdout.write(`load average ${result.loadAverage.join(' ')} on ${result.cpus} cores, Node ${result.node}\n`);
  }
  if (output.trim() !== '') process.stdout.write(`preview stderr:\n${output}`);
} finally {
  clearTimeout(guard);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(root, { recursive: true, force: true });
}

function mb(bytes) {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

/** One SMTP session on 127.0.0.1 with a message of `size` bytes; resolves with the reply to its final dot. */
function sendOversized(port, size) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const line = `${'x'.repeat(998)}\r\n`; // the longest line SMTP allows
    const block = Buffer.from(line.repeat(64)); // 64 KB per write
    const header = Buffer.from('From: a@example.com\r\nTo: b@example.com\r\nSubject: oversized\r\n\r\n');
    const steps = ['EHLO memory.test', 'MAIL FROM:<a@example.com>', 'RCPT TO:<b@example.com>', 'DATA'];
    let buffer = '';
    let step = -1; // waiting for the greeting
    socket.setEncoding('utf8');
    socket.on('error', reject);
    socket.on('data', (text) => {
      buffer += text;
      let end;
      while ((end = buffer.indexOf('\r\n')) !== -1) {
        const reply = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (/^\d{3}-/.test(reply)) continue; // a line of a multi-line reply
        if (step === steps.length) {
          socket.end('QUIT\r\n');
          resolve(reply);
          return;
        }
        if (!/^[23]/.test(reply)) {
          reject(new Error(`unexpected reply "${reply}" to ${steps[step] ?? 'the greeting'}`));
          socket.destroy();
          return;
        }
        step++;
        if (step < steps.length) socket.write(`${steps[step]}\r\n`);
        else void writeMessage();
      }
    });
    async function writeMessage() {
      socket.write(header);
      for (let sent = header.length; sent < size; sent += block.length) {
        if (!socket.write(block)) await new Promise((drained) => socket.once('drain', drained));
      }
      socket.write('.\r\n');
      step = steps.length;
    }
  });
}
