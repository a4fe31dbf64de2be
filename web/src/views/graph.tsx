/** The provenance graph (Cytoscape.js): articles coloured by independent origin, arrows from origin to copy; click for the side-by-side. */
import { useEffect, useRef } from 'preact/hooks';
import cytoscape from 'cytoscape';
import { api, type Graph } from '../api';
import { href } from '../router';
import { useLoad } from '../use-load';
import { articleName, PALETTE } from '../util';
import { Status } from '../components/status';

/** Longest node label, in characters. */
const LABEL_CHARS = 34;

export function GraphTab({ story }: { story: string }) {
  const graph = useLoad(`graph:${story}`, () => api.graph(story));
  if (graph.state !== 'ok') return <Status of={graph} />;
  const g = graph.data;
  const name = new Map(g.nodes.map((n) => [n.id, articleName(n)]));
  return (
    <div class="graph-tab">
      <p class="hint">Each colour is one independent origin. Arrows run from an origin to the article that copied or rewrote it; click an arrow to compare the two side by side, a dot to read the article.</p>
      <GraphCanvas g={g} />
      <h2>Reuse links</h2>
      {g.links.length === 0 ? (
        <p>No article of this story copies another.</p>
      ) : (
        <ul class="links">
          {g.links.map((l) => (
            <li key={`${l.from}-${l.to}`}>
              <a href={href({ view: 'compare', from: l.from, to: l.to })}>
                {name.get(l.from) ?? l.from} ← {name.get(l.to) ?? l.to}
              </a>{' '}
              <span class={`pill link ${l.kind}`}>{l.kind}</span> <small>score {l.score.toFixed(2)}, direction {l.direction}</small>
            </li>
          ))}
        </ul>
      )}
      <h2>Independent origins</h2>
      <ol class="origins">
        {g.origins.map((group, i) => (
          <li key={i}>
            <span class="swatch" style={{ background: PALETTE[i % PALETTE.length] }} aria-hidden="true" />
            {group.map((id, j) => (
              <span key={id}>
                {j > 0 ? '; ' : ''}
                <a href={href({ view: 'article', id })}>{name.get(id) ?? id}</a>
              </span>
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}

function GraphCanvas({ g }: { g: Graph }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const group = new Map<string, number>();
    g.origins.forEach((ids, i) => ids.forEach((id) => group.set(id, i)));
    const cy = cytoscape({
      container: box.current,
      // Labels are drawn on the canvas as text: nothing from an article becomes markup.
      elements: [
        ...g.nodes.map((n) => {
          const label = articleName(n);
          return { data: { id: n.id, label: label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label, colour: PALETTE[(group.get(n.id) ?? 0) % PALETTE.length] } };
        }),
        ...g.links.map((l) => ({ data: { id: `${l.to}->${l.from}`, source: l.to, target: l.from, kind: l.kind, from: l.from, to: l.to } })),
      ],
      layout: { name: 'breadthfirst', directed: true, spacingFactor: 1.1, padding: 20 },
      style: [
        { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', 'font-size': 11, 'text-wrap': 'wrap', 'text-max-width': '140px', 'text-valign': 'bottom', 'text-margin-y': 4, width: 22, height: 22 } },
        { selector: 'edge', style: { width: 2, 'line-color': '#666', 'target-arrow-color': '#666', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(kind)', 'font-size': 10, 'text-background-color': '#fff', 'text-background-opacity': 1 } },
        { selector: 'edge[kind = "shared-source"]', style: { 'line-style': 'dashed' } },
      ],
      wheelSensitivity: 0.3,
      userPanningEnabled: true,
    });
    cy.on('tap', 'edge', (e) => {
      location.hash = href({ view: 'compare', from: e.target.data('from'), to: e.target.data('to') });
    });
    cy.on('tap', 'node', (e) => {
      location.hash = href({ view: 'article', id: e.target.id() });
    });
    // A phone turned, or a window resized: keep the whole graph in view.
    const resize = new ResizeObserver(() => {
      cy.resize();
      cy.fit(undefined, 20);
    });
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      cy.destroy();
    };
  }, [g]);
  return <div class="graph" ref={box} role="img" aria-label="Provenance graph; the same links are listed below" data-testid="graph" />;
}
