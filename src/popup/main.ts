// Entry module of the toolbar popup (src/popup/index.html).
import { FOLLOW_PRESENCE } from '../shared/presence-changes';
import { keepBackgroundPortForPage } from '../ui/background-port';
import { popupPresenceFeed } from './presence-feed';
import './presence-popup';

keepBackgroundPortForPage({ greeting: FOLLOW_PRESENCE, onMessage: popupPresenceFeed.deliver });
