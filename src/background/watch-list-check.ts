/**
 * The check of the watch list on connect: the People API is asked about every watched contact;
 * bots and people who no longer exist are recorded as invalid (never subscribed), and names,
 * emails and pictures are refreshed (the user's own settings kept: refreshedContact).
 */
import type { WatchedContact } from '../shared/contact';
import { watchListCheckItem, watchListItem, type WatchListCheck } from '../shared/storage-items';
import { refreshedContact } from './contact-resolver';
import type { FeedSession } from './feed-session';

const sameDetails = (a: WatchedContact, b: WatchedContact) =>
  a.displayName === b.displayName &&
  a.emails.join() === b.emails.join() &&
  a.firstName === b.firstName &&
  a.lastName === b.lastName &&
  a.avatar === b.avatar;

/** The check's verdicts, also stored; null when the check could not be made. */
export async function checkWatchList(
  session: Pick<FeedSession, 'validate'>,
  contacts: readonly WatchedContact[],
  now: number,
): Promise<WatchListCheck | null> {
  if (contacts.length === 0) return null;
  let checked;
  try {
    checked = await session.validate(contacts);
  } catch (error) {
    console.warn('Presence Lens: could not check the watch list', error);
    return null;
  }
  const check = { checkedAt: now, invalidIds: checked.invalidIds };
  await watchListCheckItem.set(check);
  const { found } = checked;
  const refreshed = (c: WatchedContact): WatchedContact => {
    const person = found.get(c.contactId);
    return person ? refreshedContact(c, person) : c;
  };
  if (contacts.some((c) => !sameDetails(refreshed(c), c))) {
    await watchListItem.update((list) => list.map(refreshed));
  }
  return check;
}
