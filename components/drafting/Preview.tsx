import type { Rendered } from '../../drafting/render';

/**
 * A rendered message as the recipient will read it, with every gap marked:
 * a variable without a value, a name that is not a variable, and the
 * personal line still to write. Built from segments as React text, never HTML.
 */
export function Preview({ rendered, label, testId }: { rendered: Rendered; label: string; testId?: string }) {
  return (
    <div className="draft-preview" role="group" aria-label={label} data-testid={testId}>
      {rendered.segments.length === 0 && <span className="muted">(empty)</span>}
      {rendered.segments.map((segment, index) => {
        switch (segment.kind) {
          case 'text':
            return <span key={index}>{segment.text}</span>;
          case 'value':
            return (
              <span key={index} className="var-value" title={`{{${segment.name}}}`}>
                {segment.text}
              </span>
            );
          case 'missing':
            return (
              <mark key={index} className="var-missing" data-testid="missing-variable">
                {segment.text}
                <span className="visually-hidden"> (no value yet)</span>
              </mark>
            );
          case 'unknown':
            return (
              <mark key={index} className="var-unknown">
                {segment.text}
                <span className="visually-hidden"> (not a variable)</span>
              </mark>
            );
          case 'personal':
            return segment.filled ? (
              <span key={index} className="var-personal-filled">
                {segment.text}
              </span>
            ) : (
              <mark key={index} className="var-personal">
                {segment.text}
                <span className="visually-hidden"> (write your personal sentence)</span>
              </mark>
            );
        }
      })}
    </div>
  );
}
