// The startup baseline: the least a server and a page can do. A bare node:http server on
// 127.0.0.1, started like the devhost (a spawned node process that prints its address), serving
// one small HTML page whose one tiny module script renders the same heading the app waits for.
import { createServer } from 'node:http';

const PAGE = `<!doctype html>
<html lang="nb">
  <head>
    <meta charset="UTF-8" />
    <title>Baseline</title>
    <script type="module" src="/app.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
const SCRIPT = `const heading = document.createElement('h2');
heading.textContent = 'Bibliotek';
document.getElementById('root').append(heading);
`;

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(PAGE);
  } else if (path === '/app.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(SCRIPT);
  } else {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  }
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`BENCH_BASELINE_URL=http://127.0.0.1:${port}/\n`);
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
