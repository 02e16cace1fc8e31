// One setup section: a heading, an optional one-line explanation and the controls.
import type { ReactNode } from 'react';
import './setup.css';

interface SectionProps {
  title: string;
  help?: ReactNode;
  /** controls shown at the right of the heading */
  aside?: ReactNode;
  children: ReactNode;
}

export function Section({ title, help, aside, children }: SectionProps) {
  return (
    <section className="panel setup-section" aria-label={title}>
      <header className="setup-section-head">
        <h2>{title}</h2>
        {aside}
      </header>
      {help && <p className="setup-help">{help}</p>}
      {children}
    </section>
  );
}
