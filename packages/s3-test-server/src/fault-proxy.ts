import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { FaultProxy, FaultRule } from './types.js';

/** The body S3 sends with an error status, so SDKs parse the code as they would from AWS. */
function s3ErrorXml(code: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>Fault injected by @tb/s3-test-server</Message>` +
    `<RequestId>${randomBytes(8).toString('hex').toUpperCase()}</RequestId></Error>`
  );
}

/**
 * An HTTP proxy on 127.0.0.1 in front of `target` (an endpoint URL) that forwards requests
 * unchanged (the Host header as the client sent it, so SigV4 signatures still verify at the
 * target; bodies streamed both ways) except those matched by injected fault rules.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const rules: FaultRule[] = [];
  const stats = { requests: 0, failed: 0 };

  const takeFault = (req: http.IncomingMessage): FaultRule['fault'] | undefined => {
    const rule = rules.find(
      (candidate) => candidate.count > 0 && (candidate.match?.(req.method ?? '', req.url ?? '', req.headers) ?? true),
    );
    if (!rule) return undefined;
    rule.count -= 1;
    return rule.fault;
  };

  const server = http.createServer((req, res) => {
    stats.requests += 1;
    const fault = takeFault(req);
    if (fault !== undefined) {
      stats.failed += 1;
      if (fault === 'reset') {
        req.socket.destroy();
        return;
      }
      const body = req.method === 'HEAD' ? '' : s3ErrorXml(fault.code);
      res.writeHead(fault.status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    const forwarded = http.request(
      {
        protocol: upstream.protocol,
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    forwarded.on('error', () => {
      if (res.headersSent) res.destroy();
      else res.writeHead(502, { 'Content-Type': 'text/plain' }).end('fault proxy: upstream failed');
    });
    // A client that goes away mid-request should not leave the upstream request running.
    res.on('close', () => {
      if (!res.writableFinished) forwarded.destroy();
    });
    req.pipe(forwarded);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    inject(rule) {
      // A copy, so spending the rule does not change the caller's object.
      rules.push({ ...rule });
    },
    get stats() {
      return stats;
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      });
      return stopped;
    },
  };
}
