#!/usr/bin/env node
// A development mail catcher: an SMTP server that keeps every message it is given in memory, and a
// small HTTP API to read them. Plain CommonJS so it runs before the build:
//   node tools/mailcatcher/mailcatcher.cjs            SMTP on 1025, HTTP on 1080
//   GET /messages[?to=<address>]    DELETE /messages
// It catches texts too, as the generic HTTP SMS provider sends them (notify's SMS_PROVIDER=http):
//   POST /texts {to, body, reference}    GET /texts[?to=<E.164 number>]    GET /texts/<id> (its receipt)    DELETE /texts
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** The addresses of a parsed address header (To, From), flattening groups. */
function addresses(header) {
  const lists = [].concat(header || []);
  return lists.flatMap((list) => (list.value || []).flatMap((a) => (a.group ? a.group.map((g) => g.address) : [a.address]))).filter(Boolean);
}

/** The stored shape of one message: who the server was asked to deliver it to, and what it said. */
function toMessage(parsed, envelope) {
  const recipients = envelope.rcptTo.map((r) => r.address);
  return {
    id: randomUUID(),
    from: parsed.from ? parsed.from.text : envelope.mailFrom ? envelope.mailFrom.address : '',
    to: recipients.length > 0 ? recipients : addresses(parsed.to),
    subject: parsed.subject || '',
    text: parsed.text || '',
    messageId: parsed.messageId || null,
    date: (parsed.date || new Date()).toISOString(),
    // Attached files whole (base64), so a test can open the PDF a service sent.
    attachments: (parsed.attachments || []).map((a) => ({
      filename: a.filename || null,
      contentType: a.contentType,
      size: a.size,
      base64: a.content.toString('base64'),
    })),
  };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.removeListener('error', onError);
      resolve(server.address().port);
    });
  });
}

function sendJson(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

/**
 * Starts the catcher; a port of 0 picks a free one, and the real ports are returned.
 * @param {{ smtpPort?: number, httpPort?: number, host?: string }} [options]
 */
async function startMailCatcher({ smtpPort = 1025, httpPort = 1080, host = '127.0.0.1' } = {}) {
  let store = [];

  const smtp = new SMTPServer({
    logger: false,
    secure: false,
    disabledCommands: ['STARTTLS'],
    // Any client may send, with or without credentials, in the clear.
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username || 'anonymous' }),
    size: MAX_MESSAGE_BYTES,
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          if (stream.sizeExceeded) return callback(Object.assign(new Error('message too large'), { responseCode: 552 }));
          store.push(toMessage(parsed, session.envelope));
          callback();
        },
        (error) => callback(error),
      );
    },
  });
  smtp.on('error', (error) => console.error(`mailcatcher smtp: ${error.message}`));

  let texts = [];
  /** The text catcher: what a generic HTTP SMS provider would be sent, kept as it came. */
  const textsRoute = (req, res, url) => {
    if (req.method === 'GET') {
      const to = url.searchParams.get('to');
      return sendJson(res, 200, to ? texts.filter((t) => t.to === to.trim()) : texts);
    }
    if (req.method === 'DELETE') {
      texts = [];
      res.writeHead(204).end();
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST, DELETE');
      return sendJson(res, 405, { error: `${req.method} is not allowed on /texts` });
    }
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      let body;
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, { error: 'the body must be JSON' });
      }
      if (typeof body?.to !== 'string' || !/^\+[1-9]\d{6,14}$/.test(body.to) || typeof body.body !== 'string')
        return sendJson(res, 400, { error: '`to` (E.164) and `body` are required' });
      const text = { id: randomUUID(), to: body.to, body: body.body, reference: body.reference ?? null, date: new Date().toISOString() };
      texts.push(text);
      return sendJson(res, 201, { id: text.id });
    });
  };

  const api = http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://localhost');
    if (url.pathname === '/texts') return textsRoute(req, res, url);
    // A caught text's receipt: the catcher "delivers" every text it keeps.
    const caught = /^\/texts\/([^/]+)$/.exec(url.pathname);
    if (caught && req.method === 'GET') {
      const text = texts.find((t) => t.id === decodeURIComponent(caught[1]));
      return text ? sendJson(res, 200, { id: text.id, status: 'delivered' }) : sendJson(res, 404, { error: 'no such text' });
    }
    if (url.pathname !== '/messages') return sendJson(res, 404, { error: 'not found; try GET /messages' });
    if (req.method === 'GET') {
      const to = url.searchParams.get('to');
      const wanted = to ? to.trim().toLowerCase() : null;
      return sendJson(res, 200, wanted ? store.filter((m) => m.to.some((a) => a.toLowerCase() === wanted)) : store);
    }
    if (req.method === 'DELETE') {
      store = [];
      res.writeHead(204).end();
      return;
    }
    res.setHeader('allow', 'GET, DELETE');
    return sendJson(res, 405, { error: `${req.method} is not allowed on /messages` });
  });

  const realSmtpPort = await listen(smtp.server, smtpPort, host);
  let realHttpPort;
  try {
    realHttpPort = await listen(api, httpPort, host);
  } catch (error) {
    await new Promise((resolve) => smtp.close(resolve));
    throw error;
  }

  return {
    smtpPort: realSmtpPort,
    httpPort: realHttpPort,
    messages: () => store.slice(),
    texts: () => texts.slice(),
    clear: () => {
      store = [];
    },
    close: () =>
      Promise.all([
        new Promise((resolve) => smtp.close(resolve)),
        new Promise((resolve) => {
          api.close(() => resolve());
          api.closeAllConnections();
        }),
      ]).then(() => undefined),
  };
}

module.exports = { startMailCatcher };

if (require.main === module) {
  const port = (name, fallback) => {
    const value = process.env[name];
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      console.error(`mailcatcher: ${name} must be a port number, got "${value}"`);
      process.exit(1);
    }
    return n;
  };
  startMailCatcher({
    smtpPort: port('MAILCATCHER_SMTP_PORT', 1025),
    httpPort: port('MAILCATCHER_HTTP_PORT', 1080),
    host: process.env.MAILCATCHER_HOST || '127.0.0.1',
  })
    .then((catcher) => {
      const host = process.env.MAILCATCHER_HOST || '127.0.0.1';
      console.log(`mailcatcher: SMTP  smtp://${host}:${catcher.smtpPort}`);
      console.log(`mailcatcher: HTTP  http://${host}:${catcher.httpPort}/messages`);
      const stop = () => catcher.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error) => {
      console.error(`mailcatcher cannot start: ${error.message}`);
      process.exit(1);
    });
}
