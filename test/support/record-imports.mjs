// Loaded with `node --import ./test/support/record-imports.mjs …`: registers a module hook that
// appends the URL of every module the process loads to the file named by $BRIEF_IMPORT_LOG, so a
// test can see a command's real module graph (what `import()` brought in, not what a bundler thinks).
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url, { data: { log: process.env.BRIEF_IMPORT_LOG } });
