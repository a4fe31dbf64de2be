/** One story: its counts and four tabs (ledger, timeline, provenance graph, articles). */
import { api } from '../api';
import { href } from '../router';
import { useLoad } from '../use-load';
import { articleName, PALETTE, plural, shortDate } from '../util';
import { Status } from '../components/status';
import { LedgerTab } from './ledger';
import { TimelineTab } from './timeline';
import { GraphTab } from './graph';

const TABS = [
  ['ledger', 'Ledger'],
  ['timeline', 'Timeline'],
  ['graph', 'Who copied whom'],
  ['articles', 'Articles'],
] as const;

export function StoryView({ id, tab }: { id: string; tab: (typeof TABS)[number][0] }) {
  const detail = useLoad(`story:${id}`, () => api.story(id));
  if (detail.state !== 'ok') return <Status of={detail} />;
  const { story, summary, articles } = detail.data;
  return (
    <section>
      <p class="crumbs"><a href="#/">Stories</a> ›</p>
      <h1>{summary.label}</h1>
      <p class="counts">
        <span>{plural(summary.articles, 'article')}</span> · <span><strong>{plural(summary.origins, 'independent origin')}</strong></span> ·{' '}
        <span class={summary.contested ? 'pill contested' : ''}>{summary.contested} contested</span> · <span>{plural(summary.propositions, 'proposition')}</span> ·{' '}
        <span>latest update {shortDate(summary.latest)}</span> ·{' '}
        <a href={`/api/stories/${encodeURIComponent(story.id)}/report`} download>
          Download the report (HTML)
        </a>
      </p>
      <nav class="tabs" aria-label="story views">
        {TABS.map(([key, label]) => (
          <a key={key} href={href({ view: 'story', id: story.id, tab: key })} aria-current={tab === key ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {tab === 'ledger' && <LedgerTab story={story.id} />}
      {tab === 'timeline' && <TimelineTab story={story.id} />}
      {tab === 'graph' && <GraphTab story={story.id} />}
      {tab === 'articles' && (
        <ul class="article-list">
          {articles.map((a) => (
            <li key={a.id}>
              <span class="swatch" style={{ background: PALETTE[(a.origin ?? 0) % PALETTE.length] }} aria-hidden="true" />
              <a href={href({ view: 'article', id: a.id })}>{articleName(a)}</a> <small>{a.site ?? ''} {shortDate(a.published)} · origin group {(a.origin ?? 0) + 1}</small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
