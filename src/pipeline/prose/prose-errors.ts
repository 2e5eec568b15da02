import type { Place } from '../../messages/message.js';

/** Handlebars parse errors carry only a line; point at the `{{` that most likely caused them. */
export function parseErrorPlace(message: string, source: string): Place {
  const line = Number(/on line (\d+)/.exec(message)?.[1] ?? '1');
  const lines = source.split('\n');
  if (/got 'EOF'/.test(message)) {
    const open = unclosedBlock(source);
    if (open) return open;
  }
  const text = lines[line - 1] ?? '';
  const at = text.lastIndexOf('{{');
  return { line, column: at === -1 ? 1 : at + 1 };
}

/** The last `{{#block}}` that is never closed. */
function unclosedBlock(source: string): Place | undefined {
  const stack: Place[] = [];
  const tag = /\{\{~?\s*([#/^])/g;
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const placeOf = (offset: number): Place => {
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= offset) line++;
    return { line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1 };
  };
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    if (m[1] === '/') stack.pop();
    else if (m[1] === '#') stack.push(placeOf(m.index));
  }
  return stack[stack.length - 1];
}

/** First line of a Handlebars message, without its trailing ` - line:col`. */
export function shortReason(message: string): string {
  const first = message.split('\n').find((l) => /Expecting|got/.test(l)) ?? message.split('\n')[0] ?? message;
  return first.replace(/ - \d+:\d+$/, '').trim();
}
