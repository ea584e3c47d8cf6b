/* global fetch, AbortSignal */
// Container health check: exits 0 when GET <url> answers 2xx within 4 s, 1 otherwise. The images
// have node but no curl.
const [url] = process.argv.slice(2);
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
