import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleLogger } from '../../../src/webex/log';

afterEach(() => vi.restoreAllMocks());

describe('consoleLogger', () => {
  it('writes warnings and errors to the console, with the extension name', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const detail = new Error('boom');
    consoleLogger('warn', 'Refreshing the device failed');
    consoleLogger('error', 'A Mercury handler threw', detail);
    expect(warn).toHaveBeenCalledWith('Presence Lens: Refreshing the device failed');
    expect(error).toHaveBeenCalledWith('Presence Lens: A Mercury handler threw', detail);
  });

  it('keeps debug and info out of the console', () => {
    const spies = (['debug', 'info', 'log', 'warn', 'error'] as const).map((name) =>
      vi.spyOn(console, name).mockImplementation(() => {}),
    );
    consoleLogger('debug', 'Mercury socket error');
    consoleLogger('info', 'Mercury sequence gap');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
