import { Button } from '@atrium/plugin-api/frontend';
import { useState } from 'react';

/** Props of {@link RawDefinitionView}. */
export interface RawDefinitionViewProps {
  definition: string;
  /** Accessible name of the text block, e.g. "Definition of payments-api". */
  label: string;
}

/** The definition as text, with a button that copies it. */
export function RawDefinitionView({ definition, label }: RawDefinitionViewProps) {
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  const copy = () =>
    navigator.clipboard.writeText(definition).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <div className="api-raw">
      <div className="api-raw__actions">
        <Button icon="file" onClick={copy}>
          Copy
        </Button>
        <span role="status" className="api-raw__status">
          {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'The browser refused to copy' : ''}
        </span>
      </div>
      <section aria-label={label}>
        <pre className="api-raw__text">{definition}</pre>
      </section>
    </div>
  );
}
