// Entry point of the single-page app. The studio views are built in issue 4; until then the page
// says plainly what exists, rather than pretending.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '3rem auto', lineHeight: 1.5 }}>
      <h1>GEPA Studio</h1>
      <p>
        The GEPA engine (<code>src/engine/</code>) is in place and tested headless (<code>npm test</code>). The studio views — setup,
        live run, proposals, lineage — are not built yet.
      </p>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
