import { type Context, useContext } from 'react';

/** Reads a context the shell must have set, naming the hook and the missing provider when it did not. */
export function useRequiredContext<T>(context: Context<T | undefined>, hook: string, provider: string): T {
  const value = useContext(context);
  if (value === undefined) {
    throw new Error(
      `${hook}() was called outside ${provider}; it only works inside a contribution the Atrium shell renders`,
    );
  }
  return value;
}
