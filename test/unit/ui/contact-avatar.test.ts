// @vitest-environment happy-dom
import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { contactAvatar } from '../../../src/ui/contact-row-actions';
import { ada } from './fixtures';

function avatarOf(contact: typeof ada): HTMLElement {
  const host = document.createElement('div');
  render(contactAvatar(contact), host);
  return host.querySelector('.avatar')!;
}

describe('contactAvatar', () => {
  it('shows initials when the contact has no picture', () => {
    const avatar = avatarOf(ada);
    expect(avatar.textContent?.trim()).toBe('AL');
    expect(avatar.querySelector('img')).toBeNull();
    expect(avatar.getAttribute('aria-hidden')).toBe('true');
  });

  it('puts the picture over the initials, sends no referrer, and hides a picture that fails', () => {
    const avatar = avatarOf({ ...ada, avatar: 'https://a.webexcontent.com/x~1600' });
    const img = avatar.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://a.webexcontent.com/x~1600');
    expect(img.getAttribute('alt')).toBe('');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(avatar.textContent?.trim()).toBe('AL');
    img.dispatchEvent(new Event('error'));
    expect(img.hidden).toBe(true);
  });
});
