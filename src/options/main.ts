// Entry module of the options page (src/options/index.html).
import { keepBackgroundPortForPage } from '../ui/background-port';
import './presence-options';

keepBackgroundPortForPage();
