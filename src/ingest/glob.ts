/** Characters that make a path spec a glob pattern. */
const GLOB_CHARS_RE = /[*?{[]/;

/** True when a spec holds glob syntax (`*`, `**`, `?`, `{a,b}`, `[abc]`). */
export function hasGlobSyntax(spec: string): boolean {
  return GLOB_CHARS_RE.test(spec);
}

/**
 * Splits a glob into the directory to walk (the segments before the first with glob syntax) and
 * the pattern relative to it.
 * @example splitGlob('data/**\/*.html') // { base: 'data', pattern: '**\/*.html' }
 */
export function splitGlob(spec: string): { base: string; pattern: string } {
  const segments = spec.split('/');
  const first = segments.findIndex((s) => hasGlobSyntax(s));
  if (first < 0) return { base: spec, pattern: '' };
  const baseSegments = segments.slice(0, first);
  const base = baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/';
  return { base, pattern: segments.slice(first).join('/') };
}

function escapeRe(ch: string): string {
  return ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Translates a glob body (no leading `**\/` handling needed by callers) to a regex source. */
function translate(glob: string): string {
  let out = '';
  let i = 0;
  while (i < glob.length) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        const atSegmentEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          // `**/` matches zero or more whole directories; a trailing `**` matches everything below.
          if (glob[i + 2] === '/') {
            out += '(?:[^/]*(?:/[^/]*)*/)?';
            i += 3;
          } else {
            out += '.*';
            i += 2;
          }
          continue;
        }
      }
      out += '[^/]*';
      i++;
    } else if (ch === '?') {
      out += '[^/]';
      i++;
    } else if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        i++;
        continue;
      }
      let body = glob.slice(i + 1, close);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close + 1;
    } else if (ch === '{') {
      let depth = 0;
      let j = i;
      for (; j < glob.length; j++) {
        if (glob[j] === '{') depth++;
        else if (glob[j] === '}' && --depth === 0) break;
      }
      if (j >= glob.length) {
        out += '\\{';
        i++;
        continue;
      }
      out += `(?:${splitAlternatives(glob.slice(i + 1, j)).map(translate).join('|')})`;
      i = j + 1;
    } else {
      out += escapeRe(ch);
      i++;
    }
  }
  return out;
}

/** Splits `a,b{c,d},e` on top-level commas. */
function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/**
 * Compiles a glob pattern (`*`, `**`, `?`, `{a,b}`, `[abc]`) to a RegExp over `/`-separated relative paths.
 * @example globToRegExp('**\/*.{html,txt}').test('a/b/c.html') // true
 */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${translate(pattern)}$`);
}

/** Greatest directory depth a pattern can match below its base (Infinity when it holds `**`). */
export function maxGlobDepth(pattern: string): number {
  if (pattern.includes('**')) return Infinity;
  let depth = 0;
  let brace = 0;
  for (const ch of pattern) {
    if (ch === '{') brace++;
    else if (ch === '}') brace--;
    else if (ch === '/' && brace === 0) depth++;
  }
  // Alternatives may hold slashes; allow for them rather than miss matches.
  return pattern.includes('{') && /\{[^}]*\/[^}]*\}/.test(pattern) ? Infinity : depth;
}
