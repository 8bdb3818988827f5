import { useContext } from 'react';
import { type ShellServices, ShellServicesContext } from './ShellServices';

/** The shell's services; only the shell's own components use this. */
export function useShellServices(): ShellServices {
  const services = useContext(ShellServicesContext);
  if (!services) {
    throw new Error('useShellServices() was called outside <App>');
  }
  return services;
}
