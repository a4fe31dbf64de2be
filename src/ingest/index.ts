export { readInputs } from './read-inputs.js';
export { isInputFailure } from './failure.js';
export {
  MAX_INPUT_BYTES,
  FETCH_TIMEOUT_MS,
  CONNECT_TIMEOUT_MS,
  MAX_REDIRECTS,
  PER_HOST_DELAY_MS,
  USER_AGENT,
  FEED_MIN_CONTENT_CHARS,
  type IngestOptions,
} from './limits.js';
export { fetchUrl, type FetchOptions, type FetchedResponse } from './fetch.js';
export { classifyAddress, type BlockedRange } from './ssrf-guard.js';
export { decodeBytes, type DecodedText } from './charset.js';
