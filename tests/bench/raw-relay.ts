// Baseline for the fan-out benchmark: a bare `ws` server that relays every frame it receives to all its
// other clients, with nothing else (no validation, no storage). Prints its port.
import { WebSocketServer, type WebSocket } from 'ws';

const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
wss.on('connection', (ws: WebSocket) => {
  ws.on('message', (data) => {
    const frame = data.toString();
    for (const other of wss.clients) if (other !== ws) other.send(frame);
  });
});
wss.on('listening', () => console.log(`RELAY_PORT ${(wss.address() as { port: number }).port}`));
