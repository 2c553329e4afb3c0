import { createServer, type Server } from 'node:http';
import type { MetricsService } from './metrics.service';

/**
 * Prometheus metrics on a port of their own, apart from the port that serves the API or health:
 * they say how busy the platform is and what it is doing, which is for operators' scrapers, not for
 * whoever can reach the API. Ops expose this port to the scraper only.
 */
export async function serveMetrics(metrics: MetricsService, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Only GET /metrics is served here.\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics could not be collected: ${error.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return server;
}
