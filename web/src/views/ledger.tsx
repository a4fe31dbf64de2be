/** The ledger: propositions contested first; each value with speakers, origins, chains and dates; source sentences on demand. */
import { useState } from 'preact/hooks';
import { api, STATUS_ORDER, type Claim, type Proposition } from '../api';
import { href } from '../router';
import { useLoad } from '../use-load';
import { articleName, plural, shortDate } from '../util';
import { Status } from '../components/status';

/** Characters of the article shown on each side of a claim. */
const CONTEXT_CHARS = 160;

export function LedgerTab({ story }: { story: string }) {
  const ledger = useLoad(`ledger:${story}`, () => api.ledger(story));
  const detail = useLoad(`story:${story}`, () => api.story(story));
  if (ledger.state !== 'ok') return <Status of={ledger} />;
  const claims = new Map(ledger.data.claims.map((c) => [c.id, c]));
  const names = new Map(detail.state === 'ok' ? detail.data.articles.map((a) => [a.id, articleName(a)]) : []);
  const props = ledger.data.propositions;
  if (!props.length) return <p>No propositions in this story yet.</p>;
  return (
    <div class="ledger">
      {STATUS_ORDER.map((status) => {
        const group = props.filter((p) => p.status === status);
        if (!group.length) return null;
        return (
          <section key={status} class={`status-group ${status}`} aria-labelledby={`h-${status}`}>
            <h2 id={`h-${status}`}>
              <span class={`pill ${status}`}>{status}</span> {group.length}
            </h2>
            {group.map((p) => (
              <PropositionCard key={p.id} p={p} claims={claims} names={names} />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function PropositionCard({ p, claims, names }: { p: Proposition; claims: Map<string, Claim>; names: Map<string, string> }) {
  const [open, setOpen] = useState(false);
  return (
    <article class={`proposition ${p.status}`} id={`p-${p.id}`}>
      <h3>
        {p.label} <small>{plural(p.origins, 'origin')}, {plural(p.articles, 'article')}</small>
      </h3>
      <div class="table-wrap">
        <table class="values">
          <thead>
            <tr><th scope="col">Value</th><th scope="col">Who says it</th><th scope="col" class="num">Origins</th><th scope="col" class="num">Reports</th><th scope="col">First seen</th><th scope="col">How it reached the articles</th></tr>
          </thead>
          <tbody>
            {p.values.map((v, i) => (
              <tr key={i}>
                <td class="value" data-label="Value">
                  {v.text}
                  {v.hedges?.length ? <span class="flag hedge"> hedged: {v.hedges.join(', ')}</span> : null}
                  {v.unsupported ? <span class="flag unsupported"> unsupported addition</span> : null}
                </td>
                <td data-label="Who says it">{v.speakers.join('; ') || 'unattributed'}</td>
                <td class="num" data-label="Origins">{v.origins}</td>
                <td class="num" data-label="Reports">{v.claims.length}</td>
                <td data-label="First seen">{shortDate(v.firstSeen)}{v.lastSeen && v.lastSeen !== v.firstSeen ? ` – ${shortDate(v.lastSeen)}` : ''}</td>
                <td data-label="Chains">
                  <ul class="chains">{v.originChains.map((c, j) => <li key={j}>{c}</li>)}</ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.reasons.length > 0 && <ul class="reasons">{p.reasons.map((r, i) => <li key={i}>{r}</li>)}</ul>}
      <button type="button" class="expand" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide' : 'Show'} source sentences ({p.claims.length})
      </button>
      {open && (
        <ol class="sources">
          {p.values.flatMap((v) =>
            v.claims.map((id) => {
              const c = claims.get(id);
              return c ? <SourceSentence key={`${v.text}-${id}`} value={v.text} claim={c} name={names.get(c.article) ?? c.article.slice(0, 12)} /> : null;
            }),
          )}
        </ol>
      )}
    </article>
  );
}

/** One report of a value: its article, and the claim in its surrounding text, highlighted. */
function SourceSentence({ value, claim, name }: { value: string; claim: Claim; name: string }) {
  const article = useLoad(`article:${claim.article}`, () => api.article(claim.article));
  const text = article.state === 'ok' ? article.data.text : undefined;
  const from = Math.max(0, claim.start - CONTEXT_CHARS);
  const to = text ? Math.min(text.length, claim.end + CONTEXT_CHARS) : 0;
  return (
    <li>
      <span class="value">{value}</span> — <a href={href({ view: 'article', id: claim.article, claim: claim.id })}>{name}</a>
      {claim.attribution?.speaker ? <span class="speaker"> ({claim.attribution.speaker}, “{claim.attribution.cue}”)</span> : null}
      <blockquote>
        {text ? (
          <>
            {from > 0 ? '…' : ''}
            {text.slice(from, claim.start)}
            <mark class="claim-mark">{text.slice(claim.start, claim.end)}</mark>
            {text.slice(claim.end, to)}
            {to < text.length ? '…' : ''}
          </>
        ) : (
          <mark class="claim-mark">{claim.text}</mark>
        )}
      </blockquote>
    </li>
  );
}
