// An async boundary: Module Federation negotiates the shared modules (React,
// the router, the plugin API) before any of them is evaluated.
import('./bootstrap');
