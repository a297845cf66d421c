/**
 * Display preferences on this device: language, large text, high contrast.
 *
 * Before sign-in they live in localStorage; at sign-in the account's saved preferences are merged
 * in (see `adoptAccountPreferences`), and every change while signed in is also saved to the account
 * (`PATCH /api/v1/auth/preferences`), so they follow the person to another device.
 * The classes on <html> are applied by dist/boot.js before first paint.
 */
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

const KEY = { lang: 'ab.lang', largeText: 'ab.largeText', highContrast: 'ab.highContrast', langChosen: 'ab.langChosen' } as const;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked: defaults, nothing remembered
  }
}
function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage blocked */
  }
}

export const isLang = (x: unknown): x is Lang => x === 'zh-CN' || x === 'en';

/** `?lang=` on the address (the language switch link) wins and is remembered; then this device; then Chinese. */
export function initialLang(search: string): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (isLang(asked)) {
    write(KEY.lang, asked);
    try {
      sessionStorage.setItem(KEY.langChosen, '1');
    } catch {
      /* storage blocked */
    }
    return asked;
  }
  const stored = read(KEY.lang);
  return isLang(stored) ? stored : 'zh-CN';
}

/** The person picked the language on this visit (the sign-in form keeps it rather than the account's). */
export function langChosenThisVisit(): boolean {
  try {
    return sessionStorage.getItem(KEY.langChosen) === '1';
  } catch {
    return false;
  }
}

export interface DisplayPrefs {
  largeText: boolean;
  highContrast: boolean;
}

export function displayPrefs(): DisplayPrefs {
  return { largeText: read(KEY.largeText) === 'true', highContrast: read(KEY.highContrast) === 'true' };
}

export function rememberLang(lang: Lang): void {
  write(KEY.lang, lang);
}

export function rememberDisplay(prefs: Partial<DisplayPrefs>): void {
  if (prefs.largeText !== undefined) write(KEY.largeText, String(prefs.largeText));
  if (prefs.highContrast !== undefined) write(KEY.highContrast, String(prefs.highContrast));
  applyDisplay(document.documentElement, displayPrefs());
}

export function applyDisplay(root: HTMLElement, prefs: DisplayPrefs): void {
  root.classList.toggle('large-text', prefs.largeText);
  root.classList.toggle('high-contrast', prefs.highContrast);
}
