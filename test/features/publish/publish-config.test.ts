import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/messages/errors.js';
import { parseFrontMatter } from '../../../src/pipeline/frontmatter/parse-front-matter.js';
import { MessageLog } from '../../../src/messages/message-log.js';
import { formatMessage } from '../../../src/messages/format-message.js';
import { ConfigError, parseConfig } from '../../../src/features/publish/config/config-file.js';
import { resolveTarget, targetLocation } from '../../../src/features/publish/config/resolve-target.js';
import type { PublishTarget } from '../../../src/features/publish/config/target-schema.js';

const wiki: PublishTarget = { type: 'mediawiki', api: 'https://wiki.example.org/w/api.php', user: 'Bot@brief', passwordEnv: 'WIKI_BOT_PASSWORD' };

function configErrors(text: string): string[] {
  try {
    parseConfig(text, 'briefsmith.config.json');
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.messages.map(formatMessage);
  }
}

describe('briefsmith.config.json', () => {
  it('validates every kind of target and fills defaults', () => {
    const config = parseConfig(
      JSON.stringify({
        publish: {
          wiki,
          notes: { type: 'git', url: 'https://github.com/org/repo.wiki.git', tokenEnv: 'GH_TOKEN' },
          space: { type: 'confluence', flavor: 'cloud', url: 'https://example.atlassian.net', email: 'bot@example.org', space: 'OPS', tokenEnv: 'CONFLUENCE_TOKEN' },
        },
      }),
      'c.json',
    );
    expect(config.publish['notes']).toMatchObject({ assets: 'assets' });
    expect(Object.keys(config.publish)).toEqual(['wiki', 'notes', 'space']);
  });

  it('reports problems at their place: bad JSON, unknown keys, bad values, missing keys', () => {
    expect(configErrors('{\n  "publish": {,}\n}')).toEqual(['briefsmith.config.json:2:15: error: briefsmith.config.json is not valid JSON: ValueExpected [publish-config]']);
    const text = '{\n  "publish": {\n    "wiki": {\n      "type": "mediawiki",\n      "api": "ftp://x",\n      "usr": "Bot",\n      "passwordEnv": "WIKI PASSWORD"\n    }\n  }\n}';
    expect(configErrors(text)).toEqual([
      'briefsmith.config.json:5:14: error: publish config "publish.wiki.api": expected an http:// or https:// URL [publish-config]',
      'briefsmith.config.json:3:13: error: publish config "publish.wiki.user": is required [publish-config]',
      'briefsmith.config.json:7:22: error: publish config "publish.wiki.passwordEnv": expected the name of an environment variable, e.g. WIKI_BOT_PASSWORD [publish-config]',
      'briefsmith.config.json:6:7: error: publish config "publish.wiki.usr": unknown key [publish-config]',
    ]);
  });

  it('needs an email for Confluence Cloud', () => {
    expect(configErrors(JSON.stringify({ publish: { c: { type: 'confluence', flavor: 'cloud', url: 'https://x.atlassian.net', space: 'S', tokenEnv: 'T' } } }))[0]).toContain(
      'Confluence Cloud needs "email"',
    );
  });
});

describe('front matter "publish:"', () => {
  const parse = (yaml: string) => {
    const log = new MessageLog();
    const meta = parseFrontMatter(yaml, 'b/brief.md', log);
    return { meta, messages: log.messages.map(formatMessage) };
  };

  it('may place the page of a configured target', () => {
    const { meta, messages } = parse('title: T\npublish:\n  wiki:\n    page: Weekly brief\n');
    expect(messages).toEqual([]);
    expect(resolveTarget('wiki', { wiki }, meta?.publish)).toEqual({ ...wiki, page: 'Weekly brief' });
  });

  it('never names a credential, and unknown keys are errors at their place', () => {
    const { messages } = parse('title: T\npublish:\n  wiki:\n    passwordEnv: HOME\n    pgae: X\n');
    expect(messages).toEqual([
      'b/brief.md:5:18: error: front matter "publish.wiki.passwordEnv": credentials are named only in briefsmith.config.json, never in a briefing [front-matter-invalid]',
      'b/brief.md:6:5: error: front matter "pgae": unknown key [front-matter-invalid]',
    ]);
  });

  it('cannot point a configured target elsewhere (where its credential would go)', () => {
    expect(() => resolveTarget('wiki', { wiki }, { wiki: { api: 'https://evil.example/api.php' } })).toThrow(
      'publish to "wiki" failed at config: front matter "publish.wiki.api": this target is declared in briefsmith.config.json; a briefing may set only page, summary, message, space, parentId, assets',
    );
  });

  it('may declare a target that needs no credentials, but not a wiki that does', () => {
    expect(resolveTarget('notes', {}, { notes: { type: 'git', url: 'file:///srv/wiki.git' } })).toMatchObject({ type: 'git', url: 'file:///srv/wiki.git', assets: 'assets' });
    expect(() => resolveTarget('w', {}, { w: { type: 'mediawiki', api: 'https://x/api.php', user: 'u' } })).toThrow('a mediawiki target needs credentials');
  });

  it('names the known targets when --to is unknown', () => {
    expect(() => resolveTarget('wkii', { wiki }, undefined)).toThrow(new InputError('unknown publish target "wkii" (known: wiki)'));
  });

  it('records where a target is, so a record for another wiki is not used', () => {
    expect(targetLocation(wiki)).toBe('https://wiki.example.org/w/api.php');
  });
});
