import express, { type Express } from 'express';
import path from 'node:path';

/** govuk-frontend's compiled CSS, JS, fonts and images, served as the package ships them. */
export function serveGovukFrontend(app: Express): void {
  const dist = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist/govuk');
  const long = { maxAge: '1d', immutable: false, index: false };
  app.use('/assets', express.static(path.join(dist, 'assets'), long));
  app.get('/stylesheets/govuk-frontend.min.css', (_req, res) => res.sendFile(path.join(dist, 'govuk-frontend.min.css')));
  app.get('/javascripts/govuk-frontend.min.js', (_req, res) => res.sendFile(path.join(dist, 'govuk-frontend.min.js')));
  // The two scripts the GOV.UK page template inlines, as files, so the CSP needs no 'unsafe-inline'.
  app.get('/javascripts/js-enabled.js', (_req, res) =>
    res.type('js').send("document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');"),
  );
  app.get('/javascripts/init.js', (_req, res) => res.type('js').send("import { initAll } from '/javascripts/govuk-frontend.min.js';\ninitAll();\n"));
}

/** Headers every page carries: no framing, no sniffing, scripts and styles from this origin only. */
export function securityHeaders(app: Express): void {
  app.use((_req, res, next) => {
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
}
