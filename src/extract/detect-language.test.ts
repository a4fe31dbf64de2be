import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['The minister said that the talks with the union would resume on Thursday and that both sides were ready.', 'en'],
    ['Der Minister sagte, dass die Gespräche mit der Gewerkschaft am Donnerstag wieder aufgenommen werden und es eine Lösung gibt.', 'de'],
    ['Le ministre a déclaré que les discussions avec le syndicat reprendront jeudi et que les deux parties sont prêtes.', 'fr'],
    ['El ministro dijo que las negociaciones con el sindicato se reanudarán el jueves y que las dos partes están listas.', 'es'],
    ['Il ministro ha detto che i colloqui con il sindacato riprenderanno giovedì e che le parti sono pronte per un accordo.', 'it'],
    ['O ministro disse que as negociações com o sindicato serão retomadas na quinta-feira e que as partes estão prontas.', 'pt'],
    ['De minister zei dat de gesprekken met de vakbond op donderdag worden hervat en dat beide partijen er klaar voor zijn.', 'nl'],
    ['Министр сказал, что переговоры с профсоюзом возобновятся в четверг и что обе стороны уже готовы к этому.', 'ru'],
    ['Міністр сказав, що переговори з профспілкою відновляться у четвер і що обидві сторони вже готові до цього.', 'uk'],
    ['Minister powiedział, że rozmowy ze związkiem zostaną wznowione w czwartek i że obie strony są już gotowe.', 'pl'],
    ['장관은 노조와의 협상이 목요일에 재개될 것이라고 말했다.', 'ko'],
    ['وقال الوزير إن المحادثات مع النقابة ستستأنف يوم الخميس', 'ar'],
    ['Budanov Kursk TWZ', 'und'],
    ['', 'und'],
  ])('lang: %j -> %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));
});
