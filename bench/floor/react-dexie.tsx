/**
 * The floor's React + Dexie page: the first 60 rows by name from a Dexie table
 * holding the same generated contacts as Rapport, rendered by React and marked
 * from an effect, as Rapport marks its first page (components/contacts/ContactsView.tsx).
 */
import Dexie, { type EntityTable } from 'dexie';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface Row {
  id: string;
  fullName: string;
  sortName: string;
}

const db = new Dexie('floor') as Dexie & { contacts: EntityTable<Row, 'id'> };
db.version(1).stores({ contacts: 'id, sortName' });

function FirstPage() {
  const [rows, setRows] = useState<Row[]>();
  useEffect(() => {
    void db.contacts.orderBy('sortName').limit(60).toArray().then(setRows);
  }, []);
  useEffect(() => {
    if (rows) performance.mark('floor:ready');
  }, [rows]);
  if (!rows) return null;
  return (
    <ul>
      {rows.map((row) => (
        <li key={row.id}>{row.fullName}</li>
      ))}
    </ul>
  );
}

createRoot(document.getElementById('root')!).render(<FirstPage />);
