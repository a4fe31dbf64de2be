import type { InputFailure, RawDocument } from '../core/raw-document.js';

/** True when a value yielded by `readInputs` is an InputFailure rather than a RawDocument. */
export function isInputFailure(x: RawDocument | InputFailure | unknown): x is InputFailure {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as InputFailure).ruleId === 'string' &&
    typeof (x as InputFailure).reason === 'string' &&
    !('body' in x)
  );
}

/** Builds a fatal InputFailure (the input is skipped). */
export function failInput(input: string, ruleId: string, reason: string): InputFailure {
  return { input, severity: 'fatal', ruleId, reason };
}

/** Builds a warning InputFailure (the input was read with a fallback), for `RawDocument.notes`. */
export function warnInput(input: string, ruleId: string, reason: string): InputFailure {
  return { input, severity: 'warning', ruleId, reason };
}
