/**
 * The yardstick for `npm run bench`: the users or secrets list rendered the naive way — every row in the DOM, the
 * filter applied on every keystroke with no deferral or memoization. It fetches and parses exactly what the console
 * does (same request helper, same zod schemas) so the ratio isolates rendering. Built only by bench/vite.naive.config.ts
 * into the bench's own output; `npm run build` never sees it (e2e/budgets.spec.ts proves it).
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { request } from '@/api/request.ts';
import { listSchema } from '@/api/schemas.ts';
import { originOf, ORIGIN_LABELS, userSchema, type User } from '@/api/users.ts';
import { z } from 'zod/mini';
import '@/ui/global.css';
import { NAIVE_MARKER } from '../budgets.ts';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

interface Row {
  id: string;
  cells: [string, string, string];
}

function toUserRow(user: User): Row {
  return { id: user.uid, cells: [user.uid, user.description, ORIGIN_LABELS[originOf(user)]] };
}

function toSecretRow(path: string): Row {
  return { id: path, cells: [path, 'Secret', ''] };
}

async function load(list: 'users' | 'secrets'): Promise<Row[]> {
  if (list === 'users') return (await request('/acs/api/v1/users', listSchema(userSchema))).array.map(toUserRow);
  return (await request('/secrets/v1/secret/default/?list=true', listSchema(z.string()))).array.map(toSecretRow);
}

function NaiveList({ list }: { list: 'users' | 'secrets' }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  // Hide and show again: the naive page's equivalent of leaving the list and coming back with the data in memory.
  const [shown, setShown] = useState(true);
  // Naive on purpose: a fetch in an effect, as so many list pages do.
  useEffect(() => {
    load(list).then(setRows, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [list]);
  if (error) return <p role="alert">{error}</p>;
  if (!rows) return <p role="status">Loading…</p>;
  const q = query.trim().toLowerCase();
  const toggle = (
    <button type="button" className="btn" onClick={() => setShown(!shown)}>
      {shown ? 'Hide list' : 'Show list'}
    </button>
  );
  if (!shown) return <main className="app-main">{toggle}</main>;
  const visible = rows
    .filter((r) => q === '' || r.cells[0].toLowerCase().includes(q) || r.cells[1].toLowerCase().includes(q))
    .sort((a, b) => collator.compare(a.id, b.id));
  return (
    <main className="app-main" data-marker={NAIVE_MARKER}>
      <h1>{list === 'users' ? 'Users' : 'Secrets'} (naive)</h1>
      <div className="toolbar" role="search">
        <div className="field">
          <label htmlFor="naive-search">Search {list}</label>
          <input id="naive-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        {toggle}
        <p className="count">
          {visible.length} of {rows.length}
        </p>
      </div>
      <table aria-label={list === 'users' ? 'Users' : 'Secrets'}>
        <thead>
          <tr>
            <th scope="col">{list === 'users' ? 'ID' : 'Path'}</th>
            <th scope="col">{list === 'users' ? 'Description' : 'Kind'}</th>
            <th scope="col">{list === 'users' ? 'Origin' : ''}</th>
          </tr>
        </thead>
        <tbody>
          {visible.map((r) => (
            <tr key={r.id}>
              <td>
                <a
                  href={list === 'users' ? `/organization/users/${encodeURIComponent(r.id)}` : `/secrets/view/${r.id}`}
                >
                  {r.cells[0]}
                </a>
              </td>
              <td>{r.cells[1]}</td>
              <td>{r.cells[2]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
const list = new URLSearchParams(window.location.search).get('list') === 'secrets' ? 'secrets' : 'users';
createRoot(root).render(<NaiveList list={list} />);
