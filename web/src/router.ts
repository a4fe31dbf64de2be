/** Hash routing: the URL holds the view, so any view can be shared or bookmarked. */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { view: 'stories'; q?: string }
  | { view: 'story'; id: string; tab: 'ledger' | 'timeline' | 'graph' | 'articles' }
  | { view: 'article'; id: string; claim?: string }
  | { view: 'compare'; from: string; to: string }
  | { view: 'ingest' };

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  if (parts[0] === 'story' && parts[1]) {
    const tab = (['ledger', 'timeline', 'graph', 'articles'] as const).find((t) => t === parts[2]) ?? 'ledger';
    return { view: 'story', id: parts[1], tab };
  }
  if (parts[0] === 'article' && parts[1]) return { view: 'article', id: parts[1], claim: params.get('claim') ?? undefined };
  if (parts[0] === 'compare' && parts[1] && parts[2]) return { view: 'compare', from: parts[1], to: parts[2] };
  if (parts[0] === 'ingest') return { view: 'ingest' };
  return { view: 'stories', q: params.get('q') ?? undefined };
}

/** The hash for a route. */
export function href(route: Route): string {
  const e = encodeURIComponent;
  switch (route.view) {
    case 'story':
      return `#/story/${e(route.id)}${route.tab === 'ledger' ? '' : `/${route.tab}`}`;
    case 'article':
      return `#/article/${e(route.id)}${route.claim ? `?claim=${e(route.claim)}` : ''}`;
    case 'compare':
      return `#/compare/${e(route.from)}/${e(route.to)}`;
    case 'ingest':
      return '#/ingest';
    default:
      return route.q ? `#/?q=${e(route.q)}` : '#/';
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
