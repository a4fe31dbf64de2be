/** Every story: articles against independent origins, contested count, latest update; searchable. */
import { api } from '../api';
import { href } from '../router';
import { useLoad } from '../use-load';
import { shortDate } from '../util';
import { Status as LoadStatus } from '../components/status';

/** Rows drawn at once: a store of many thousand stories is searched, not scrolled. */
const SHOWN = 300;

export function StoryList({ q }: { q: string }) {
  const stories = useLoad('stories', api.stories);
  const needle = q.trim().toLowerCase();
  const matching = stories.state === 'ok' ? stories.data.filter((s) => !needle || s.label.toLowerCase().includes(needle)) : [];
  return (
    <section>
      <h1>Stories</h1>
      <label class="search">
        Search stories{' '}
        <input
          type="search"
          value={q}
          placeholder="words in the story title"
          onInput={(e) => {
            // The query lives in the URL so a search can be shared; replaceState keeps typing out of the history.
            history.replaceState(null, '', href({ view: 'stories', q: e.currentTarget.value }));
            dispatchEvent(new HashChangeEvent('hashchange'));
          }}
        />
      </label>
      <LoadStatus of={stories} />
      {stories.state === 'ok' &&
        (stories.data.length === 0 ? (
          <p>No stories yet. <a href="#/ingest">Add articles</a> or run <code>triangulate analyze</code>.</p>
        ) : (
          <div class="table-wrap">
            <table class="stories">
              <caption class="sr-only">Stories, largest first</caption>
              <thead>
                <tr><th scope="col">Story</th><th scope="col" class="num">Articles</th><th scope="col" class="num">Independent origins</th><th scope="col" class="num">Contested</th><th scope="col">Latest update</th></tr>
              </thead>
              <tbody>
                {matching
                  .slice(0, SHOWN)
                  .map((s) => (
                    <tr key={s.id}>
                      <th scope="row"><a href={href({ view: 'story', id: s.id, tab: 'ledger' })}>{s.label}</a></th>
                      <td class="num" data-label="Articles">{s.articles}</td>
                      <td class="num" data-label="Independent origins"><strong>{s.origins}</strong></td>
                      <td class="num" data-label="Contested">{s.contested ? <span class="pill contested">{s.contested}</span> : '0'}</td>
                      <td data-label="Latest update">{shortDate(s.latest)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
            {matching.length > SHOWN && (
              <p class="more">
                The {SHOWN} largest of {matching.length} {needle ? 'matching ' : ''}stories; search to find the others.
              </p>
            )}
          </div>
        ))}
    </section>
  );
}
