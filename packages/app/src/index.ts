import { createEarlyFetch } from './services/createEarlyFetch';

// Who is signed in and which plugins run are asked for now, while the code below
// downloads, instead of after it has started: the first paint waits for both.
const earlyFetch = createEarlyFetch(window.fetch.bind(window), ['/api/core/auth/me', '/api/core/plugins']);

// An async boundary: Module Federation negotiates the shared modules (React,
// the router, the plugin API) before any of them is evaluated.
import('./bootstrap').then(({ startShell }) => startShell(earlyFetch));
