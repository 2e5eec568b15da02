import { fileURLToPath } from 'node:url';

/** Where the project's named templates live (next to `src/` or `dist/`). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));
