import { z } from 'zod';

/**
 * `sources` in briefsmith.config.json: databases SQL datasets may query by name. A source names
 * the environment variable that holds its connection URL; the URL (and so the password) never
 * sits in a file of the repository.
 *
 *   { "sources": { "warehouse": { "type": "postgres", "urlEnv": "WAREHOUSE_URL" } } }
 */
export const sourceSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('postgres'),
    urlEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the name of an environment variable, e.g. WAREHOUSE_URL'),
    statementTimeoutSeconds: z.number().positive().max(3600).optional(),
  }),
]);

export const sourceName = z.string().regex(/^[A-Za-z0-9_-]+$/, 'source names are letters, digits, "-" and "_"');

export const sourcesSchema = z.record(sourceName, sourceSchema);

export type SourceConfig = z.output<typeof sourceSchema>;
