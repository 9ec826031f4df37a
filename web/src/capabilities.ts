// Which endpoints this server has, read from its OpenAPI document (public, no token needed).
// Pages whose API is missing say "not available on this server" instead of guessing.

export class Capabilities {
  constructor(private readonly operations: Set<string>) {}

  // `pattern` as in the OpenAPI document, e.g. "/api/v1/products/{name}/contract".
  has(method: string, pattern: string): boolean {
    return this.operations.has(method.toUpperCase() + ' ' + pattern);
  }

  static async load(): Promise<Capabilities> {
    const response = await fetch('/api/v1/openapi.json', { credentials: 'omit' });
    if (!response.ok) throw new Error('the server has no /api/v1/openapi.json');
    const document = await response.json();
    const operations = new Set<string>();
    for (const [path, item] of Object.entries<Record<string, unknown>>(document.paths ?? {})) {
      for (const method of Object.keys(item)) {
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) {
          operations.add(method.toUpperCase() + ' ' + normalise(path));
        }
      }
    }
    return new Capabilities(operations);
  }
}

// OpenAPI paths may be written relative to a server URL of /api/v1; the UI always uses full paths.
function normalise(path: string): string {
  return path.startsWith('/api/') || path.startsWith('/healthz') || path.startsWith('/readyz')
    ? path
    : '/api/v1' + path;
}
