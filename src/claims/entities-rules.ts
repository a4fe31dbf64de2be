/**
 * The rule tagger: chunks each sentence, types each chunk, then settles one sense per article
 * (surnames, repeated names, lists of places, teams).
 */
import { MAX_LOOKUP_TOKENS, ORDINAL, chunkSentence, lowercaseTitleBefore, splitTitle, stripDemonym } from './entities-chunks.js';
import { CONLL_TO_TYPE, conllNames, isAllCapsGazetteerPlace, isHandPlace } from './entities-known.js';
import { CAPITALISED, type Chunk, type Tok, isAllCaps, isProse, isTitleCase, isUpperCase, keyOf, lower } from './entities-tokens.js';
import { isTeamContext, typeChunk } from './entities-typing.js';
import { OUTLETS, UNIT_HEADS } from './lexicon/entities.js';
import type { EntityMention, EntityType } from './types.js';

export type Draft = EntityMention & { weak?: boolean; tentative?: boolean; team?: boolean };

/** Tags entity mentions with the rules, given the article's tokens sentence by sentence (`sentenceTokens`). */
export function tagWithRules(text: string, sentences: Tok[][]): EntityMention[] {
  const out: EntityMention[] = [];
  const openers: Tok[] = [];
  const headlines = headlineSentences(sentences);
  sentences.forEach((toks, s) => {
    for (const tok of toks) if (tok.initial) openers.push(tok);
    out.push(...tagSentence(text, toks, headlines[s]));
  });
  return recoverRepeats(openers, resolveInArticle(text, out));
}

/** Which sentences are title-case headlines, where only known names count. */
export function headlineSentences(sentences: Tok[][]): boolean[] {
  // Headlines lead the text: once a sentence of running prose is seen, a capitalised line is a list of names, not a title.
  let inHead = true;
  return sentences.map((toks) => {
    const titleCase = inHead && isTitleCase(toks);
    if (inHead && !titleCase && !isAllCaps(toks) && isProse(toks)) inHead = false;
    return titleCase;
  });
}

/**
 * A sentence opener the chunker passed over (read as a verb or common word: "Dole said …") is a
 * person when the article names someone in full with that surname.
 */
export function recoverRepeats(openers: Tok[], mentions: EntityMention[]): EntityMention[] {
  const surnames = new Set(mentions.filter((m) => m.type === 'person' && m.key.includes(' ')).map((m) => m.key.split(' ').at(-1)!));
  const added: EntityMention[] = [];
  let k = 0;
  for (const tok of openers) {
    while (k < mentions.length && mentions[k].end <= tok.start) k++;
    if (k < mentions.length && mentions[k].start < tok.end) continue;
    const key = tok.value.toLowerCase();
    if (CAPITALISED.test(tok.value) && !isUpperCase(tok.value) && surnames.has(key)) added.push({ start: tok.start, end: tok.end, type: 'person', key });
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}

export function tagSentence(text: string, toks: Tok[], titleCase: boolean): EntityMention[] {
  const mentions: Draft[] = [];
  const pending: Chunk[] = [];
  if (isAllCaps(toks)) return tagAllCaps(toks);
  for (const raw of chunkSentence(toks, titleCase)) {
    const { prefix, name } = splitTitle(raw);
    if (prefix) pending.push(prefix);
    pending.push(name);
  }
  for (let c of pending) {
    // Lone ordinals that did not lead to a unit, and trailing possessive pieces, are not names.
    while (c.toks.length && ORDINAL.test(c.toks[0].value) && !UNIT_HEADS.has(lower(c.toks[c.toks.length - 1]))) c = { ...c, toks: c.toks.slice(1), at: c.at + 1 };
    const stripped = c.toks.length ? stripDemonym(c) : undefined;
    if (!stripped) continue;
    const typed = typeChunk(toks, stripped, titleCase);
    if (!typed) continue;
    const first = stripped.toks[0];
    const last = stripped.toks[stripped.toks.length - 1];
    const start = typed.includeThe ? toks[stripped.at - 1].start : first.start;
    let key = keyOf(stripped.toks);
    if (typed.type === 'organisation' && stripped.possessor && !key.includes(' of ')) key = `${key} of ${stripped.possessor}`;
    const mention: Draft = { start, end: last.end, type: typed.type, key };
    if (stripped.titleStart !== undefined) mention.title = { start: stripped.titleStart, end: stripped.titleEnd! };
    else {
      const title = lowercaseTitleBefore(toks, stripped.at);
      if (title && typed.type === 'person') mention.title = title;
    }
    if (typed.weak) mention.weak = true;
    if (typed.tentative) mention.tentative = true;
    if (typed.team) mention.team = true;
    mentions.push(mention);
  }
  propagateLists(text, mentions);
  return mentions;
}

// "the cities of Chongjin, Hamhung and Musudan": untyped names listed beside a place are places.
export function propagateLists(text: string, mentions: Draft[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < mentions.length; i++) {
      for (const j of [i - 1, i + 1]) {
        const a = mentions[i];
        const b = mentions[j];
        if (!b || a.type !== 'other' || a.tentative || b.type !== 'place' || b.weak) continue;
        const gap = text.slice(Math.min(a.end, b.end), Math.max(a.start, b.start));
        if (/^\s*(?:,|,?\s*and|,?\s*or)\s*$/.test(gap)) {
          a.type = 'place';
          a.weak = true;
        }
      }
    }
  }
}

/**
 * One sense per article: a surname alone takes the type of the full name it ends, and an
 * untyped name takes the type it has elsewhere in the article.
 */
export function resolveInArticle(text: string, mentions: Draft[]): EntityMention[] {
  const surnames = new Set<string>();
  const typed = new Map<string, EntityType>();
  for (const m of mentions) {
    if (m.type === 'person' && m.key.includes(' ')) surnames.add(m.key.split(' ').at(-1)!);
    if (m.type !== 'other' && !m.weak) typed.set(m.key, m.type);
  }
  // A city that plays a match somewhere in the article is the club everywhere in it ("Leeds 2 Chelsea 1" … "Leeds's manager").
  const teams = new Set(mentions.filter((m) => m.team).map((m) => m.key));
  const out: EntityMention[] = [];
  for (const m of mentions) {
    if ((m.type === 'other' || m.weak) && !m.key.includes(' ') && surnames.has(m.key)) m.type = 'person';
    // Not into capitals: a dateline ("LEEDS 1996-08-24") names the place the story was filed from.
    else if (teams.has(m.key) && m.type !== 'person' && !isUpperCase(text.slice(m.start, m.end))) m.type = 'organisation';
    else if (m.type === 'other' && typed.has(m.key)) m.type = typed.get(m.key)!;
    else if (m.tentative) continue;
    delete m.weak;
    delete m.tentative;
    delete m.team;
    out.push(m);
  }
  return out;
}

// In an all-capitals line case says nothing, so only names known to the gazetteers are tagged (longest first).
export function tagAllCaps(toks: Tok[]): Draft[] {
  const out: Draft[] = [];
  for (let i = 0; i < toks.length; ) {
    let found: Draft | undefined;
    for (let n = Math.min(MAX_LOOKUP_TOKENS, toks.length - i); n >= 1 && !found; n--) {
      const key = keyOf(toks.slice(i, i + n));
      const bare = key.replace(/\.$/, '');
      const type: EntityType | undefined = OUTLETS.has(bare)
        ? 'outlet'
        : isHandPlace(bare)
          ? 'place'
          : (CONLL_TO_TYPE[conllNames[bare] ?? ''] ?? (isAllCapsGazetteerPlace(bare) ? 'place' : undefined));
      if (type && /\p{L}{2,}/u.test(bare)) {
        const team = type === 'place' && isTeamContext(toks, i, n, bare);
        found = { start: toks[i].start, end: toks[i + n - 1].end, type: team ? 'organisation' : type, key };
        if (team) found.team = true;
      }
    }
    if (found) {
      out.push(found);
      while (i < toks.length && toks[i].start < found.end) i++;
    } else i++;
  }
  return out;
}
