#!/usr/bin/env node
// Entry point installed as `brief`. The TypeScript is compiled to dist/ by `npm ci` (prepare).
// Briefings deal in dates, not times of day: dates in data ("2025-01-20") are UTC midnight, and
// Vega formats time in the process's zone. Pinning UTC keeps every axis label on the right day
// and rebuilds identical on machines in any time zone.
process.env.TZ = 'UTC';

// `brief check … | head` closes the pipe early: that ends the output, it is not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const { main } = await import('../dist/cli/main.js');

const code = await main(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;
