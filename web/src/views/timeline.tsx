/** The story's timeline: each figure's trajectory as a chart (and as a table), then the dated events. */
import { api } from '../api';
import { useLoad } from '../use-load';
import { shortDate } from '../util';
import { Status } from '../components/status';
import { chartData, TrajectoryChart } from '../components/trajectory-chart';

export function TimelineTab({ story }: { story: string }) {
  const timeline = useLoad(`timeline:${story}`, () => api.timeline(story));
  if (timeline.state !== 'ok') return <Status of={timeline} />;
  const { trajectories, timeline: entries } = timeline.data;
  const charted = trajectories.filter((t) => chartData(t));
  return (
    <div class="timeline">
      <h2>How the figures moved</h2>
      {charted.length === 0 && <p>No figure was reported with a date.</p>}
      {charted.map((t) => (
        <figure key={t.proposition} class="trajectory">
          <figcaption>
            <strong>{t.label}</strong> <span class={`pill ${t.status}`}>{t.status}</span>
          </figcaption>
          <TrajectoryChart t={t} />
          <details>
            <summary>Reports as a table</summary>
            <div class="table-wrap">
              <table>
                <thead><tr><th scope="col">Date</th><th scope="col">Value</th><th scope="col">Origin</th><th scope="col">Speaker</th><th scope="col">Change</th></tr></thead>
                <tbody>
                  {t.points.map((p, i) => (
                    <tr key={i}><td>{shortDate(p.date)}</td><td>{p.value}</td><td>{p.origin}</td><td>{p.speaker ?? '—'}</td><td>{p.change}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </figure>
      ))}
      <h2>Dated events</h2>
      {entries.length === 0 ? (
        <p>No dated events.</p>
      ) : (
        <ol class="events">
          {entries.map((e, i) => (
            <li key={i} class={e.kind}>
              <time>{e.date}{e.end ? ` – ${e.end}` : ''}</time> <span>{e.kind === 'figure' ? `figure first seen: ${e.text}` : e.text}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
