import { Button, Dialog, ErrorPanel, TextField } from '@atrium/plugin-api/frontend';
import { type FormEvent, useId, useState } from 'react';

/** What the create form sends as `POST /api/core/auth/tokens`. */
export interface CreateApiTokenRequest {
  name: string;
  expiresInDays: number;
  scopes: string[];
}

/** The scope a new token gets unless the user changes it: reading the catalog, enough for most scripts. */
const defaultScopes = 'catalog.entity.read';

/** The dialog that asks for a new token's name, lifetime and scopes. */
export function CreateApiTokenDialog({
  open,
  onOpenChange,
  onCreate,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Creates the token; a rejection is shown in the dialog, which stays open. */
  onCreate: (request: CreateApiTokenRequest) => Promise<void>;
}) {
  const formId = useId();
  const scopesId = useId();
  const [name, setName] = useState('');
  const [days, setDays] = useState('30');
  const [scopes, setScopes] = useState(defaultScopes);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onCreate({
        name: name.trim(),
        expiresInDays: Number(days),
        scopes: scopes
          .split(/[\s,]+/)
          .map((scope) => scope.trim())
          .filter(Boolean),
      });
      setName('');
      setScopes(defaultScopes);
      setDays('30');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Create an API token"
      description="The token acts as you, limited to the scopes below. You will see it once."
      footer={
        <>
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" form={formId} variant="primary" icon="key" disabled={busy}>
            {busy ? 'Creating…' : 'Create token'}
          </Button>
        </>
      }
    >
      <form id={formId} className="shell-form" onSubmit={submit}>
        <TextField
          label="Name"
          description="What the token is for, e.g. “CI deploy job”."
          value={name}
          required
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          label="Expires in (days)"
          type="number"
          min={1}
          max={365}
          required
          value={days}
          onChange={(event) => setDays(event.target.value)}
        />
        <div className="atrium-field">
          <label htmlFor={scopesId} className="atrium-field__label">
            Scopes
          </label>
          <textarea
            id={scopesId}
            className="atrium-input shell-form__textarea"
            rows={3}
            required
            aria-describedby={`${scopesId}-description`}
            value={scopes}
            onChange={(event) => setScopes(event.target.value)}
          />
          <p id={`${scopesId}-description`} className="atrium-field__description">
            Permission patterns, one per line: an id such as <code>catalog.entity.read</code>, a prefix such
            as <code>catalog.*</code>, or <code>*</code> for everything you may do. The token can never do
            more than you.
          </p>
        </div>
        {error ? <ErrorPanel title="Could not create the token" error={error} /> : null}
      </form>
    </Dialog>
  );
}
