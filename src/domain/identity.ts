/**
 * Resident ID numbers (GB 11643-1999) and second-generation disability certificate numbers
 * (第二代残疾人证: the holder's 18-character ID + category digit 1–7 + level digit 1–4).
 * Both are sensitive: never log them, never put them in URLs, show them masked.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdProblem = 'format' | 'birth_date' | 'birth_date_future' | 'check_character';

export interface ResidentId {
  areaCode: string;
  birthDate: string;
  gender: 'male' | 'female';
}

/** The check character for the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** True when `yyyymmdd` is a real calendar date. */
export function isRealDate(yyyy: number, mm: number, dd: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const d = new Date(Date.UTC(yyyy, mm - 1, dd));
  return d.getUTCFullYear() === yyyy && d.getUTCMonth() === mm - 1 && d.getUTCDate() === dd;
}

/** `YYYY-MM-DD` that names a real day. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Validates an 18-character resident ID; `today` is `YYYY-MM-DD`. */
export function parseResidentId(id: string, today: string): { ok: true; value: ResidentId } | { ok: false; problem: IdProblem } {
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' };
  const yyyy = Number(id.slice(6, 10));
  const mm = Number(id.slice(10, 12));
  const dd = Number(id.slice(12, 14));
  if (yyyy < 1900 || !isRealDate(yyyy, mm, dd)) return { ok: false, problem: 'birth_date' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, problem: 'birth_date_future' };
  if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'check_character' };
  return {
    ok: true,
    value: { areaCode: id.slice(0, 6), birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' },
  };
}

export type CertificateProblem = IdProblem | 'length' | 'category_digit' | 'level_digit';

export interface DisabilityCertificate extends ResidentId {
  residentId: string;
  category: number;
  level: number;
}

/** Validates a 20-character disability certificate number. Lower-case `x` is accepted as `X`. */
export function parseCertificateNumber(
  raw: string,
  today: string,
): { ok: true; value: DisabilityCertificate } | { ok: false; problem: CertificateProblem } {
  const cert = normaliseCertificateNumber(raw);
  if (cert.length !== 20) return { ok: false, problem: 'length' };
  const id = parseResidentId(cert.slice(0, 18), today);
  if (!id.ok) return id;
  const category = Number(cert[18]);
  const level = Number(cert[19]);
  if (!/^[1-7]$/.test(cert[18]!)) return { ok: false, problem: 'category_digit' };
  if (!/^[1-4]$/.test(cert[19]!)) return { ok: false, problem: 'level_digit' };
  return { ok: true, value: { ...id.value, residentId: cert.slice(0, 18), category, level } };
}

export function normaliseCertificateNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * `44031019900307123X41` → `440310**********3X41`: the area code and the last four characters
 * stay (enough for a person to recognise their own card), the birth date and sequence go.
 */
export function maskCertificateNumber(cert: string): string {
  if (cert.length <= 10) return '*'.repeat(cert.length);
  return cert.slice(0, 6) + '*'.repeat(cert.length - 10) + cert.slice(-4);
}
