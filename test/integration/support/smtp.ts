// A real SMTP server in-process on 127.0.0.1 (the smtp-server package), for sending tests: it keeps every message
// it accepts, and fails on request: a 4xx or 5xx reply to DATA, or a connection dropped mid-message.
import { SMTPServer } from 'smtp-server';

/** smtp-server's connection object, for dropping one mid-message. */
interface Connection {
  session?: { id: string };
  _socket: { destroy(): void };
}

export type SmtpFault = 'tempfail' | 'reject' | 'drop';

export interface ReceivedMail {
  to: string[];
  headers: Map<string, string>;
  /** The text part, decoded (quoted-printable or base64). */
  text: string;
  raw: string;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** Faults for the next messages, in order; each message takes one (none left: accepted). */
  faults: SmtpFault[];
  stop(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const faults: SmtpFault[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const fault = faults.shift();
        if (fault === 'drop') {
          // The whole message arrived, but the reply never does: the sender cannot know, and must retry.
          for (const connection of (server as unknown as { connections: Set<Connection> }).connections) {
            if (connection.session?.id === session.id) connection._socket.destroy();
          }
          return;
        }
        if (fault === 'tempfail') return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        if (fault === 'reject') return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), ...parseMail(raw), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    faults,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function parseMail(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  let text = body;
  if (encoding === 'quoted-printable') {
    text = Buffer.from(
      body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  } else if (encoding === 'base64') text = Buffer.from(body, 'base64').toString('utf8');
  return { headers, text: text.replace(/\r\n/g, '\n') };
}
