/** The Triangulate web UI: story list, ledger, timeline, provenance graph, article reader, side-by-side, ingest. */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { href, useRoute, type Route } from './router';
import { StoryList } from './views/story-list';
import { StoryView } from './views/story';
import { ArticleView } from './views/article';
import { CompareView } from './views/compare';
import { IngestView } from './views/ingest';
import './style.css';

function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  // A new view moves focus to its content, so keyboard and screen-reader users start there.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
    scrollTo(0, 0);
  }, [route.view, 'id' in route ? route.id : '']);
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Skip to content</a>
      <header class="top">
        <a class="brand" href="#/">Triangulate</a>
        <nav aria-label="main">
          <a href="#/" aria-current={route.view === 'stories' ? 'page' : undefined}>Stories</a>
          <a href="#/ingest" aria-current={route.view === 'ingest' ? 'page' : undefined}>Add articles</a>
          <a href="/api/docs">API</a>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <View route={route} />
      </main>
    </>
  );
}

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'story':
      return <StoryView id={route.id} tab={route.tab} />;
    case 'article':
      return <ArticleView id={route.id} claim={route.claim} />;
    case 'compare':
      return <CompareView from={route.from} to={route.to} />;
    case 'ingest':
      return <IngestView />;
    default:
      return <StoryList q={route.q ?? ''} />;
  }
}

export { href };
render(<App />, document.getElementById('app')!);
