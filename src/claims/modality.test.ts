import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article.js';
import { silentLogger } from '../core/pipeline.js';
import { findModality, modalityStage } from './modality.js';
import type { ModalityKind } from './types.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEEDS = path.resolve(HERE, '../../../shared/seeds');

describe('modality: cues and kinds', () => {
  const rows: [string, ModalityKind, string][] = [
    ['The artillerymen had allegedly been training.', 'hedge', 'allegedly'],
    ['The troops reportedly arrived.', 'hedge', 'reportedly'],
    ['The unit is reported to have moved.', 'hedge', 'reported to'],
    ['It is likely the first video.', 'hedge', 'likely'],
    ['This may be a logical development.', 'hedge', 'may'],
    ['The situation might change.', 'hedge', 'might'],
    ['A video purportedly showing troops surfaced.', 'hedge', 'purportedly'],
    ['The troops are believed to be preparing.', 'hedge', 'believed to'],
    ['The soldiers are thought to be speaking Korean.', 'hedge', 'believed to'],
    ['The troops are expected to arrive.', 'hedge', 'expected to'],
    ['A video appears to show soldiers.', 'hedge', 'appears to'],
    ['Reports suggest pilots were sent.', 'hedge', 'suggest'],
    ['ATESH claimed that gunners trained.', 'hedge', 'claimed'],
    ['The footage is unverified.', 'unverified', 'unverified'],
    ['The claim could not be independently verified.', 'unverified', 'could not be independently verified'],
    ['Its authenticity has yet to be independently verified.', 'unverified', 'has yet to be independently verified'],
    ['The source did not provide any photo or video evidence of this.', 'unverified', 'did not provide evidence'],
    ['He said so without evidence.', 'unverified', 'without evidence'],
    ['Unconfirmed reports say pilots were sent.', 'unverified', 'unconfirmed'],
    ['We cannot confirm reports that troops are fighting.', 'non-confirmation', 'cannot confirm'],
    ['Austin said he couldn’t confirm soldiers were fighting.', 'non-confirmation', 'cannot confirm'],
    ['Officials could not confirm the figure.', 'non-confirmation', 'cannot confirm'],
    ['The figure was not confirmed by the NIS.', 'non-confirmation', 'was not confirmed'],
    ['The ministry declined to confirm the report.', 'non-confirmation', 'declined to confirm'],
    ['Seoul has not confirmed the deployment.', 'non-confirmation', 'has not confirmed'],
    ['The spokesman declined to comment on the report.', 'non-confirmation', 'declined to comment'],
    ['The company did not respond to questions about the inspection.', 'non-confirmation', 'did not respond to requests for comment'],
    ['The ministry did not immediately reply to a request for comment.', 'non-confirmation', 'did not respond to requests for comment'],
    ['Farmers lost cattle, though no official figures have been released.', 'unverified', 'no official figures'],
    ['Moscow denied the reports.', 'denial', 'denied'],
    ['Pyongyang denies sending troops.', 'denial', 'denied'],
    ['The Kremlin dismissed the report as propaganda.', 'denial', 'dismissed as'],
    ['Moscow rejected the allegations.', 'denial', 'rejected the claim'],
    ['Officials refuted the account.', 'denial', 'refuted'],
    ['There is no evidence that troops crossed.', 'denial', 'no evidence that'],
  ];
  it.each(rows)('finds in %j a %s cue', (input, kind, cue) => {
    const found = findModality(input);
    expect(found.map((m) => [m.kind, m.cue])).toContainEqual([kind, cue]);
  });
});

describe('modality: false positives', () => {
  const rows = [
    'The May 5 summit ended.',
    'Reported by CNN.',
    'LIGA reported the news.',
    'One of the soldiers could be heard shouting.',
    'Soldiers could be seen waiting.',
    'He was denied entry to the country.',
    'They met in May.',
    'The agency confirmed the deployment.',
    'The army did not respond to the attack.',
    'Officials released official figures on Monday.',
  ];
  it.each(rows)('finds no modality in %j', (input) => {
    expect(findModality(input).map((m) => m.cue)).toEqual([]);
  });
});

describe('modality: scope', () => {
  it('modality: scopes non-confirmation to the clause it governs, not the speaker', () => {
    const text = 'US Defense Secretary Lloyd Austin said he couldn’t confirm North Korean soldiers were fighting for Moscow.';
    const [m] = findModality(text);
    expect(text.slice(m.scope.start, m.scope.end)).toBe('North Korean soldiers were fighting for Moscow');
  });
  it('modality: scopes a passive unverified marker to its own clause', () => {
    const text = 'Though the authenticity has yet to be independently verified, analysts noted a resemblance.';
    const [m] = findModality(text);
    expect(text.slice(m.scope.start, m.scope.end)).toBe('Though the authenticity has yet to be independently verified');
  });
  it('modality: keeps scopes inside the sentence', () => {
    const text = 'Troops arrived. Officials allegedly paid them. Nobody knows.';
    const [m] = findModality(text);
    expect(text.slice(m.scope.start, m.scope.end)).toBe('Officials allegedly paid them');
  });
});

describe('modality: stage and seeds', () => {
  it('modality: fills layers.modality using the sentence layer', () => {
    const text = 'He denied it. She may go.';
    const article = makeArticle({ text, layers: { sentence: [{ start: 0, end: 13 }, { start: 14, end: 25 }] } });
    const out = modalityStage.run(article, { logger: silentLogger }) as typeof article;
    expect(out.layers.modality?.map((m) => m.kind)).toEqual(['denial', 'hedge']);
  });
  it('modality: marks the unsourced and unconfirmed seed passages', () => {
    const kinds = (file: string) => findModality(readFileSync(path.join(SEEDS, file), 'utf8')).map((m) => m.kind);
    expect(kinds('000_7feaf728ae14c171.txt')).toEqual(expect.arrayContaining(['hedge', 'unverified']));
    expect(kinds('002_74cb888c7f6563bf.txt')).toEqual(expect.arrayContaining(['non-confirmation', 'unverified']));
    expect(kinds('003_44704ef96eb3a8f2.txt')).toEqual(expect.arrayContaining(['denial', 'non-confirmation']));
    expect(kinds('004_17f1a6c54d4db435.txt')).toContain('non-confirmation');
  });
});
