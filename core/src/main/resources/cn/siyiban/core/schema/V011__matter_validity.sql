-- Months a certificate issued for the matter stays valid, null where it does not expire.
-- Central plans a reminder before the certificate of an approved case expires.
ALTER TABLE sy_matter ADD COLUMN validity_months INTEGER;
