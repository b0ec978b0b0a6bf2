-- Generic JSON webhooks (Zapier, Typeform, a CRM): where each lead field is in the sender's JSON, and the secret
-- a sender signs its deliveries with (Typeform-Signature): kept usable, never returned
ALTER TABLE source ADD COLUMN field_mapping text;       -- JSON object: lead field -> JSON pointer
ALTER TABLE source ADD COLUMN webhook_secret text;
