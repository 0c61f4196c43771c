import type { Rendered } from '../../drafting/render';
import { i18n } from '../../model/i18n';

/**
 * A rendered message as the recipient will read it, with every gap marked:
 * a variable without a value, a name that is not a variable, and the
 * personal line still to write. Built from segments as React text, never HTML.
 */
export function Preview({ rendered, label, testId }: { rendered: Rendered; label: string; testId?: string }) {
  return (
    <div className="draft-preview" role="group" aria-label={label} data-testid={testId}>
      {rendered.segments.length === 0 && <span className="muted">{i18n.t('drafting.empty')}</span>}
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
                <span className="visually-hidden">{' '}{i18n.t('drafting.noValueYet')}</span>
              </mark>
            );
          case 'unknown':
            return (
              <mark key={index} className="var-unknown">
                {segment.text}
                <span className="visually-hidden">{' '}{i18n.t('drafting.notAVariable')}</span>
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
                <span className="visually-hidden">{' '}{i18n.t('drafting.writeYourPersonalSentence')}</span>
              </mark>
            );
        }
      })}
    </div>
  );
}
