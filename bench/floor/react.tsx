/** The floor's React page: React DOM renders one element, marked from an effect as Rapport marks its list. */
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';

function One() {
  useEffect(() => {
    performance.mark('floor:ready');
  }, []);
  return <p>Ready</p>;
}

createRoot(document.getElementById('root')!).render(<One />);
