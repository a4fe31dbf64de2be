/**
 * Whom a pronoun or a role speaks for: "he added" is the person named in the nearest earlier report; "the
 * secretary", "the country's top diplomat" is the person the article introduced with that role ("Antony Blinken,
 * the U.S. Secretary of State", "Foreign Minister Dmytro Kuleba"), learned from titles and appositions of the
 * article's person mentions. The result is a span of the name, kept beside the speaker as written.
 */
import type { Span } from '../core/span.js';
import { ROLE_EQUIVALENTS, TITLE_NOUNS } from './lexicon/attribution.js';
import type { AttributionMention, EntityMention } from './types.js';

/** Characters read after a name for its apposition (", the U.S. Secretary of State,"). */
export const APPOSITION_WINDOW_CHARS = 80;
/** Characters read before a name for a title written in front of it ("Foreign Minister Dmytro Kuleba"). */
export const TITLE_WINDOW_CHARS = 50;

const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'him', 'her']);
/** Any pronoun, so "They said" is never taken for a name. */
const PRONOUN_WORDS: ReadonlySet<string> = new Set(['he', 'she', 'him', 'her', 'they', 'them', 'we', 'i', 'it', 'you', 'us']);
/** Words of a role phrase that say nothing about the role ("the country's top diplomat" keeps "diplomat"). */
const ROLE_FILLERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'country', 'nation', 'top', 'former', 'then', 'new', 'senior', 'of']);
/** Every word a title implies, so a role made of one ("the top diplomat") is recognised as a role. */
const IMPLIED_ROLES: ReadonlySet<string> = new Set(ROLE_EQUIVALENTS.flatMap(([, words]) => words));

/** The lowercase words of a phrase that say something about a role. */
function roleWords(phrase: string): Set<string> {
  const words = new Set<string>();
  for (const raw of phrase.toLowerCase().split(/[^\p{L}'’.-]+/u)) {
    const w = raw.replace(/['’]s$/, '');
    if (w && !ROLE_FILLERS.has(w)) words.add(w);
  }
  return words;
}

/** The role words written around one person mention: its title, a role set off before it, an apposition after it. */
function contextRoles(text: string, person: EntityMention): Set<string> {
  const lead = text.slice(Math.max(0, person.start - TITLE_WINDOW_CHARS), person.start);
  const title = person.title
    ? text.slice(person.title.start, person.title.end)
    : (/((?:\p{Lu}[\p{L}.’'-]*\s+(?:of\s+(?:the\s+)?)?){1,5})$/u.exec(lead)?.[1] ?? '');
  // "Ukraine's foreign minister, Dmytro Kuleba": the role before the name, set off by a comma.
  const before = /(?:^|[.;:!?]\s|\bthe\s|['’]s\s)([\p{Ll}\s-]{3,40}),\s*$/u.exec(lead)?.[1] ?? '';
  // ", the U.S. Secretary of State, said": up to the next comma, or a full stop that ends no initial ("U.S.").
  const after = /^,\s+((?:the|a|an)\s[^,;()]{2,}?)(?:[,;]|(?<!\b\p{Lu})\.(?:\s|$))/u.exec(text.slice(person.end, person.end + APPOSITION_WINDOW_CHARS))?.[1] ?? '';
  const phrases = [title, before, after].filter(Boolean);
  const words = new Set<string>(phrases.flatMap((p) => [...roleWords(p)]));
  for (const [pattern, implied] of ROLE_EQUIVALENTS) if (phrases.some((p) => pattern.test(p))) for (const w of implied) words.add(w);
  return words;
}

/** True for a speaker written as a role: no capitalised name in it, a title noun at its head ("the intelligence chief"). */
function isRole(phrase: string): boolean {
  const words = phrase.split(/\s+/);
  const head = words[words.length - 1].toLowerCase().replace(/['’]s$/, '');
  const named = words.slice(1).some((w) => /^\p{Lu}\p{Ll}/u.test(w) && !TITLE_NOUNS.has(w.toLowerCase()));
  return /^(?:the|its|their|his|her)\b/i.test(phrase) && !named && (TITLE_NOUNS.has(head) || IMPLIED_ROLES.has(head));
}

/**
 * Sets `speakerRef` on pronoun and role speakers that stand for a person named earlier in the article. A pronoun
 * takes the nearest earlier named speaker; a role takes the nearest earlier person whose title or apposition shares
 * its head word (or an equivalent: "diplomat" for "foreign minister"). Nothing is set when no one fits.
 */
export function resolveSpeakerReferents(text: string, mentions: AttributionMention[], entities: readonly EntityMention[]): void {
  const persons = entities.filter((e) => e.type === 'person').sort((a, b) => a.start - b.start);
  const roles = new Map<EntityMention, Set<string>>();
  const rolesOf = (p: EntityMention) => {
    let r = roles.get(p);
    if (!r) roles.set(p, (r = contextRoles(text, p)));
    return r;
  };
  mentions.forEach((m, index) => {
    if (!m.speaker) return;
    const phrase = text.slice(m.speaker.start, m.speaker.end).trim();
    if (PERSON_PRONOUNS.has(phrase.toLowerCase())) {
      for (let k = index - 1; k >= 0; k--) {
        const s = mentions[k].speaker;
        if (!s || (mentions[k].anonymous && !mentions[k].speakerRef)) continue;
        const named = mentions[k].speakerRef ?? namedSpeaker(text, s);
        if (named) {
          m.speakerRef = named;
          return;
        }
      }
      return;
    }
    if (!isRole(phrase)) return;
    const words = roleWords(phrase);
    if (!words.size) return;
    // The nearest earlier person whose title or apposition has every word of the role ("the intelligence chief"
    // is not the army chief).
    for (let k = persons.length - 1; k >= 0; k--) {
      const p = persons[k];
      if (p.start >= m.speaker.start) continue;
      const context = rolesOf(p);
      if ([...words].every((w) => context.has(w))) {
        m.speakerRef = { start: p.start, end: p.end };
        // A role that names a known person is no longer an unnamed source.
        m.anonymous = false;
        return;
      }
    }
  });
}

/** A speaker written with a capitalised name ("Defense Minister Ana Ruiz", "Kolven"): the span as written. */
function namedSpeaker(text: string, speaker: Span): Span | undefined {
  const phrase = text.slice(speaker.start, speaker.end);
  return /\p{Lu}/u.test(phrase) && !PRONOUN_WORDS.has(phrase.trim().toLowerCase()) ? speaker : undefined;
}
