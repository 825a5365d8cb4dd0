// The SMTP server the browser tests start (Nodemailer's smtp-server): it accepts every mail,
// parses it (mailparser) and lists what it received as JSON at http://127.0.0.1:HTTP_PORT/messages.
// Usage: node mail-server.mjs SMTP_PORT HTTP_PORT
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { createServer } from 'node:http';

const [smtpPort, httpPort] = process.argv.slice(2).map(Number);
const messages = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, done) {
    simpleParser(stream)
      .then((mail) => {
        messages.push({
          from: session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
        });
        done();
      })
      .catch(done);
  },
});
smtp.listen(smtpPort, '127.0.0.1');

createServer((request, response) => {
  const url = new URL(request.url, 'http://localhost');
  if (url.pathname === '/messages') {
    const to = url.searchParams.get('to');
    const found = messages.filter((m) => !to || m.to.includes(to));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(found));
  } else {
    response.writeHead(url.pathname === '/health' ? 200 : 404);
    response.end();
  }
}).listen(httpPort, '127.0.0.1');
