import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/server.js';
import { MercuryClient, runScript, TOKEN } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/close-then-exit.ts', import.meta.url));

describe('lifecycle', () => {
  it('close() ends sockets and refuses new connections', async () => {
    const emu = await startEmulator({ port: 0 });
    expect(emu.baseUrl).toBe(`http://127.0.0.1:${emu.port}`);
    const res = await fetch(`${emu.baseUrl}/wdm/api/v1/devices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const device = (await res.json()) as { webSocketUrl: string };
    const client = await MercuryClient.connect(device.webSocketUrl);
    await emu.close();
    await emu.close(); // idempotent
    expect((await client.closed).code).toBe(1006);
    await expect(fetch(`${emu.baseUrl}/demo`)).rejects.toThrow();
  });

  it('leaves nothing running: a process that only starts and closes it exits by itself', async () => {
    const { code, output } = await runScript(FIXTURE);
    expect(code, output).toBe(0);
    expect(output).toContain('closed');
  }, 10_000);

  it('rejects when the port is taken', async () => {
    const emu = await startEmulator({ port: 0 });
    await expect(startEmulator({ port: emu.port })).rejects.toThrow(/EADDRINUSE/);
    await emu.close();
  });
});
