#!/usr/bin/env node
/* global process, performance, setTimeout, clearTimeout -- Node */
// Throughput and latency of `npm run preview` under load, route by route.
//
//   npm run prepare && node scripts/preview-load.mjs [--rate 1000] [--seconds 10] [--routes /,/view/x] [--json]
//
// Copies the sample project to a temp folder and starts the compiled preview CLI there as a child
// process (free ports, 127.0.0.1 only), sends one test message to its inbox, warms both sides up for
// 2 s on a static route (not counted), then offers each GET
// route --rate requests per second for --seconds, open loop: requests go out on schedule whether or
// not earlier ones have been answered, and each latency is taken from the moment its request was due
// (so a stalled server shows up as latency, not as a lower request rate). Keep-alive connections, at
// most 256 at once. An error is a status other than 200, a failed connection, or no answer within 5 s.
// Prints per route: requests, errors, achieved rate, p50, p99 and max latency, the preview's CPU time
// per request (user + system, from /proc: Linux), and the load average.
// Loopback only; stops by itself (every route ends after --seconds plus at most 5 s of draining).
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: flags } = parseArgs({
  options: { rate: { type: 'string', default: '1000' }, seconds: { type: 'string', default: '10' }, routes: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const rate = Number(flags.rate);
const seconds = Number(flags.seconds);
if (!(rate > 0 && rate <= 20_000) || !(seconds > 0 && seconds <= 60)) throw new Error('--rate takes 1 to 20000 requests per second, --seconds 1 to 60');
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const slug = 'ki-chips-wettruesten';
const REQUEST_TIMEOUT_MS = 5_000;
const DRAIN_MS = 5_000;
const ROUTES = flags.routes?.split(',') ?? [
  '/',
  `/view/${slug}`,
  `/view/${slug}?view=mobile`,
  `/view/${slug}?view=dark`,
  `/view/${slug}?view=text`,
  `/email/${slug}.html`,
  `/email/${slug}.txt`,
  `/dark/${slug}.html`,
  '/inbox',
  '/inbox/1',
  '/inbox/1?view=text',
  '/inbox/1?view=headers',
  '/inbox/1.html',
  '/inbox/1.eml',
  '/_preview/preview.css',
  '/_preview/preview.js',
];

const root = await mkdtemp(path.join(os.tmpdir(), 'preview-load-'));
await cp(path.join(repo, 'articles'), path.join(root, 'articles'), { recursive: true });
await cp(path.join(repo, 'templates'), path.join(root, 'templates'), { recursive: true });
const child = spawn(process.execPath, [path.join(repo, 'dist/cli/preview.js'), '--port', '0', '--smtp-port', '0', '--root', root], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, NO_COLOR: '1', SMTP_URL: '' },
});
let stderr = '';
child.stderr.on('data', (chunk) => (stderr += chunk));

const results = [];
try {
  const { port, smtpPort } = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const http = /Newsletter preview\s+http:\/\/127\.0\.0\.1:(\d+)\//.exec(text)?.[1];
      const smtp = /Built-in inbox\s+smtp:\/\/127\.0\.0\.1:(\d+)/.exec(text)?.[1];
      if (http && smtp && /Ctrl-C stops/.test(text)) resolve({ port: Number(http), smtpPort: Number(smtp) });
    });
    child.once('exit', (code) => reject(new Error(`the preview stopped (exit ${code}): ${stderr}`)));
  });
  await sendOneMessage(smtpPort);
  // Both this client and the preview start cold (JIT): 2 s at the offered rate on a static route first, not counted.
  const warmUp = new http.Agent({ keepAlive: true, maxSockets: 256 });
  await load(port, '/_preview/preview.css', warmUp, Math.round(rate * 2));
  warmUp.destroy();
  for (const route of ROUTES) {
    // A fresh pool per route: what one route left queued is cut off before the next starts.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    await load(port, route, agent, 1); // one request first: the route works and anything lazy is loaded
    const cpuBefore = await cpuMs(child.pid);
    const result = await load(port, route, agent, Math.round(rate * seconds));
    // The preview's own CPU time per answered request: a figure that other work on the machine hardly changes.
    const serverCpuUsPerRequest = Math.round((((await cpuMs(child.pid)) - cpuBefore) * 1000) / Math.max(1, result.answered));
    results.push({ route, ...result, serverCpuUsPerRequest });
    agent.destroy();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(root, { recursive: true, force: true });
}

const summary = { rate, seconds, loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100), cpus: os.cpus().length, node: process.version, routes: results };
if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
else {
  process.stdout.write(`${rate} requests/s offered for ${seconds} s per route, keep-alive, 127.0.0.1; load average ${summary.loadAverage.join(' ')} on ${summary.cpus} cores, Node ${summary.node}\n\n`);
  process.stdout.write(`${'route'.padEnd(40)} ${'requests'.padStart(8)} ${'errors'.padStart(6)} ${'req/s'.padStart(6)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(9)} ${'CPU/req'.padStart(8)}\n`);
  for (const row of results) {
    process.stdout.write(
      `${row.route.replace(slug, '<slug>').padEnd(40)} ${String(row.requests).padStart(8)} ${String(row.errors).padStart(6)} ${String(row.achievedRate).padStart(6)} ${ms(row.p50Ms)} ${ms(row.p99Ms)} ${ms(row.maxMs)} ${`${row.serverCpuUsPerRequest} µs`.padStart(8)}${row.firstError ? `  first error: ${row.firstError}` : ''}\n`,
    );
  }
}
if (stderr.trim() !== '') process.stdout.write(`preview stderr:\n${stderr}`);

/** User plus system CPU time of a process so far, in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms). */
async function cpuMs(pid) {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function ms(value) {
  return `${value.toFixed(1)} ms`.padStart(9);
}

/** `count` GETs of `route`, one every 1/rate s on schedule; latency from when each was due. */
async function load(port, route, agent, count) {
  const latencies = [];
  let errors = 0;
  let done = 0;
  const firstError = [];
  const started = performance.now();
  const interval = 1000 / rate;
  await new Promise((finish) => {
    const drainTimer = setTimeout(finish, (count * interval) + DRAIN_MS);
    const complete = () => {
      if (++done === count) {
        clearTimeout(drainTimer);
        finish();
      }
    };
    const fire = (due) => {
      const request = http.get({ host: '127.0.0.1', port, path: route, agent, timeout: REQUEST_TIMEOUT_MS }, (response) => {
        response.on('data', () => undefined);
        response.on('end', () => {
          latencies.push(performance.now() - due);
          if (response.statusCode !== 200) {
            errors++;
            if (firstError.length === 0) firstError.push(`status ${response.statusCode}`);
          }
          complete();
        });
      });
      request.on('timeout', () => request.destroy(new Error('no answer within 5 s')));
      request.on('error', (error) => {
        errors++;
        if (firstError.length === 0) firstError.push(error.message);
        complete();
      });
    };
    let sent = 0;
    const tick = () => {
      const now = performance.now();
      while (sent < count && started + sent * interval <= now) fire(started + interval * sent++);
      if (sent < count) setTimeout(tick, 1); // timers, not a busy loop: the load generator shares the cores with the preview
    };
    tick();
  });
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const quantile = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    requests: count,
    answered: latencies.length,
    errors: errors + (count - done),
    firstError: firstError[0] ?? null,
    achievedRate: Math.round(latencies.length / elapsed),
    p50Ms: quantile(0.5),
    p99Ms: quantile(0.99),
    maxMs: latencies.at(-1) ?? NaN,
  };
}

/** A short message to the preview's inbox on 127.0.0.1, so that the inbox routes have one to show. */
function sendOneMessage(port) {
  const lines = [
    'EHLO load.test',
    'MAIL FROM:<redaktion@example.com>',
    'RCPT TO:<leser@example.com>',
    'DATA',
    'From: Redaktion <redaktion@example.com>\r\nTo: leser@example.com\r\nSubject: Lasttest\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hallo</p>\r\n.',
    'QUIT',
  ];
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let buffer = '';
    let step = 0;
    socket.setEncoding('utf8');
    socket.on('error', reject);
    socket.on('close', resolve);
    socket.on('data', (text) => {
      buffer += text;
      let end;
      while ((end = buffer.indexOf('\r\n')) !== -1) {
        const reply = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (/^\d{3}-/.test(reply)) continue;
        if (!/^[23]/.test(reply)) return reject(new Error(`unexpected reply "${reply}"`));
        const line = lines[step++];
        if (line !== undefined) socket.write(`${line}\r\n`);
      }
    });
  });
}
