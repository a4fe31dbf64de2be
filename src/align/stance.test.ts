import { beforeAll, describe, expect, it } from 'vitest';
import { STANCE_FEATURES, analyzeStanceTexts, judgeStance, stanceFeatures, DEFAULT_STANCE_MODEL, type StanceText } from './stance.js';

const HEADLINE = 'Rebels shot down a military helicopter near Donetsk';
const BODIES = {
  agree:
    'Rebels shot down a Ukrainian military helicopter near Donetsk on Tuesday, killing its crew of three. ' +
    'Wreckage of the helicopter was found in a field north of Donetsk. The army confirmed the loss on Wednesday.',
  disagree:
    'The Ukrainian army denied that rebels shot down a military helicopter near Donetsk. ' +
    'Officials rejected the claims as fabricated and said every helicopter returned safely to its base.',
  discuss:
    'Rebels claimed they shot down a military helicopter near Donetsk, according to a statement posted online. ' +
    'The claim could not be independently verified, and the army declined to comment.',
  unrelated: 'A bakery in Lyon won a national prize for its croissants this week. The mayor praised the bakers at a ceremony.',
};

let head: StanceText;
let bodies: Record<keyof typeof BODIES, StanceText>;

beforeAll(async () => {
  const texts = await analyzeStanceTexts([HEADLINE, ...Object.values(BODIES)]);
  head = texts[0];
  bodies = Object.fromEntries(Object.keys(BODIES).map((k, i) => [k, texts[i + 1]])) as typeof bodies;
});

describe('stance', () => {
  it('calls a body about something else unrelated, and bodies about the claim related', () => {
    expect(judgeStance(head, bodies.unrelated).stance).toBe('unrelated');
    for (const k of ['agree', 'disagree', 'discuss'] as const) expect(judgeStance(head, bodies[k]).stance).not.toBe('unrelated');
  });

  it('leans towards disagree when the body denies the claim, more than when it reports it', () => {
    expect(judgeStance(head, bodies.disagree).given.disagree).toBeGreaterThan(judgeStance(head, bodies.agree).given.disagree);
    expect(judgeStance(head, bodies.disagree).given.disagree).toBeGreaterThan(judgeStance(head, bodies.discuss).given.disagree);
  });

  it('leans towards discuss when the body only relays an unverified claim, more than when it asserts it', () => {
    expect(judgeStance(head, bodies.discuss).given.discuss).toBeGreaterThan(judgeStance(head, bodies.agree).given.discuss);
    expect(judgeStance(head, bodies.agree).given.agree).toBeGreaterThan(judgeStance(head, bodies.discuss).given.agree);
  });

  it('reads figures the headline and body share: the same toll agrees, a different one conflicts', async () => {
    const [toll, same, other] = await analyzeStanceTexts([
      'Floods kill 12 people in coastal villages',
      'Floods killed 12 people in coastal villages over the weekend, the regional governor said.',
      'Floods killed 40 people in coastal villages over the weekend, the regional governor said.',
    ]);
    const at = (name: string, body: StanceText) => stanceFeatures(toll, body, DEFAULT_STANCE_MODEL)[STANCE_FEATURES.indexOf(name)];
    expect([at('figures-agree', same), at('figures-conflict', same)]).toEqual([1, 0]);
    expect([at('figures-agree', other), at('figures-conflict', other)]).toEqual([0, 1]);
  });

  it('compares figures only within one proposition: a figure for another scope is no conflict', async () => {
    const [scoped, total, sameScope] = await analyzeStanceTexts([
      'North Korea sent 2,600 troops to Kursk',
      'Officials say North Korea has sent 11,000 troops to Russia in total.',
      'Officials say North Korea has sent 3,000 troops to Kursk.',
    ]);
    const conflict = (body: StanceText) => stanceFeatures(scoped, body, DEFAULT_STANCE_MODEL)[STANCE_FEATURES.indexOf('figures-conflict')];
    expect(conflict(total)).toBe(0);
    expect(conflict(sameScope)).toBe(1);
  });
});
