/**
 * The GET /docs page: a static HTML shell whose inline script (built from client.ts) loads
 * /openapi.json and renders the reference. `npm run docs-page` renders it once into
 * openapi/docs.html, a static asset; the Worker keeps only its headers and the CSP hashes.
 */
import { DOCS_SCRIPT_SHA256, DOCS_STYLE_SHA256 } from './assets.generated';

/** Where the page reads the API document from (same origin). */
export const OPENAPI_PATH = '/openapi.json';

/**
 * Nothing loads but the inline script and style whose hashes are listed, and fetch() to this
 * origin; no frames, no forms posting anywhere, no <base>.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${DOCS_SCRIPT_SHA256}'`,
  `style-src 'sha256-${DOCS_STYLE_SHA256}'`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const DOCS_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': DOCS_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * The page around the inline script and style (build time: scripts/docs-page.mjs). `href="data:,"`
 * on the icon stops the browser asking for /favicon.ico.
 */
export const renderDocsPage = (script: string, style: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>API reference</title>
<link rel="icon" href="data:,">
<style>${style}</style>
</head>
<body>
<a class="skip" href="#content">Skip to the operations</a>
<div class="layout">
<header class="top">
<h1 id="title">API reference</h1>
<div id="intro"><p class="meta">The machine-readable document: <a href="${OPENAPI_PATH}">${OPENAPI_PATH}</a></p></div>
</header>
<nav id="toc" aria-label="Operations"></nav>
<main id="main">
<p id="status" role="status">Loading <a href="${OPENAPI_PATH}">${OPENAPI_PATH}</a>…</p>
<noscript><p>This page needs JavaScript to render the API reference. The document itself is at <a href="${OPENAPI_PATH}">${OPENAPI_PATH}</a>.</p></noscript>
<div id="content" tabindex="-1"></div>
</main>
</div>
<script>${script}</script>
</body>
</html>
`;
