/** Loads a promise-returning call for a view, re-running when its key changes. */
import { useEffect, useState } from 'preact/hooks';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; data: T };

export function useLoad<T>(key: string, fn: () => Promise<T>): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    fn().then(
      (data) => live && setResult({ state: 'ok', data }),
      (error: Error) => live && setResult({ state: 'error', message: error.message }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return result;
}
