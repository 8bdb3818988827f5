import { Button, Card, TextField } from '@atrium/plugin-api/frontend';
import { useState } from 'react';

/** Shows a just-created token's secret, the only time it is shown, with a copy button. */
export function NewApiTokenCard({
  name,
  token,
  onDone,
}: {
  name: string;
  token: string;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const copy = () => {
    navigator.clipboard
      .writeText(token)
      .then(() => setCopied('yes'))
      .catch(() => setCopied('failed'));
  };
  return (
    <Card
      title={`Your new token “${name}”`}
      className="shell-new-token"
      actions={<Button onClick={onDone}>Done</Button>}
    >
      <p className="shell-warning" role="status">
        Copy this token now: it is shown only once, and Atrium keeps only a hash of it. Treat it like a
        password.
      </p>
      <div className="shell-new-token__value">
        <TextField
          label="New API token"
          hideLabel
          readOnly
          value={token}
          className="shell-new-token__field"
          onFocus={(event) => event.target.select()}
        />
        <Button variant="primary" icon="copy" onClick={copy}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      {copied === 'failed' ? (
        <p className="shell-muted">
          The browser did not allow copying; select the token and copy it by hand.
        </p>
      ) : null}
      <p className="shell-muted">
        Use it as a bearer token: <code>Authorization: Bearer {token.slice(0, 12)}…</code>
      </p>
    </Card>
  );
}
