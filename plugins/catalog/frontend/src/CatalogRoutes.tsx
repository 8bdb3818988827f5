import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { CatalogPage } from './CatalogPage';

// Registering is rare next to browsing: its code loads only when the page is opened.
const RegisterPage = lazy(() => import('./RegisterPage').then((m) => ({ default: m.RegisterPage })));

/** The catalog plugin's page at `/catalog/*`: the catalog itself, and `/catalog/register`. */
export function CatalogRoutes() {
  return (
    <Routes>
      <Route index element={<CatalogPage />} />
      <Route path="register" element={<RegisterPage />} />
    </Routes>
  );
}
