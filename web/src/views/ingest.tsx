/** Adding articles: URLs or feeds, or files; the job's progress streams in (Server-Sent Events). */
import { useEffect, useState } from 'preact/hooks';
import { api, clearCache, submit, type Job, type JobEvent } from '../api';
import { useLoad } from '../use-load';
import { shortDate } from '../util';

/** Where the token is kept for this tab only. */
const TOKEN_KEY = 'triangulate-token';

export function IngestView() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [urls, setUrls] = useState('');
  const [files, setFiles] = useState<FileList | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [events, setEvents] = useState<JobEvent[]>([]);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!job) return;
    const source = new EventSource(`/api/jobs/${encodeURIComponent(job.id)}/events`);
    source.onmessage = () => {};
    const onEvent = (e: MessageEvent) => {
      const event = JSON.parse(e.data) as JobEvent;
      setEvents((list) => [...list, event]);
      if (event.type === 'status' && (event.status === 'done' || event.status === 'failed')) {
        source.close();
        clearCache();
        setJob((j) => j && { ...j, status: event.status as Job['status'] });
      }
    };
    for (const type of ['added', 'duplicate', 'failed', 'warning', 'stage', 'status']) source.addEventListener(type, onEvent);
    return () => source.close();
  }, [job?.id]);

  const start = async (kind: 'urls' | 'files' | 'analyze') => {
    setError('');
    setEvents([]);
    sessionStorage.setItem(TOKEN_KEY, token);
    try {
      if (kind === 'urls') {
        const list = urls.split(/\s+/).filter(Boolean);
        setJob(await submit('/api/ingest', token, JSON.stringify({ urls: list }), true));
      } else if (kind === 'files') {
        const form = new FormData();
        for (const f of Array.from(files ?? [])) form.append('files', f);
        setJob(await submit('/api/ingest/upload', token, form, false));
      } else {
        setJob(await submit('/api/analyze', token, '', false));
      }
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const failures = useLoad(`failures:${job?.status === 'done' ? job.id : ''}`, api.failures);
  const count = (type: string) => events.filter((e) => e.type === type).length;
  const status = events.filter((e) => e.type === 'status').pop()?.status ?? job?.status;
  return (
    <section class="ingest">
      <h1>Add articles</h1>
      <label class="field">
        Token (TRIANGULATE_TOKEN of the server)
        <input type="password" autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
      </label>
      <form onSubmit={(e) => { e.preventDefault(); start('urls'); }}>
        <label class="field">
          Article or feed URLs, one per line
          <textarea rows={4} value={urls} onInput={(e) => setUrls(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!urls.trim()}>Fetch and analyse</button>
      </form>
      <form onSubmit={(e) => { e.preventDefault(); start('files'); }}>
        <label class="field">
          Files (text, Markdown, HTML, JSON, JSONL, feeds)
          <input type="file" multiple onChange={(e) => setFiles(e.currentTarget.files)} />
        </label>
        <button type="submit" disabled={!files?.length}>Upload and analyse</button>
      </form>
      <p>
        <button type="button" onClick={() => start('analyze')}>Re-analyse everything stored</button>
      </p>
      {error && <p class="error" role="alert">{error}</p>}
      {job && (
        <div class="progress" role="status" aria-live="polite">
          <p>
            Job {job.kind}: <strong class="job-status">{status}</strong> — {count('added')} added, {count('duplicate')} already stored, {count('failed')} failed
            {count('stage') ? `, ${count('stage')} analysis stages run` : ''}
          </p>
          {status === 'done' && <p><a href="#/">See the stories</a></p>}
          <ul class="events">
            {events.filter((e) => e.type === 'failed' || e.type === 'warning' || e.type === 'added').map((e) => (
              <li key={e.seq} class={e.type}>{e.type}: {e.title ?? (/^https?:/.test(e.input ?? '') ? e.input : e.input?.split('/').pop())} {e.reason ? `— ${e.reason}` : ''}</li>
            ))}
          </ul>
        </div>
      )}
      <h2>Inputs that failed</h2>
      {failures.state === 'ok' &&
        (failures.data.length === 0 ? (
          <p>None so far.</p>
        ) : (
          <ul class="failures">
            {failures.data.map((f, i) => (
              <li key={i}>
                <strong>{/^https?:/.test(f.input) ? f.input : f.input.split('/').pop()}</strong> — {f.reason} <code>{f.ruleId}</code> <small>{shortDate(f.at)}</small>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
