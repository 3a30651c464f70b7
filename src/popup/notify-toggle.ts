/** "Notify on/off" from the popup: the background owns watch-list writes (`setNotify`). */
import type { WatchedContact } from '../shared/contact';
import { sendRequest } from '../shared/messages';

/** Flips the contact's setting; resolves to "" when done, else why not (a sentence). */
export async function toggleNotify(contact: WatchedContact): Promise<string> {
  const answer = await sendRequest({
    type: 'setNotify',
    contactId: contact.contactId,
    notify: contact.notify !== true,
  });
  return answer.ok ? '' : answer.error;
}
