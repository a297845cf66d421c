/**
 * What a seeker looks like on the wire. The certificate number is masked by default; the
 * resident ID's birth date and sequence never leave the server except to those allowed (#4).
 */
import type { Seeker } from '../../../db/schema.js';
import { maskCertificateNumber } from '../../domain/identity.js';

export interface SeekerDetail extends Seeker {
  needs: { code: string; strength: string }[];
  skills: { skill: string; level: string }[];
  enrollments: { id: number; courseId: number; status: string; enrolledOn: string; completedOn: string | null }[];
}

export function presentSeeker(s: SeekerDetail, opts: { revealCertificate?: boolean } = {}) {
  const { certificateNumber, birthDate, consentSensitiveData, consentMatchAlerts, consentShareWithEmployers, ...rest } = s;
  return {
    ...rest,
    certificateNumber: opts.revealCertificate ? certificateNumber : maskCertificateNumber(certificateNumber),
    certificateMasked: !opts.revealCertificate,
    birthYear: Number(birthDate.slice(0, 4)),
    consents: { sensitiveData: consentSensitiveData, matchAlerts: consentMatchAlerts, shareWithEmployers: consentShareWithEmployers },
  };
}
