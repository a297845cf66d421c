/**
 * Runs in <head>, before the page paints: the page's language (so screen readers pick the right
 * voice from the start) and the remembered large-text / high-contrast modes.
 */
import { applyDisplay, displayPrefs, initialLang } from './prefs.js';

const root = document.documentElement;
root.lang = initialLang(location.search);
applyDisplay(root, displayPrefs());
root.classList.add('js');
