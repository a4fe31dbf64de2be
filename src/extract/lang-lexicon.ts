/** Stopwords per language for text-based language detection (data, one file). */
export const STOPWORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'with', 'was', 'on', 'as', 'are', 'be', 'this', 'by', 'have', 'from', 'which', 'said', 'were', 'has', 'but', 'not', 'they', 'their', 'would'],
  de: ['der', 'die', 'und', 'in', 'den', 'von', 'zu', 'das', 'mit', 'sich', 'des', 'auf', 'für', 'ist', 'im', 'dem', 'nicht', 'ein', 'eine', 'als', 'auch', 'es', 'an', 'werden', 'aus', 'er', 'hat', 'dass', 'sie', 'nach', 'wird', 'bei', 'noch', 'wie', 'über'],
  fr: ['le', 'la', 'les', 'de', 'des', 'et', 'en', 'un', 'une', 'du', 'est', 'que', 'qui', 'dans', 'pour', 'pas', 'au', 'sur', 'par', 'plus', 'il', 'elle', 'ce', 'avec', 'sont', 'ont', 'aux', 'été', 'mais', 'leur'],
  es: ['el', 'la', 'de', 'que', 'y', 'en', 'los', 'del', 'se', 'las', 'por', 'un', 'una', 'con', 'no', 'para', 'es', 'al', 'lo', 'como', 'más', 'pero', 'sus', 'le', 'ha', 'fue', 'este', 'ya', 'está', 'también'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'un', 'in', 'non', 'una', 'del', 'della', 'sono', 'le', 'gli', 'con', 'ha', 'si', 'da', 'dei', 'nel', 'anche', 'alla', 'più', 'è', 'come', 'ma', 'questo', 'delle', 'stato'],
  pt: ['de', 'que', 'e', 'o', 'a', 'do', 'da', 'em', 'um', 'para', 'com', 'não', 'uma', 'os', 'no', 'se', 'na', 'por', 'mais', 'as', 'dos', 'como', 'mas', 'ao', 'ele', 'das', 'foi', 'pelo', 'pela', 'também', 'são', 'já'],
  nl: ['de', 'en', 'van', 'het', 'een', 'in', 'is', 'dat', 'op', 'te', 'zijn', 'met', 'voor', 'niet', 'die', 'aan', 'er', 'ook', 'als', 'bij', 'door', 'maar', 'om', 'uit', 'wordt', 'naar', 'dan', 'nog', 'heeft', 'werd'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'как', 'это', 'он', 'к', 'из', 'за', 'то', 'все', 'его', 'от', 'так', 'для', 'она', 'было', 'же', 'они', 'был', 'были', 'который', 'также', 'уже', 'или', 'его'],
  uk: ['і', 'в', 'у', 'не', 'на', 'що', 'з', 'до', 'як', 'це', 'та', 'він', 'за', 'від', 'для', 'й', 'його', 'про', 'але', 'вже', 'який', 'також', 'була', 'був', 'які', 'є', 'ми', 'щоб', 'чи', 'із'],
  pl: ['i', 'w', 'nie', 'na', 'się', 'z', 'do', 'to', 'że', 'jest', 'o', 'jak', 'po', 'od', 'za', 'przez', 'dla', 'ale', 'są', 'jego', 'też', 'był', 'była', 'już', 'może', 'tym', 'który', 'które', 'oraz', 'tak'],
};

/** Languages written (mostly) in one script of their own: script -> language subtag. */
export const SCRIPT_LANGS: Record<string, string> = {
  Hangul: 'ko',
  Hiragana: 'ja',
  Katakana: 'ja',
  Arabic: 'ar',
  Hebrew: 'he',
  Greek: 'el',
  Thai: 'th',
  Devanagari: 'hi',
  Georgian: 'ka',
  Armenian: 'hy',
  Han: 'zh',
};
