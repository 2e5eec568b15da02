import { createHash } from 'node:crypto';
import type Handlebars from 'handlebars';
import type { KeyValueCache } from '../../edges/cache/key-value-cache.js';

/** What Handlebars makes of a template: plain JavaScript functions that hold no environment, so any environment can run them. */
export type TemplateSpec = TemplateSpecification;

/**
 * Compiled templates by content: narrative files, front matter texts, layouts and partials. Handed
 * in by the caller (one per preview session or build process); an entry never changes meaning,
 * since its key covers everything the compiled code depends on.
 */
export type TemplateSpecCache = KeyValueCache<TemplateSpec>;

type Compilable = string | hbs.AST.Program;

/** The compiler halves Handlebars uses inside `compile`, which its type declarations leave out. */
interface CompilerClasses {
  Compiler: new () => { compile(ast: hbs.AST.Program, options: CompileOptions): unknown };
  JavaScriptCompiler: new () => { compile(environment: unknown, options: CompileOptions, context: undefined, asObject: true): TemplateSpec };
}

/** Bump when what a key covers changes. */
const KEY_FORMAT = 1;

/**
 * A digest of a template's text and everything else its compiled code depends on: what kind of
 * template it is (which decides how it is prepared before compiling), the compile options, and
 * `extra` (for the narrative, the names of the helpers, which decide how calls are rewritten).
 */
export function templateKey(kind: string, text: string, options: CompileOptions, extra: readonly string[] = []): string {
  return createHash('sha256').update(JSON.stringify([KEY_FORMAT, kind, options, extra])).update('\0').update(text).digest('hex');
}

/**
 * `env.compile(source, options)`, reusing the compiled code of an identical source from `cache`.
 * Lazy, as Handlebars' own compile is: nothing is compiled until the template first runs. Without
 * a cache it is exactly Handlebars' compile; with one, the same steps (parse, compile, generate
 * JavaScript) run once per key, and each environment binds the shared code to its own helpers and
 * partials.
 */
export function compileCached(
  env: typeof Handlebars,
  source: Compilable,
  options: CompileOptions,
  cache: TemplateSpecCache | undefined,
  key: () => string,
): HandlebarsTemplateDelegate {
  if (!cache) return env.compile(source, options);
  let bound: HandlebarsTemplateDelegate | undefined;
  return (context, runtime) => {
    bound ??= env.template(templateSpec(env, source, options, cache, key()));
    return bound(context, runtime);
  };
}

/** The compiled code for `source`, from the cache or compiled now (and kept). */
function templateSpec(env: typeof Handlebars, source: Compilable, options: CompileOptions, cache: TemplateSpecCache, key: string): TemplateSpec {
  const hit = cache.get(key);
  if (hit) return hit;
  const spec = compileSpec(env, source, options);
  cache.set(key, spec);
  return spec;
}

/** What `Handlebars.compile` does inside (handlebars/compiler/compiler.js), stopping at the compiled code. */
export function compileSpec(env: typeof Handlebars, source: Compilable, options: CompileOptions): TemplateSpec {
  // The options copied and completed as Handlebars copies them.
  const copy: CompileOptions & { useDepths?: boolean } = { ...options };
  if (!('data' in copy)) copy.data = true;
  if (copy.compat) copy.useDepths = true;
  const classes = env as unknown as CompilerClasses;
  const environment = new classes.Compiler().compile(env.parse(source as string, copy as Handlebars.ParseOptions), copy);
  return new classes.JavaScriptCompiler().compile(environment, copy, undefined, true);
}
