// Entry module of the toolbar popup (src/popup/index.html).
import { keepBackgroundPortForPage } from '../ui/background-port';
import './presence-popup';

keepBackgroundPortForPage();
